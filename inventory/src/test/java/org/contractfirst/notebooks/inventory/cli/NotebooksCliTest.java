package org.contractfirst.notebooks.inventory.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import okhttp3.mockwebserver.Dispatcher;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The command with a --config file against MockWebServer: formats, filters, exit codes, credentials. */
class NotebooksCliTest {

    private static final String SECRET = "s3cr3t-token-value";
    private final List<MockWebServer> servers = new ArrayList<>();
    @TempDir
    Path dir;

    record Run(int exit, String out, String err) {
    }

    static Run run(Map<String, String> env, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int exit = NotebooksCli.run(args, env, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Run(exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    @AfterEach
    void stop() throws IOException {
        for (MockWebServer s : servers) {
            s.shutdown();
        }
    }

    private String server(java.util.function.Function<RecordedRequest, MockResponse> answer) throws IOException {
        MockWebServer s = new MockWebServer();
        s.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) {
                return answer.apply(request);
            }
        });
        s.start();
        servers.add(s);
        return s.url("/").toString();
    }

    private static MockResponse json(String body) {
        return new MockResponse().setHeader("Content-Type", "application/json").setBody(body);
    }

    private Path config(String ma, String eih, String sc) throws IOException {
        Path file = dir.resolve("notebooks.yaml");
        Files.writeString(file, """
                deadline: 10s
                scnetZone: UTC
                sources:
                  - platform: modelarts
                    name: ma-test
                    endpoint: %s
                    projectId: p1
                  - platform: eihealth
                    endpoint: %s
                    projectId: p1
                    eihealthProjectId: e1
                  - platform: scnet
                    endpoint: %s
                    instanceIds: [sc-1]
                """.formatted(ma, eih, sc));
        return file;
    }

    private Path healthyConfig() throws IOException {
        return config(
                server(r -> json("{\"data\":[{\"id\":\"nb-1\",\"name\":\"one, two\",\"status\":\"RUNNING\",\"create_at\":1638841805440},"
                        + "{\"id\":\"nb-2\",\"name\":\"two\",\"status\":\"STOPPED\"}],\"total\":2}")),
                server(r -> json("{\"count\":1,\"notebooks\":[{\"id\":\"eih-1\",\"name\":\"e\",\"status\":\"Creating\","
                        + "\"flavor\":{\"cpu\":2,\"gpu\":1,\"memory\":8}}]}")),
                server(r -> json("{\"code\":\"0\",\"msg\":\"SUCCESS\",\"data\":{\"id\":\"sc-1\",\"instanceServiceName\":\"s\","
                        + "\"status\":\"Waiting\",\"createTime\":\"2022-05-11 19:30:34\",\"ramSize\":15360}}")));
    }

    private static Map<String, String> env() {
        return Map.of("HUAWEICLOUD_TOKEN", SECRET, "SCNET_TOKEN", SECRET);
    }

    @Test
    void jsonIsAnArrayOfInstancesWithEveryFieldAndExitZero() throws IOException {
        Run r = run(env(), "list", "--config", healthyConfig().toString(), "--format", "json");
        assertThat(r.exit()).as(r.err()).isZero();
        JsonNode array = new ObjectMapper().readTree(r.out());
        assertThat(array).hasSize(4);
        List<String> fields = new ArrayList<>();
        array.get(0).fieldNames().forEachRemaining(fields::add);
        assertThat(fields).containsExactlyElementsOf(Output.FIELDS);
        assertThat(array.get(0).get("source").asText()).isEqualTo("ma-test");
        assertThat(array.get(0).get("created").asText()).isEqualTo("2021-12-07T01:50:05.440Z");
        assertThat(array.get(1).get("state").asText()).isEqualTo("STOPPED");
        assertThat(array.get(2).get("state").asText()).isEqualTo("STARTING");
        assertThat(array.get(2).get("gpuCount").asDouble()).isEqualTo(1.0);
        assertThat(array.get(3).get("created").asText()).as("scnetZone UTC").isEqualTo("2022-05-11T19:30:34Z");
        assertThat(array.get(3).get("memoryGiB").asDouble()).isEqualTo(15.0);
        assertThat(r.err()).isEmpty();
        assertThat(r.out()).doesNotContain(SECRET);
    }

    @Test
    void platformAndStateFiltersAndTheScnetZoneOption() throws IOException {
        Path config = healthyConfig();
        Run r = run(env(), "list", "--config", config.toString(), "--platform", "modelarts", "--state", "running",
                "--format", "json");
        JsonNode array = new ObjectMapper().readTree(r.out());
        assertThat(array).hasSize(1);
        assertThat(array.get(0).get("id").asText()).isEqualTo("nb-1");

        Run scnet = run(env(), "list", "--config", config.toString(), "--platform", "scnet", "--scnet-zone",
                "Asia/Shanghai", "--format", "json");
        assertThat(new ObjectMapper().readTree(scnet.out()).get(0).get("created").asText())
                .isEqualTo("2022-05-11T11:30:34Z");
    }

