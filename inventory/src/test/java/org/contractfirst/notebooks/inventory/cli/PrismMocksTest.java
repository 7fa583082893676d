package org.contractfirst.notebooks.inventory.cli;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The embedded mocks start on port 0 and are found by the port Prism 5.14.2 logs once it listens. */
class PrismMocksTest {

    @Test
    void portIsReadFromTheListeningLineWithOrWithoutColours() {
        assertThat(PrismMocks.listeningPort("[3:05:04 PM] › [CLI] …  awaiting  Starting Prism…\n"
                + "[3:05:05 PM] › [CLI] ℹ  info      GET        http://127.0.0.1:36207/v1/p/notebooks\n"
                + "[3:05:05 PM] › [CLI] ▶  start     Prism is listening on http://127.0.0.1:36207\n")).isEqualTo(36207);
        assertThat(PrismMocks.listeningPort("\u001B[90m[CLI]\u001B[39m start Prism is listening on \u001B[1mhttp://127.0.0.1:4010\u001B[22m"))
                .isEqualTo(4010);
        assertThat(PrismMocks.listeningPort("[CLI] …  awaiting  Starting Prism…\n")).isEqualTo(-1);
    }
}
