package org.contractfirst.notebooks.inventory.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * End to end: {@code wait} with no configuration starts the Prism mock of the one platform and waits on its
 * documented example (static mocks: the status never changes), with the real clock.
 */
class WaitCliMocksTest {

    private static final String MODELARTS_ID = "f9937afa-ca78-45b6-bc12-7ecf42553c48";

    @Test
    void modelArtsExampleIsCreatingSoStartingIsReachedAtTheFirstPoll() throws IOException {
        NotebooksCliTest.Run r = NotebooksCliTest.run(Map.of(), "wait", "--platform", "modelarts", "--id", MODELARTS_ID,
                "--state", "starting", "--state", "running", "--format", "json");
        assertThat(r.exit()).as(r.err()).isEqualTo(WaitCommand.EXIT_REACHED);
        JsonNode n = new ObjectMapper().readTree(r.out()).get(0);
        assertThat(n.get("source").asText()).isEqualTo("modelarts-mock");
        assertThat(n.get("id").asText()).isEqualTo(MODELARTS_ID);
        assertThat(n.get("name").asText()).isEqualTo("notebook_5ee4bf0e");
        assertThat(n.get("rawStatus").asText()).isEqualTo("CREATING");
        assertThat(r.err()).isEqualTo("notebooks: no --config: waiting on a Prism mock of modelarts (its documented example)"
                + System.lineSeparator() + "notebooks: modelarts instance " + MODELARTS_ID
                + ": REACHED STARTING (status CREATING) after 1 poll in " + r.err().substring(r.err().lastIndexOf(" in ") + 4));
    }

    @Test
    void modelArtsExampleNeverRunsSoAZeroTimeoutTimesOut() {
        NotebooksCliTest.Run r = NotebooksCliTest.run(Map.of(), "wait", "--platform", "modelarts", "--id", MODELARTS_ID,
                "--state", "running", "--timeout", "0s");
        assertThat(r.exit()).as(r.err()).isEqualTo(WaitCommand.EXIT_TIMED_OUT);
        assertThat(r.out()).contains(MODELARTS_ID).contains("STARTING").contains("CREATING");
        assertThat(r.err()).contains(": TIMED_OUT STARTING (status CREATING) after 1 poll in ");
    }

    @Test
    void scnetExampleIsWaiting() {
        NotebooksCliTest.Run r = NotebooksCliTest.run(Map.of(), "wait", "--platform", "scnet",
                "--id", NotebooksCli.MOCK_SCNET_INSTANCE_ID, "--state", "pending");
        assertThat(r.exit()).as(r.err()).isEqualTo(WaitCommand.EXIT_REACHED);
        assertThat(r.out()).contains("4c1f43ddb030483e89b55413bee6c004").contains("Instances_2205113837");
        assertThat(r.err()).contains(": REACHED PENDING (status Waiting) after 1 poll in ");
    }

    @Test
    void eihealthExampleIsRunning() {
        NotebooksCliTest.Run r = NotebooksCliTest.run(Map.of(), "wait", "--platform", "eihealth",
                "--id", "DE-7d558ef8-c73d-11ea-964c-0255ac100033", "--state", "running");
        assertThat(r.exit()).as(r.err()).isEqualTo(WaitCommand.EXIT_REACHED);
        assertThat(r.err()).contains(": REACHED RUNNING (status Running) after 1 poll in ");
    }

    @Test
    void modelArtsOldUnknownIdIsNotFound() {
        NotebooksCliTest.Run r = NotebooksCliTest.run(Map.of(), "wait", "--platform", "modelarts-old",
                "--id", "DE-00000000-0000-0000-0000-000000000000", "--state", "running");
        assertThat(r.exit()).as(r.err()).isEqualTo(WaitCommand.EXIT_NOT_FOUND);
        assertThat(r.out()).isEmpty();
        assertThat(r.err()).contains(": NOT_FOUND after 1 poll in ");
    }
}
