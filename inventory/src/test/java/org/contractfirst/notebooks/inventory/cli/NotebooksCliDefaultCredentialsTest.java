package org.contractfirst.notebooks.inventory.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import okhttp3.mockwebserver.Dispatcher;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;

import static org.assertj.core.api.Assertions.assertThat;
import static org.contractfirst.notebooks.inventory.cli.NotebooksCliTest.run;

/**
 * {@code credentials: default} in the config: the official SDK's chain (an injected environment, a profile file
 * named by HUAWEICLOUD_SDK_CREDENTIALS_FILE, a MockWebServer as the metadata service), its project id, and the
 * CONFIGURATION error listing what it tried.
 */
class NotebooksCliDefaultCredentialsTest {

    private static final String AK = "AKINVENTORYFAKE00001";
    private static final String SK = "fake-inventory-secret-4e7b";
    private static final String PROJECT = "0123456789abcdef0123456789abcdef";

    @TempDir
    Path dir;
    private final MockWebServer server = new MockWebServer();
    private final List<RecordedRequest> received = new CopyOnWriteArrayList<>();

    @AfterEach
    void stop() throws IOException {
        server.shutdown();
    }

    private String start(Function<RecordedRequest, MockResponse> answer) throws IOException {
        server.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) {
                received.add(request);
                return answer.apply(request);
            }
        });
        server.start();
        return server.url("/").toString();
    }

    private static MockResponse json(String body) {
        return new MockResponse().setHeader("Content-Type", "application/json").setBody(body);
    }

    private Path config(String sources) throws IOException {
        Path file = dir.resolve("notebooks.yaml");
        Files.writeString(file, "deadline: 10s\nsources:\n" + sources);
        return file;
    }

    private static MockResponse service(RecordedRequest r) {
        String path = r.getPath();
        if (path.contains("/eihealth-projects/")) {
            return json("{\"count\":1,\"notebooks\":[{\"id\":\"eih-1\",\"name\":\"e\",\"status\":\"Running\"}]}");
        }
        if (path.contains("/demanager/instances")) {
            return json("{\"instances\":[{\"id\":\"DE-1\",\"name\":\"old\",\"status\":\"STOPPED\"}],\"total_count\":1}");
        }
        if (path.contains("/notebooks")) {
            return json("{\"data\":[{\"id\":\"nb-1\",\"name\":\"n\",\"status\":\"RUNNING\"}],\"total\":1}");
        }
        return new MockResponse().setResponseCode(404);
    }

    @Test
    void theEnvironmentsCredentialsAndProjectIdAreUsed() throws IOException {
        String url = start(NotebooksCliDefaultCredentialsTest::service);
        Path config = config("""
                  - platform: modelarts
                    endpoint: %1$s
                    credentials: default
                  - platform: modelarts-old
                    endpoint: %1$s
                    credentials: default
                """.formatted(url));

        NotebooksCliTest.Run r = run(Map.of("HUAWEICLOUD_SDK_AK", AK, "HUAWEICLOUD_SDK_SK", SK,
                "HUAWEICLOUD_SDK_PROJECT_ID", PROJECT), "list", "--config", config.toString(), "--format", "json");

        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(new ObjectMapper().readTree(r.out())).extracting(n -> n.get("id").asText())
                .containsExactlyInAnyOrder("nb-1", "DE-1");
        assertThat(received).extracting(req -> req.getRequestUrl().encodedPath()).containsExactlyInAnyOrder(
                "/v1/" + PROJECT + "/notebooks", "/v1/" + PROJECT + "/demanager/instances");
        for (RecordedRequest req : received) {
            assertThat(req.getHeader("Authorization")).startsWith("SDK-HMAC-SHA256 Access=" + AK + ", ");
            assertThat(req.getHeader("X-Project-Id")).isEqualTo(PROJECT);
        }
        assertThat(r.out() + r.err()).doesNotContain(SK);
    }

    @Test
    void theProfileNamedByTheSdkVariableGivesCredentialsAndProject() throws IOException {
        String url = start(NotebooksCliDefaultCredentialsTest::service);
        Path profile = dir.resolve("credentials");
        Files.writeString(profile, "[basic]\r\nak = " + AK + "\r\nsk = " + SK + "\r\nproject_id = " + PROJECT + "\r\n");
        Path config = config("""
                  - platform: eihealth
                    endpoint: %s
                    eihealthProjectId: e1
                    credentials: default
                """.formatted(url));

        NotebooksCliTest.Run r = run(Map.of("HUAWEICLOUD_SDK_CREDENTIALS_FILE", profile.toString(),
                "HUAWEICLOUD_TOKEN", "ignored-with-credentials-default"), "list", "--config", config.toString(), "--format", "json");

        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(new ObjectMapper().readTree(r.out()).get(0).get("id").asText()).isEqualTo("eih-1");
        assertThat(received).hasSize(1);
        assertThat(received.get(0).getPath()).startsWith("/v1/" + PROJECT + "/eihealth-projects/e1/notebooks");
        assertThat(received.get(0).getHeader("Authorization")).startsWith("SDK-HMAC-SHA256 Access=" + AK + ", ");
        assertThat(received.get(0).getHeader("X-Auth-Token")).isNull();
    }

    @Test
    void metadataCredentialsWithTheConfigsProject() throws IOException {
        String url = start(r -> switch (r.getPath()) {
            case "/meta-data/latest/api/token" -> new MockResponse().setBody("fake-session");
            case "/openstack/latest/securitykey" -> json("{\"credential\":{\"access\":\"AKMETAINVENTORY\",\"secret\":\""
                    + SK + "\",\"securitytoken\":\"fake-inventory-token\",\"expires_at\":\"2999-01-01T00:00:00.000000Z\"}}");
            default -> service(r);
        });
        Path config = config("""
                  - platform: modelarts
                    endpoint: %1$s
                    projectId: p-config
                    credentials: default
                    metadataEndpoint: %2$s
                """.formatted(url, url.substring(0, url.length() - 1)));

        NotebooksCliTest.Run r = run(Map.of(), "list", "--config", config.toString(), "--format", "json");

        assertThat(r.exit()).as(r.err()).isZero();
        RecordedRequest call = received.get(received.size() - 1);
        assertThat(call.getRequestUrl().encodedPath()).isEqualTo("/v1/p-config/notebooks");
        assertThat(call.getHeader("Authorization")).startsWith("SDK-HMAC-SHA256 Access=AKMETAINVENTORY, ");
        assertThat(call.getHeader("X-Security-Token")).isEqualTo("fake-inventory-token");
    }

    @Test
    void aChainThatFindsNothingIsAConfigurationErrorListingWhatItTried() throws IOException {
        String url = start(r -> new MockResponse().setResponseCode(404));
        String metadata = url.substring(0, url.length() - 1);
        Path missing = dir.resolve("no-such-credentials");
        Path config = config("""
                  - platform: modelarts
                    name: ma
                    endpoint: %s
                    projectId: p1
                    credentials: default
                    metadataEndpoint: %s
                """.formatted(url, metadata));

        NotebooksCliTest.Run r = run(Map.of("HUAWEICLOUD_SDK_CREDENTIALS_FILE", missing.toString()),
                "list", "--config", config.toString());

        assertThat(r.exit()).isEqualTo(1);
        assertThat(r.err().strip()).isEqualTo("error: modelarts source ma: CONFIGURATION ma: no Huawei Cloud credentials"
                + " found: environment: HUAWEICLOUD_SDK_AK not set; profile: " + missing + " not found; metadata: "
                + metadata + "/openstack/latest/securitykey: HTTP 404");
        assertThat(received).extracting(RecordedRequest::getPath).as("only the metadata service was asked")
                .containsExactly("/meta-data/latest/api/token", "/openstack/latest/securitykey");
    }

    @Test
    void withoutAProjectAnywhereTheSourceSaysWhereToSetIt() throws IOException {
        String url = start(NotebooksCliDefaultCredentialsTest::service);
        Path config = config("""
                  - platform: modelarts
                    name: ma
                    endpoint: %s
                    credentials: default
                """.formatted(url));

        NotebooksCliTest.Run r = run(Map.of("HUAWEICLOUD_SDK_AK", AK, "HUAWEICLOUD_SDK_SK", SK),
                "list", "--config", config.toString(), "--format", "json");

        assertThat(r.exit()).isEqualTo(1);
        assertThat(r.err()).contains("\"code\":\"CONFIGURATION\"").contains(
                "ma: no projectId: set it in the config, or HUAWEICLOUD_SDK_PROJECT_ID, or project_id in the profile");
        assertThat(received).isEmpty();
    }

    @Test
    void unknownOrMisplacedCredentialsSettingsAreConfigErrors() throws IOException {
        Path unknown = config("  - platform: modelarts\n    region: cn-north-4\n    projectId: p\n    credentials: chain\n");
        NotebooksCliTest.Run r = run(Map.of(), "list", "--config", unknown.toString());
        assertThat(r.exit()).isEqualTo(NotebooksCli.EXIT_USAGE);
        assertThat(r.err()).contains("invalid configuration: unknown credentials 'chain' (env, default)");

        Path scnet = config("  - platform: scnet\n    endpoint: https://h/\n    instanceIds: [a]\n    credentials: default\n");
        assertThat(run(Map.of(), "list", "--config", scnet.toString()).err())
                .contains("invalid configuration: credentials: default is for ModelArts and EIHealth sources (Huawei Cloud)");

        Path stray = config("  - platform: modelarts\n    region: cn-north-4\n    projectId: p\n    metadataEndpoint: http://h\n");
        assertThat(run(Map.of(), "list", "--config", stray.toString()).err())
                .contains("invalid configuration: metadataEndpoint is for credentials: default only");
    }
}
