package org.contractfirst.notebooks.inventory;

import org.contractfirst.notebooks.runtime.state.NotebookState;
import org.contractfirst.notebooks.runtime.state.StateMapping;

import java.util.Map;

/**
 * The runtime's {@link StateMapping} tables (shared with the clients' waiters) by {@link Platform}. The README's
 * table is these; StateMappingSpecTest fails when a spec's status enum has a value that is not here.
 */
public final class StateMappings {

    /** The platform's own documented "we do not know" words: the only documented values mapped to UNKNOWN. */
    public static final Map<Platform, String> VENDOR_UNKNOWN = Map.of(Platform.EIHEALTH,
            StateMapping.EIHEALTH.vendorUnknown());

    private StateMappings() {
    }

    /** The normalized state of {@code raw} on {@code platform}; UNKNOWN for null and for any undocumented value. */
    public static NotebookState map(Platform platform, String raw) {
        return mapping(platform).map(raw);
    }

    /** The platform's table, in the order of its spec. */
    public static Map<String, NotebookState> table(Platform platform) {
        return mapping(platform).table();
    }

    /** The platform's mapping. */
    public static StateMapping mapping(Platform platform) {
        return switch (platform) {
            case MODELARTS -> StateMapping.MODELARTS;
            case MODELARTS_OLD -> StateMapping.MODELARTS_OLD;
            case EIHEALTH -> StateMapping.EIHEALTH;
            case SCNET -> StateMapping.SCNET;
        };
    }
}
