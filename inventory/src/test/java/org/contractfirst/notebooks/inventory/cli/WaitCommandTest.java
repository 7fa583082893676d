package org.contractfirst.notebooks.inventory.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import okhttp3.mockwebserver.Dispatcher;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.RecordedRequest;
import org.contractfirst.notebooks.runtime.Sleeper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code bin/notebooks wait} with a --config file against MockWebServer, on a fake clock: outcomes and exit codes. */
class WaitCommandTest {

    private static final String SECRET = "s3cr3t-wait-token";
    private final MockWebServer server = new MockWebServer();
    private final List<Duration> sleeps = new ArrayList<>();
    private long now = 1_700_000_000_000L;
    @TempDir
    Path dir;

    @AfterEach
    void stop() throws IOException {
        server.shutdown();
    }

    private final Clock clock = new Clock() {
        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return Instant.ofEpochMilli(now);
        }
    };
    private final Sleeper sleeper = d -> {
        sleeps.add(d);
        now += d.toMillis();
    };

    private NotebooksCliTest.Run run(Map<String, String> env, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int exit = NotebooksCli.run(args, env, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), clock, sleeper);
        return new NotebooksCliTest.Run(exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    /** Answers in order; the last one is repeated. */
    private String script(MockResponse... answers) throws IOException {
        Deque<MockResponse> queue = new ArrayDeque<>(List.of(answers));
        server.setDispatcher(new Dispatcher() {
            @Override
            public synchronized MockResponse dispatch(RecordedRequest request) {
                return queue.size() > 1 ? queue.poll() : queue.peek();
            }
        });
        server.start();
        return server.url("/").toString();
    }

    private static MockResponse json(String body) {
        return new MockResponse().setHeader("Content-Type", "application/json").setBody(body);
    }

    private static MockResponse modelArts(String status) {
        return json("{\"total\":1,\"data\":[{\"id\":\"nb-1\",\"name\":\"train\",\"status\":\"" + status + "\"}]}");
    }

    private Path config(String url) throws IOException {
        Path file = dir.resolve("notebooks.yaml");
        Files.writeString(file, """
                sources:
                  - platform: scnet
                    endpoint: %1$s
                    instanceIds: [sc-1]
                  - platform: modelarts
                    name: ma-test
                    endpoint: %1$s
                    projectId: p1
                  - platform: eihealth
                    name: eih-test
                    endpoint: %1$s
                    projectId: p1
                    eihealthProjectId: e1
                """.formatted(url));
        return file;
    }

    private static Map<String, String> env() {
        return Map.of("HUAWEICLOUD_TOKEN", SECRET, "SCNET_TOKEN", SECRET);
    }

    @Test
    void reachedPrintsTheInstanceAndExitsZero() throws IOException, InterruptedException {
        String url = script(modelArts("CREATING"), modelArts("STARTING"), modelArts("RUNNING"));

        NotebooksCliTest.Run r = run(env(), "wait", "--platform", "modelarts", "--id", "nb-1", "--state", "running",
                "--config", config(url).toString(), "--format", "json");

        assertThat(r.exit()).as(r.err()).isEqualTo(WaitCommand.EXIT_REACHED);
        JsonNode a = new ObjectMapper().readTree(r.out());
        assertThat(a).hasSize(1);
        assertThat(a.get(0).get("source").asText()).isEqualTo("ma-test");
        assertThat(a.get(0).get("id").asText()).isEqualTo("nb-1");
        assertThat(a.get(0).get("state").asText()).isEqualTo("RUNNING");
        assertThat(a.get(0).get("rawStatus").asText()).isEqualTo("RUNNING");
        assertThat(r.err()).startsWith("notebooks: modelarts instance nb-1: REACHED RUNNING (status RUNNING) after 3 polls in PT");
        assertThat(sleeps).hasSize(2);
        assertThat(server.takeRequest().getPath()).isEqualTo("/v1/p1/notebooks?feature=NOTEBOOK&limit=50&offset=0&id=nb-1");
        assertThat(r.out() + r.err()).doesNotContain(SECRET);
    }

    @Test
    void aFailureStateExitsThree() throws IOException {
        String url = script(json("{\"count\":1,\"notebooks\":[{\"id\":\"eih-1\",\"status\":\"CreatedFailed\"}]}"));

        NotebooksCliTest.Run r = run(env(), "wait", "--platform", "eihealth", "--id", "eih-1", "--state", "RUNNING",
                "--config", config(url).toString());

        assertThat(r.exit()).as(r.err()).isEqualTo(WaitCommand.EXIT_FAILED_STATE);
        assertThat(r.out()).contains("eih-1").contains("FAILED").contains("CreatedFailed");
        assertThat(r.err()).startsWith("notebooks: eihealth instance eih-1: FAILED_STATE FAILED (status CreatedFailed) after 1 poll");
        assertThat(sleeps).isEmpty();
    }

    @Test
    void theTimeoutExitsFour() throws IOException {
        String url = script(json("{\"code\":\"0\",\"msg\":\"SUCCESS\",\"data\":{\"id\":\"sc-1\",\"status\":\"Waiting\"}}"));

        NotebooksCliTest.Run r = run(env(), "wait", "--platform", "scnet", "--id", "sc-1", "--state", "running",
                "--timeout", "1m", "--config", config(url).toString());

        assertThat(r.exit()).as(r.err()).isEqualTo(WaitCommand.EXIT_TIMED_OUT);
        assertThat(r.err()).startsWith("notebooks: scnet instance sc-1: TIMED_OUT PENDING (status Waiting) after ")
                .endsWith("in PT1M" + System.lineSeparator());
        assertThat(sleeps.stream().reduce(Duration.ZERO, Duration::plus)).isEqualTo(Duration.ofMinutes(1));
    }

    @Test
    void mapStatusNamesAnUndocumentedScnetWord() throws IOException {
        String url = script(json("{\"code\":\"0\",\"msg\":\"SUCCESS\",\"data\":{\"id\":\"sc-1\",\"status\":\"Failed\"}}"));

        NotebooksCliTest.Run r = run(env(), "wait", "--platform", "scnet", "--id", "sc-1", "--state", "running",
                "--map-status", "Failed=failed", "--config", config(url).toString());

        assertThat(r.exit()).as(r.err()).isEqualTo(WaitCommand.EXIT_FAILED_STATE);
        assertThat(r.err()).startsWith("notebooks: scnet instance sc-1: FAILED_STATE FAILED (status Failed) after 1 poll");
        assertThat(run(env(), "wait", "--platform", "scnet", "--id", "sc-1", "--state", "running",
                "--map-status", "Failed").err()).startsWith("notebooks: --map-status needs WORD=STATE, was 'Failed'");
    }

    @Test
    void notFoundExitsFive() throws IOException {
        String url = script(json("{\"total\":0,\"data\":[]}"));

        NotebooksCliTest.Run r = run(env(), "wait", "--platform", "modelarts", "--id", "nb-gone", "--state", "running",
                "--config", config(url).toString());

        assertThat(r.exit()).as(r.err()).isEqualTo(WaitCommand.EXIT_NOT_FOUND);
        assertThat(r.out()).isEmpty();
        assertThat(r.err()).startsWith("notebooks: modelarts instance nb-gone: NOT_FOUND after 1 poll");
    }

    @Test
    void aServiceErrorExitsOneWithStatusCodeAndRequestId() throws IOException {
        String url = script(new MockResponse().setResponseCode(401).setHeader("Content-Type", "application/json")
                .setHeader("X-Request-Id", "req-401-wait")
                .setBody("{\"error_code\":\"APIGW.0301\",\"error_msg\":\"Incorrect IAM authentication information\"}"));

        NotebooksCliTest.Run r = run(env(), "wait", "--platform", "modelarts", "--id", "nb-1", "--state", "running",
                "--config", config(url).toString());

        assertThat(r.exit()).isEqualTo(WaitCommand.EXIT_ERROR);
        assertThat(r.err()).isEqualTo("error: modelarts source ma-test instance nb-1: HTTP 401 APIGW.0301 "
                + "Incorrect IAM authentication information (request id req-401-wait)" + System.lineSeparator());
        assertThat(r.err()).doesNotContain(SECRET);
    }

    @Test
    void missingCredentialsExitOneAndNameTheVariable() throws IOException {
        String url = script(modelArts("RUNNING"));
        NotebooksCliTest.Run r = run(Map.of(), "wait", "--platform", "modelarts", "--id", "nb-1", "--state", "running",
                "--config", config(url).toString());
        assertThat(r.exit()).isEqualTo(WaitCommand.EXIT_ERROR);
        assertThat(r.err()).contains("HUAWEICLOUD_TOKEN");
        assertThat(server.getRequestCount()).isZero();
    }

    @Test
    void sourcePicksTheConfigSourceByName() throws IOException {
        String url = script(modelArts("RUNNING"));
        NotebooksCliTest.Run r = run(env(), "wait", "--platform", "modelarts", "--id", "nb-1", "--state", "running",
                "--config", config(url).toString(), "--source", "nope");
        assertThat(r.exit()).isEqualTo(NotebooksCli.EXIT_USAGE);
        assertThat(r.err()).contains("no modelarts source named 'nope' in the configuration");
    }

    @Test
    void anIncompleteCommandLineExits64() {
        assertThat(run(env(), "wait", "--platform", "scnet", "--state", "running").err())
                .startsWith("notebooks: wait needs --id");
        assertThat(run(env(), "wait", "--platform", "scnet", "--id", "x").exit()).isEqualTo(NotebooksCli.EXIT_USAGE);
        assertThat(run(env(), "wait", "--id", "x", "--state", "running").err())
                .startsWith("notebooks: wait needs exactly one --platform");
        assertThat(run(env(), "wait", "--platform", "scnet", "--id", "x", "--state", "running", "--timeout", "soon").err())
                .startsWith("notebooks: not a duration: 'soon'");
        assertThat(run(env(), "list", "--id", "x").err()).startsWith("notebooks: --id, --timeout, --source and --map-status are options of wait");
        assertThat(run(env(), "wait", "list").exit()).isEqualTo(NotebooksCli.EXIT_USAGE);
    }

    @Test
    void helpDocumentsWaitAndItsExitCodes() {
        NotebooksCliTest.Run r = run(env(), "--help");
        assertThat(r.exit()).isZero();
        assertThat(r.out()).contains("bin/notebooks wait --platform P --id ID --state S [--state S]... [--timeout 10m]")
                .contains("Exit codes: 0 a --state was reached; 3 a failure state (FAILED; DELETED when not awaited);\n"
                        + "4 timed out; 5 not found; 1 the service answered with an error or could not be reached;");
    }
}