    @Test
    void tableAndCsv() throws IOException {
        Path config = healthyConfig();
        Run table = run(env(), "list", "--config", config.toString());
        assertThat(table.exit()).isZero();
        String[] lines = table.out().split("\\R");
        assertThat(lines[0]).startsWith("PLATFORM").contains("STATE", "STATUS", "CREATED");
        assertThat(lines[1]).startsWith("modelarts").contains("nb-1", "RUNNING", "2021-12-07 01:50Z");
        assertThat(lines[4]).startsWith("scnet").contains("sc-1", "PENDING", "Waiting");
        assertThat(lines[5]).isEqualTo("4 instances");

        Run csv = run(env(), "list", "--config", config.toString(), "--format", "csv");
        String[] rows = csv.out().split("\r\n");
        assertThat(rows[0]).isEqualTo(String.join(",", Output.FIELDS));
        assertThat(rows[1]).isEqualTo("modelarts,ma-test,nb-1,\"one, two\",RUNNING,RUNNING,,,,,,,2021-12-07T01:50:05.440Z,,,");
        assertThat(rows).hasSize(5);
    }

    @Test
    void partialResultsExitTwoWithTheErrorOnStderr() throws IOException {
        Path config = config(
                server(r -> json("{\"data\":[{\"id\":\"nb-1\",\"status\":\"RUNNING\"}],\"total\":1}")),
                server(r -> json("{\"error_code\":\"APIG.1002\",\"error_msg\":\"Incorrect token\"}").setResponseCode(401)
                        .setHeader("X-Request-Id", "req-42")),
                server(r -> json("{\"code\":\"10008\",\"msg\":\"权限不足\"}")));
        Run r = run(env(), "list", "--config", config.toString(), "--format", "json");
        assertThat(r.exit()).isEqualTo(2);
        assertThat(new ObjectMapper().readTree(r.out())).hasSize(1);
        String[] errors = r.err().split("\\R");
        assertThat(errors).hasSize(2);
        JsonNode eih = new ObjectMapper().readTree(errors[0]);
        assertThat(eih.get("platform").asText()).isEqualTo("eihealth");
        assertThat(eih.get("source").asText()).isEqualTo("eihealth");
        assertThat(eih.get("httpStatus").asInt()).isEqualTo(401);
        assertThat(eih.get("code").asText()).isEqualTo("APIG.1002");
        assertThat(eih.get("message").asText()).isEqualTo("Incorrect token");
        assertThat(eih.get("requestId").asText()).isEqualTo("req-42");
        JsonNode sc = new ObjectMapper().readTree(errors[1]);
        assertThat(sc.get("instanceId").asText()).isEqualTo("sc-1");
        assertThat(sc.get("code").asText()).isEqualTo("10008");

        Run text = run(env(), "list", "--config", config.toString());
        assertThat(text.exit()).isEqualTo(2);
        assertThat(text.err()).contains("error: eihealth source eihealth: HTTP 401 APIG.1002 Incorrect token (request id req-42)");
        assertThat(text.err() + text.out()).doesNotContain(SECRET);
    }

    @Test
    void missingCredentialsFailThatSourceOnlyAndNoneAnsweringExitsOne() throws IOException {
        Path config = healthyConfig();
        Run r = run(Map.of("SCNET_TOKEN", SECRET), "list", "--config", config.toString(), "--format", "json");
        assertThat(r.exit()).isEqualTo(2);
        assertThat(new ObjectMapper().readTree(r.out())).extracting(n -> n.get("platform").asText())
                .containsExactly("scnet");
        assertThat(r.err()).contains("\"code\":\"CONFIGURATION\"")
                .contains("ma-test: no credentials: set HUAWEICLOUD_TOKEN, or HUAWEICLOUD_AK and HUAWEICLOUD_SK");

        Run none = run(Map.of(), "list", "--config", config.toString());
        assertThat(none.exit()).isEqualTo(1);
        assertThat(none.out()).contains("0 instances");
    }

    @Test
    void helpAndUsageErrors() {
        Run help = run(Map.of(), "--help");
        assertThat(help.exit()).isZero();
        assertThat(help.out()).contains("--config FILE", "--platform P", "--state S", "--format F", "--scnet-zone",
                "NOTEBOOKS_CONFIG", "HUAWEICLOUD_TOKEN", "HUAWEICLOUD_AK", "SCNET_TOKEN", "Exit codes: 0");
        assertThat(run(Map.of(), "list", "--format", "xml").exit()).isEqualTo(NotebooksCli.EXIT_USAGE);
        assertThat(run(Map.of(), "list", "--platform", "aws").err()).contains("unknown platform 'aws'");
        assertThat(run(Map.of(), "list", "--token", SECRET).err()).contains("unknown argument '--token'");
        assertThat(run(Map.of(), "list", "--config", dir.resolve("missing.yaml").toString()).exit())
                .isEqualTo(NotebooksCli.EXIT_USAGE);
        assertThat(run(Map.of()).exit()).isEqualTo(NotebooksCli.EXIT_USAGE);
    }
}
