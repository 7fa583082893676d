package org.contractfirst.notebooks.contract.support;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** How a Prism started on port 0 is found: the port of the line it logs once it listens (Prism 5.14.2's CLI). */
class PrismServerTest {

    @TempDir
    Path tmp;

    @Test
    void portIsReadFromTheListeningLineWithOrWithoutColours() {
        assertThat(PrismServer.listeningPort("[3:05:04 PM] › [CLI] …  awaiting  Starting Prism…\n"
                + "[3:05:05 PM] › [CLI] ℹ  info      GET        http://127.0.0.1:36207/v1/notebooks\n"
                + "[3:05:05 PM] › [CLI] ▶  start     Prism is listening on http://127.0.0.1:36207\n")).isEqualTo(36207);
        assertThat(PrismServer.listeningPort("\u001B[90m[CLI]\u001B[39m start Prism is listening on \u001B[1mhttp://127.0.0.1:4010\u001B[22m"))
                .isEqualTo(4010);
        assertThat(PrismServer.listeningPort("[CLI] …  awaiting  Starting Prism…\n")).isNull();
    }

    @Test
    void processThatExitsBeforeListeningFailsWithItsLog() throws Exception {
        Path log = tmp.resolve("prism.log");
        Files.writeString(log, "[CLI] ✖  fatal     listen EADDRINUSE: address already in use 127.0.0.1:4010\n");
        Process exited = new ProcessBuilder("true").start();
        exited.waitFor();

        assertThatThrownBy(() -> PrismServer.awaitListening(exited, log, "modelarts/list-notebooks.yaml"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageStartingWith("Prism for modelarts/list-notebooks.yaml exited with 0 before listening:")
                .hasMessageContaining("EADDRINUSE");
    }
}
