package org.contractfirst.notebooks.inventory;

import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import org.contractfirst.notebooks.runtime.state.NotebookState;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.contractfirst.notebooks.inventory.FakeApis.*;

/** Concurrency, deadlines, pages and partial failures, against MockWebServer. */
class InventoryTest {

    private static final Duration LONG = Duration.ofSeconds(20);
    private static final ZoneId CST = Times.DEFAULT_SCNET_ZONE;
    private final List<MockWebServer> servers = new ArrayList<>();

    @AfterEach
    void stop() throws IOException {
        for (MockWebServer s : servers) {
            s.shutdown();
        }
    }

    private String server(okhttp3.mockwebserver.Dispatcher dispatcher) throws IOException {
        MockWebServer s = new MockWebServer();
        s.setDispatcher(dispatcher);
        s.start();
        servers.add(s);
        return s.url("/").toString();
    }

    private List<NotebookSource> fourSources(long delayMillis, Duration deadline) throws IOException {
        return List.of(
                NotebookSource.modelArts("ma", modelArts(server(delayed(delayMillis, r -> modelArtsPage(r, 3)))), "p", deadline),
                NotebookSource.modelArtsOld("old", modelArts(server(delayed(delayMillis, r -> devEnvPage(r, 2)))), "p", deadline),
                NotebookSource.eihealth("eih", eihealth(server(delayed(delayMillis, r -> eihealthPage(r, 1)))), "p", "e", deadline),
                NotebookSource.scnet("sc", scnet(server(delayed(delayMillis, FakeApis::scnetDetail))), List.of("a1"), CST, deadline));
    }

    @Test
    void fourSlowSourcesTakeAboutTheSlowestNotTheirSum() throws IOException {
        Inventory.list(fourSources(0, LONG)); // warm up the clients (mappers, connection pool)
        long start = System.nanoTime();
        InventoryResult result = Inventory.list(fourSources(400, LONG));
        long millis = (System.nanoTime() - start) / 1_000_000;

        assertThat(result.errors()).isEmpty();
        assertThat(result.outcome()).isEqualTo(InventoryResult.Outcome.COMPLETE);
        assertThat(result.instances()).extracting(NotebookInstance::id)
                .containsExactly("nb-0", "nb-1", "nb-2", "DE-0", "DE-1", "eih-0", "a1");
        assertThat(millis).as("elapsed ms of four 400 ms sources").isBetween(400L, 1200L); // sum would be 1600
    }

    @Test
    void aSourcePastItsDeadlineIsAnErrorAndTheOthersAreListed() throws IOException {
        List<NotebookSource> sources = List.of(
                NotebookSource.modelArts("slow-ma", modelArts(server(delayed(2000, r -> modelArtsPage(r, 3)))), "p",
                        Duration.ofMillis(500)),
                NotebookSource.eihealth("eih", eihealth(server(delayed(0, r -> eihealthPage(r, 2)))), "p", "e", LONG),
                NotebookSource.scnet("sc", scnet(server(delayed(0, FakeApis::scnetDetail))), List.of("a1", "a2"), CST, LONG));
        long start = System.nanoTime();
        InventoryResult result = Inventory.list(sources);
        long millis = (System.nanoTime() - start) / 1_000_000;

        assertThat(millis).as("waited for the slow source only until its deadline").isLessThan(1800L);
        assertThat(result.instances()).extracting(NotebookInstance::id).containsExactly("eih-0", "eih-1", "a1", "a2");
        assertThat(result.errors()).containsExactly(new SourceError(Platform.MODELARTS, "slow-ma", null, null,
                "DEADLINE_EXCEEDED", "no complete answer within the source's deadline of 500 ms", null));
        assertThat(result.outcome()).isEqualTo(InventoryResult.Outcome.PARTIAL);
        assertThat(result.outcome().exitCode()).isEqualTo(2);
    }

