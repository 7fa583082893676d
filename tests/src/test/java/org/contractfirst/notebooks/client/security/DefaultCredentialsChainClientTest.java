package org.contractfirst.notebooks.client.security;

import okhttp3.mockwebserver.Dispatcher;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.RecordedRequest;
import org.contractfirst.notebooks.client.support.MockWebServerExtension;
import org.contractfirst.notebooks.eihealth.EihealthClient;
import org.contractfirst.notebooks.eihealth.api.NotebooksApi;
import org.contractfirst.notebooks.modelarts.ModelArtsClient;
import org.contractfirst.notebooks.modelarts.api.DevEnvironApi;
import org.contractfirst.notebooks.runtime.auth.DefaultCredentialsChain;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * The credential chain through the ModelArts and EIHealth clients ({@code akSkProvider(chain)}, what
 * {@code defaultCredentials()} does with the process environment): requests signed with what the chain found,
 * the project id and security token sent; metadata credentials replaced after the service says they expired; a
 * chain that finds nothing fails the call with its list of what it tried. One MockWebServer plays the service and
 * the ECS metadata service.
 */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class DefaultCredentialsChainClientTest {

    private static final String AK = "AKCHAINFAKE000000001";
    private static final String SK = "fake-chain-secret-key-5c1e";
    private static final String TOKEN = "fake-chain-security-token-9d2a";
    private static final String PROJECT = "0123456789abcdef0123456789abcdef";
    private static final String META_SK = "fake-chain-metadata-sk-";
    private static final String META_TOKEN = "fake-chain-metadata-token-";
    private static final String EXPIRED_0307 =
            "{\"error_code\":\"APIGW.0307\",\"error_msg\":\"The token must be updated.\",\"request_id\":\"r-0307\"}";

    @RegisterExtension
    final MockWebServerExtension mock = new MockWebServerExtension();
    private final MockWebServer server = mock.server();
    private final List<String> captured = new CopyOnWriteArrayList<>();

    @TempDir
    Path home;

    @AfterEach
    void noSecretWasPrinted() {
        String all = String.join("\n", captured);
        for (String secret : List.of(SK, TOKEN, META_SK, META_TOKEN)) {
            assertThat(all).as("captured log lines and exception texts").doesNotContain(secret);
        }
    }

    private String base() {
        return server.url("/").toString();
    }

    private DefaultCredentialsChain chain(Map<String, String> env) {
        String endpoint = base();
        return DefaultCredentialsChain.builder().environment(env).homeDirectory(home)
                .metadataEndpoint(endpoint.substring(0, endpoint.length() - 1)).build();
    }

    private static MockResponse json(int status, String body) {
        return new MockResponse().setResponseCode(status).setHeader("Content-Type", "application/json").setBody(body);
    }

    @Test
    void modelArtsSignsWithTheEnvironmentsCredentialsAndProject() throws Exception {
        server.enqueue(json(200, "{\"current\":0,\"data\":[],\"pages\":0,\"size\":0,\"total\":0}"));
        ModelArtsClient client = ModelArtsClient.builder().baseUrl(base())
                .akSkProvider(chain(Map.of("HUAWEICLOUD_SDK_AK", AK, "HUAWEICLOUD_SDK_SK", SK,
                        "HUAWEICLOUD_SDK_SECURITY_TOKEN", TOKEN, "HUAWEICLOUD_SDK_PROJECT_ID", PROJECT)))
                .options(SecurityClients.options(captured, null)).build();

        assertThat(client.devEnviron().listNotebooks(DevEnvironApi.ListNotebooksRequest.builder(PROJECT).build())
                .execute().code()).isEqualTo(200);

        RecordedRequest sent = server.takeRequest();
        assertThat(sent.getPath()).isEqualTo("/v1/" + PROJECT + "/notebooks");
        assertThat(sent.getHeader("Authorization")).startsWith("SDK-HMAC-SHA256 Access=" + AK + ", SignedHeaders=");
        assertThat(sent.getHeader("X-Security-Token")).isEqualTo(TOKEN);
        assertThat(sent.getHeader("X-Project-Id")).isEqualTo(PROJECT);
    }

    @Test
    void eihealthGetsNewMetadataCredentialsWhenTheServiceSaysTheyExpired() throws Exception {
        AtomicInteger keys = new AtomicInteger();
        AtomicInteger calls = new AtomicInteger();
        server.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) {
                String path = request.getPath();
                if (path.equals("/meta-data/latest/api/token")) {
                    return new MockResponse().setBody("fake-session");
                }
                if (path.equals("/openstack/latest/securitykey")) {
                    int n = keys.getAndIncrement();
                    return json(200, "{\"credential\":{\"access\":\"AKMETA" + n + "\",\"secret\":\"" + META_SK + n
                            + "\",\"securitytoken\":\"" + META_TOKEN + n + "\",\"expires_at\":\""
                            + Instant.now().plus(Duration.ofHours(24)) + "\"}}");
                }
                return calls.getAndIncrement() == 0 ? json(401, EXPIRED_0307) : json(200, "{\"count\":3,\"notebooks\":[]}");
            }
        });
        DefaultCredentialsChain chain = chain(Map.of());
        EihealthClient client = EihealthClient.builder().baseUrl(base()).akSkProvider(chain)
                .options(SecurityClients.options(captured, null)).build();

        int count = client.notebooks().listNotebooks(NotebooksApi.ListNotebooksRequest.builder("p", "e").build())
                .execute().body().getCount();

        assertThat(count).isEqualTo(3);
        assertThat(chain.source()).isEqualTo("metadata");
        List<String> seen = new ArrayList<>();
        for (int i = 0; i < server.getRequestCount(); i++) {
            RecordedRequest r = server.takeRequest();
            seen.add(r.getMethod() + " " + r.getPath() + (r.getPath().startsWith("/v1/")
                    ? " " + r.getHeader("Authorization").substring(0, "SDK-HMAC-SHA256 Access=AKMETA0".length())
                    + " " + r.getHeader("X-Security-Token") : ""));
        }
        assertThat(seen).containsExactly(
                "PUT /meta-data/latest/api/token",
                "GET /openstack/latest/securitykey",
                "GET /v1/p/eihealth-projects/e/notebooks SDK-HMAC-SHA256 Access=AKMETA0 " + META_TOKEN + "0",
                "GET /openstack/latest/securitykey",
                "GET /v1/p/eihealth-projects/e/notebooks SDK-HMAC-SHA256 Access=AKMETA1 " + META_TOKEN + "1");
    }

    @Test
    void aChainThatFindsNothingFailsTheCallWithWhatItTried() {
        server.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) {
                return new MockResponse().setResponseCode(404);
            }
        });
        ModelArtsClient client = ModelArtsClient.builder().baseUrl(base()).akSkProvider(chain(Map.of()))
                .options(SecurityClients.options(captured, null)).build();

        IOException e = catchThrowableOfType(() -> client.devEnviron()
                .listNotebooks(DevEnvironApi.ListNotebooksRequest.builder(PROJECT).build()).execute(), IOException.class);
        SecurityClients.capture(e, captured);

        assertThat(e).hasMessage("no Huawei Cloud credentials found: environment: HUAWEICLOUD_SDK_AK not set; profile: "
                + home.resolve(".huaweicloud/credentials") + " not found; metadata: " + base()
                + "openstack/latest/securitykey: HTTP 404");
        assertThat(server.getRequestCount()).as("token PUT and key GET, nothing sent to the service").isEqualTo(2);
    }

    @Test
    void defaultCredentialsIsTheOptInThatSatisfiesBuild() {
        // Without credentials build() refuses; defaultCredentials() gives them without looking anything up (the
        // chain resolves at the first call, which the tests above exercise with an injected environment).
        assertThatThrownBy(() -> ModelArtsClient.builder().region("cn-north-4").build())
                .hasMessage("ModelArts client: no credentials; call token(...) or akSk(...)");
        assertThatCode(() -> ModelArtsClient.builder().region("cn-north-4").defaultCredentials().build())
                .doesNotThrowAnyException();
        assertThatCode(() -> EihealthClient.builder().region("cn-north-4").defaultCredentials().build())
                .doesNotThrowAnyException();
    }
}
