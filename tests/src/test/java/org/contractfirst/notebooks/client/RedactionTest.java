package org.contractfirst.notebooks.client;

import org.contractfirst.notebooks.client.support.LineLogger;
import org.contractfirst.notebooks.client.support.MockWebServerExtension;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.contractfirst.notebooks.scnet.api.ContainerInstancesApi;
import org.contractfirst.notebooks.modelarts.api.DevEnvironApi;
import org.contractfirst.notebooks.eihealth.api.NotebooksApi;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import org.contractfirst.notebooks.eihealth.EihealthClient;
import org.contractfirst.notebooks.modelarts.ModelArtsClient;
import org.contractfirst.notebooks.runtime.ClientOptions;
import org.contractfirst.notebooks.runtime.RetryPolicy;
import org.contractfirst.notebooks.runtime.auth.AkSkCredentials;
import org.contractfirst.notebooks.scnet.ScnetClient;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every log line and every exception text of authenticated calls (token, AK/SK with a security token,
 * SCNet token; successes and failures) is captured; no secret may appear in any of them, while the
 * server did receive them.
 */
class RedactionTest {

    // Fake credentials made for this test; distinctive so that a leak is unmistakable.
    private static final String IAM_TOKEN = "MIIZ-fake-iam-token-4f1e2d";
    private static final String SCNET_TOKEN = "eyJfake.scnet.token-9a8b7c";
    private static final String SECRET_KEY = "fake-secret-key-5c6d7e8f";
    private static final String SECURITY_TOKEN = "fake-security-token-0a1b2c";
    private static final List<String> SECRETS = List.of(IAM_TOKEN, SCNET_TOKEN, SECRET_KEY, SECURITY_TOKEN);

    @RegisterExtension
    final MockWebServerExtension mock = new MockWebServerExtension();
    private final MockWebServer server = mock.server();
    private final List<String> captured = new CopyOnWriteArrayList<>();

    private ClientOptions loggingOptions() {
        return ClientOptions.builder().retryPolicy(RetryPolicy.none())
                .httpLog(ClientOptions.HttpLog.HEADERS, LineLogger.of(captured::add)).build();
    }

    private void serveSuccessThenError() {
        server.enqueue(new MockResponse().setHeader("Content-Type", "application/json").setBody("{\"count\":0,\"notebooks\":[],\"total\":0,\"code\":\"0\"}"));
        server.enqueue(new MockResponse().setResponseCode(401).setHeader("Content-Type", "application/json")
                .setBody("{\"error_code\":\"APIGW.0301\",\"error_msg\":\"Incorrect IAM authentication information\"}"));
    }

    private void callTwiceCapturingExceptions(ThrowingCall call) {
        for (int i = 0; i < 2; i++) {
            try {
                call.run();
            } catch (Exception e) {
                captured.add(e.toString());
                captured.add(String.valueOf(e.getMessage()));
                for (StackTraceElement el : e.getStackTrace()) {
                    captured.add(el.toString());
                }
            }
        }
    }

    interface ThrowingCall {
        void run() throws Exception;
    }

    @Test
    void tokenNeverAppearsInLogsOrExceptions() throws Exception {
        serveSuccessThenError();
        EihealthClient client = EihealthClient.builder().baseUrl(server.url("/").toString()).token(IAM_TOKEN).options(loggingOptions()).build();

        callTwiceCapturingExceptions(() -> client.notebooks().listNotebooks(NotebooksApi.ListNotebooksRequest.builder("p", "e").build()).execute());

        assertThat(server.takeRequest().getHeader("X-Auth-Token")).isEqualTo(IAM_TOKEN);
        assertSecretsAbsentAndLogWritten("X-Auth-Token: ██");
    }

    @Test
    void akSkAndSecurityTokenNeverAppear() throws Exception {
        serveSuccessThenError();
        AkSkCredentials credentials = AkSkCredentials.builder("AKIDFAKE000000000000", SECRET_KEY).securityToken(SECURITY_TOKEN).projectId("project-1").build();
        ModelArtsClient client = ModelArtsClient.builder().baseUrl(server.url("/").toString()).akSk(credentials).options(loggingOptions()).build();
        captured.add(credentials.toString());

        callTwiceCapturingExceptions(() -> client.devEnviron().listNotebooks(DevEnvironApi.ListNotebooksRequest.builder("p").build()).execute());

        var recorded = server.takeRequest();
        assertThat(recorded.getHeader("X-Security-Token")).isEqualTo(SECURITY_TOKEN);
        assertThat(recorded.getHeader("Authorization")).startsWith("SDK-HMAC-SHA256 Access=AKIDFAKE000000000000");
        assertSecretsAbsentAndLogWritten("Authorization: ██");
        assertThat(String.join("\n", captured)).contains("X-Security-Token: ██");
    }

    @Test
    void scnetTokenNeverAppears() throws Exception {
        serveSuccessThenError();
        ScnetClient client = ScnetClient.builder().baseUrl(server.url("/").toString()).token(SCNET_TOKEN).options(loggingOptions()).build();

        callTwiceCapturingExceptions(() -> client.containerInstances().getInstanceServiceDetail(ContainerInstancesApi.GetInstanceServiceDetailRequest.builder("abc").build()).execute());

        assertThat(server.takeRequest().getHeader("token")).isEqualTo(SCNET_TOKEN);
        assertSecretsAbsentAndLogWritten("token: ██");
    }

    @Test
    void builderErrorsNameWhatIsMissingWithoutSecrets() {
        captured.add(org.assertj.core.api.Assertions.catchThrowable(
                () -> ModelArtsClient.builder().token(IAM_TOKEN).build()).getMessage());
        captured.add(org.assertj.core.api.Assertions.catchThrowable(
                () -> AkSkCredentials.builder("AKIDFAKE000000000000", " ").securityToken(SECURITY_TOKEN).build()).getMessage());

        assertThat(captured.get(0)).isEqualTo("ModelArts client: no endpoint; call region(...) or baseUrl(...)");
        assertThat(String.join("\n", captured)).doesNotContain(SECRETS);
    }

    private void assertSecretsAbsentAndLogWritten(String redactedLine) {
        String all = String.join("\n", captured);
        assertThat(captured).as("log lines and exception texts").hasSizeGreaterThan(10);
        assertThat(all).contains(redactedLine).contains("HTTP 401 APIGW.0301");
        for (String secret : SECRETS) {
            assertThat(all).as("captured output").doesNotContain(secret);
        }
    }
}
