package org.contractfirst.notebooks.inventory;

import java.util.List;

/**
 * What a listing gave: the instances of every source that answered (in source order, then as each API returned
 * them) and one error entry per source, or SCNet instance, that did not.
 */
public record InventoryResult(List<NotebookInstance> instances, List<SourceError> errors, int sources,
                              int sourcesAnswered) {

    public enum Outcome {
        /** Every source answered: exit code 0. */
        COMPLETE(0),
        /** Some answered, some did not: exit code 2. */
        PARTIAL(2),
        /** No source answered: exit code 1. */
        FAILED(1);

        private final int exitCode;

        Outcome(int exitCode) {
            this.exitCode = exitCode;
        }

        public int exitCode() {
            return exitCode;
        }
    }

    public InventoryResult {
        instances = List.copyOf(instances);
        errors = List.copyOf(errors);
    }

    public Outcome outcome() {
        if (errors.isEmpty()) {
            return Outcome.COMPLETE;
        }
        return sourcesAnswered > 0 || !instances.isEmpty() ? Outcome.PARTIAL : Outcome.FAILED;
    }
}