    @Test
    void eachDeadlineCountsForItsOwnSource() throws IOException {
        // 600 ms answers: within a 3 s deadline, not within a 200 ms one, both listed at once
        List<NotebookSource> sources = List.of(
                NotebookSource.eihealth("tight", eihealth(server(delayed(600, r -> eihealthPage(r, 1)))), "p", "e",
                        Duration.ofMillis(200)),
                NotebookSource.eihealth("loose", eihealth(server(delayed(600, r -> eihealthPage(r, 1)))), "p", "e",
                        Duration.ofSeconds(3)));
        InventoryResult result = Inventory.list(sources);
        assertThat(result.instances()).extracting(NotebookInstance::source).containsExactly("loose");
        assertThat(result.errors()).extracting(SourceError::source, SourceError::code)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("tight", "DEADLINE_EXCEEDED"));
    }

    @Test
    void aFailingSourceGivesItsStatusCodeMessageAndRequestIdAndHidesNothing() throws IOException {
        List<NotebookSource> sources = List.of(
                NotebookSource.modelArts("ma", modelArts(server(delayed(0, r -> modelArtsPage(r, 2)))), "p", LONG),
                NotebookSource.eihealth("eih", eihealth(server(delayed(0, r -> huaweiError(401, "APIG.1002",
                        "Incorrect token or token resolution failed", "req-0af1")))), "p", "e", LONG));
        InventoryResult result = Inventory.list(sources);

        assertThat(result.instances()).extracting(NotebookInstance::id).containsExactly("nb-0", "nb-1");
        assertThat(result.errors()).containsExactly(new SourceError(Platform.EIHEALTH, "eih", null, 401, "APIG.1002",
                "Incorrect token or token resolution failed", "req-0af1"));
        assertThat(result.outcome()).isEqualTo(InventoryResult.Outcome.PARTIAL);
    }

    @Test
    void aFailureOnALaterPageDropsTheSourcesHalfList() throws IOException {
        List<NotebookSource> sources = List.of(NotebookSource.modelArts("ma", modelArts(server(delayed(0,
                r -> offset(r) == 0 ? modelArtsPage(r, 250) : huaweiError(500, "ModelArts.0001", "internal", "req-p2")))),
                "p", LONG));
        InventoryResult result = Inventory.list(sources);
        assertThat(result.instances()).isEmpty();
        assertThat(result.errors()).containsExactly(new SourceError(Platform.MODELARTS, "ma", null, 500,
                "ModelArts.0001", "internal", "req-p2"));
        assertThat(result.outcome()).isEqualTo(InventoryResult.Outcome.FAILED);
        assertThat(result.outcome().exitCode()).isEqualTo(1);
    }

    @Test
    void everyPageOfEveryListIsFetched() throws IOException {
        List<NotebookSource> sources = List.of(
                NotebookSource.modelArts("ma", modelArts(server(delayed(0, r -> modelArtsPage(r, 250)))), "p", LONG),
                NotebookSource.modelArtsOld("old", modelArts(server(delayed(0, r -> devEnvPage(r, 101)))), "p", LONG),
                NotebookSource.eihealth("eih", eihealth(server(delayed(0, r -> eihealthPage(r, 200)))), "p", "e", LONG));
        InventoryResult result = Inventory.list(sources);

        assertThat(result.errors()).isEmpty();
        assertThat(result.instances()).hasSize(551);
        assertThat(result.instances().get(249).id()).isEqualTo("nb-249");
        assertThat(result.instances().get(250).id()).isEqualTo("DE-0");
        assertThat(result.instances().get(350).id()).isEqualTo("DE-100");
        assertThat(result.instances().get(550).id()).isEqualTo("eih-199");
        // Pages of ModelArtsClient.DEFAULT_PAGE_SIZE (50, the largest limit listNotebooks accepts; ledger row 53).
        assertThat(servers.get(0).getRequestCount()).isEqualTo(5);
        assertThat(servers.get(1).getRequestCount()).isEqualTo(3);
        assertThat(servers.get(2).getRequestCount()).isEqualTo(2);
    }

    @Test
    void oneFailingScnetInstanceIsAnEntryOfItsOwn() throws IOException {
        String url = server(delayed(0, r -> r.getPath().contains("/bad/")
                ? json("{\"code\":\"10004\",\"msg\":\"参数错误\"}") : scnetDetail(r)));
        InventoryResult result = Inventory.list(List.of(
                NotebookSource.scnet("sc", scnet(url), List.of("good", "bad", "good2"), CST, LONG)));

        assertThat(result.instances()).extracting(NotebookInstance::id).containsExactly("good", "good2");
        assertThat(result.errors()).hasSize(1);
        SourceError e = result.errors().get(0);
        assertThat(e.platform()).isEqualTo(Platform.SCNET);
        assertThat(e.instanceId()).isEqualTo("bad");
        assertThat(e.httpStatus()).isEqualTo(200);
        assertThat(e.code()).isEqualTo("10004");
        assertThat(e.message()).isEqualTo("参数错误");
        assertThat(result.outcome()).isEqualTo(InventoryResult.Outcome.PARTIAL);
    }

    @Test
    void noSourceAnsweringIsFailedAndAnUnreachableSourceIsAConnectionError() throws IOException {
        int closedPort;
        try (ServerSocket s = new ServerSocket(0)) {
            closedPort = s.getLocalPort();
        }
        InventoryResult result = Inventory.list(List.of(
                NotebookSource.modelArts("gone", modelArts("http://127.0.0.1:" + closedPort + "/"), "p", LONG),
                NotebookSource.eihealth("eih", eihealth(server(delayed(0, r -> huaweiError(403, "EIHealth.0003",
                        "no permission", "req-3")))), "p", "e", LONG)));
        assertThat(result.instances()).isEmpty();
        assertThat(result.errors()).extracting(SourceError::source, SourceError::code, SourceError::httpStatus)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("gone", "CONNECTION_FAILED", null),
                        org.assertj.core.groups.Tuple.tuple("eih", "EIHealth.0003", 403));
        assertThat(result.outcome().exitCode()).isEqualTo(1);
    }

    @Test
    void instancesAreNormalizedFieldByField() throws IOException {
        InventoryResult result = Inventory.list(fourSources(0, LONG));
        NotebookInstance ma = result.instances().get(0);
        assertThat(ma).usingRecursiveComparison().ignoringFields("raw").isEqualTo(new NotebookInstance(
                Platform.MODELARTS, "ma", "nb-0", "notebook-0", NotebookState.RUNNING, "RUNNING", "modelarts.vm.cpu.2u",
                null, null, null, null, "notebook2.0-mul-kernel-cpu-cp36:3.3.2", Instant.ofEpochMilli(1638841805440L),
                Instant.ofEpochMilli(1638841805440L), "https://notebook.example.com/0", null, null));
        NotebookInstance old = result.instances().get(3);
        assertThat(old).usingRecursiveComparison().ignoringFields("raw").isEqualTo(new NotebookInstance(
                Platform.MODELARTS_OLD, "old", "DE-0", "dev-0", NotebookState.STOPPED, "STOPPED", "modelarts.vm.cpu.2u",
                2.0, 0.0, null, 8.0, null, Instant.parse("2020-07-16T08:22:29.962Z"), null, null, "ops_dev_env", null));
        NotebookInstance eih = result.instances().get(5);
        assertThat(eih).usingRecursiveComparison().ignoringFields("raw").isEqualTo(new NotebookInstance(
                Platform.EIHEALTH, "eih", "eih-0", "eih-notebook-0", NotebookState.RUNNING, "Running", null,
                1.0, 0.5, null, 4.0, null, Instant.parse("2020-09-10T10:07:17Z"), Instant.parse("2020-09-10T10:08:17Z"),
                null, "alice", null));
        NotebookInstance sc = result.instances().get(6);
        assertThat(sc).usingRecursiveComparison().ignoringFields("raw").isEqualTo(new NotebookInstance(
                Platform.SCNET, "sc", "a1", "svc-a1", NotebookState.RUNNING, "Running", null, 4.0, 0.0, null, 8.0, null,
                Instant.parse("2023-11-22T17:01:00Z"), Instant.parse("2023-11-22T17:02:00Z"), null, "magic2", null));
        assertThat(sc.raw()).isInstanceOf(org.contractfirst.notebooks.scnet.model.InstanceServiceDetail.class);
    }

    @Test
    void memorySizesAreReadInGiB() {
        assertThat(Normalize.gib("64GiB")).isEqualTo(64.0);
        assertThat(Normalize.gib("8GB")).isEqualTo(8.0);
        assertThat(Normalize.gib("512MiB")).isEqualTo(0.5);
        assertThat(Normalize.gib(16)).isEqualTo(16.0);
        assertThat(Normalize.gib("lots")).isNull();
    }
}
