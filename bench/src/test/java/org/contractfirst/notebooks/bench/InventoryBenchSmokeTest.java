package org.contractfirst.notebooks.bench;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

/** The inventory checks run in the normal build, small (a few seconds): they list and check, they measure nothing. */
class InventoryBenchSmokeTest {

    @Test
    void bothChecksRunOnASmallScale() throws Exception {
        InventoryBench.concurrency(2);          // throws unless all seven instances come back without errors
        InventoryBench.pages(2, 250);           // throws unless each API's 250 instances come back both ways
    }

    @Test
    void pagesAreSlicedByOffsetAndLimit() {
        String page = new String(InventoryBench.modelArtsPage(200, 100, 250), StandardCharsets.UTF_8);
        assertThat(page).contains("\"name\":\"notebook-200\"", "\"name\":\"notebook-249\"", "\"total\":250")
                .doesNotContain("\"name\":\"notebook-250\"", "\"name\":\"notebook-199\"");
        assertThat(new String(InventoryBench.devEnvPage(0, 100, 1), StandardCharsets.UTF_8)).endsWith("],\"total_count\":1}");
        assertThat(new String(InventoryBench.eihealthPage(0, 100, 2), StandardCharsets.UTF_8)).startsWith("{\"count\":2,");
    }
}
