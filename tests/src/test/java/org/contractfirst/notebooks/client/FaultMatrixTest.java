package org.contractfirst.notebooks.client;

import org.contractfirst.notebooks.client.support.MockWebServerExtension;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.contractfirst.notebooks.scnet.api.ContainerInstancesApi;
import org.contractfirst.notebooks.modelarts.api.DevEnvironApi;
import org.contractfirst.notebooks.eihealth.api.NotebooksApi;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.SocketPolicy;
import org.contractfirst.notebooks.eihealth.EihealthClient;
import org.contractfirst.notebooks.eihealth.model.ListNotebooksResponse;
import org.contractfirst.notebooks.modelarts.ModelArtsClient;
import org.contractfirst.notebooks.modelarts.model.OpenCodeLabBody;
import org.contractfirst.notebooks.runtime.ApiException;
import org.contractfirst.notebooks.runtime.ClientOptions;
import org.contractfirst.notebooks.runtime.RetryPolicy;
import org.contractfirst.notebooks.runtime.ScnetApiException;
import org.contractfirst.notebooks.scnet.ScnetClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * What the clients do when the network or the server misbehaves, asserted on the exception and on the
 * number of requests the server saw. Retry waits are recorded, not slept; timeouts are short.
 */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class FaultMatrixTest {

    private static final String PAGE = "{\"count\":1,\"notebooks\":[{\"id\":\"nb-1\",\"name\":\"n\"}]}";

    @RegisterExtension
    final MockWebServerExtension mock = new MockWebServerExtension();
    private final MockWebServer server = mock.server();
    private final List<Duration> waits = new CopyOnWriteArrayList<>();

    private ClientOptions options() {
        return ClientOptions.builder()
                .timeouts(Duration.ofSeconds(2), Duration.ofMillis(500), Duration.ofSeconds(2), Duration.ofSeconds(20))
                .retryPolicy(RetryPolicy.builder().maxRetries(2).baseDelay(Duration.ofMillis(100))
                        .maxDelay(Duration.ofSeconds(1)).maxRetryAfter(Duration.ofSeconds(30)).build())
                .retrySleeper(waits::add)
                .build();
    }

    private EihealthClient eihealth() {
        return EihealthClient.builder().baseUrl(server.url("/").toString()).token("fault-test-token").options(options()).build();
    }

    private ListNotebooksResponse listEihealth() throws IOException {
        return eihealth().notebooks().listNotebooks(NotebooksApi.ListNotebooksRequest.builder("p", "e").build()).execute().body();
    }

    private static MockResponse json(int status, String body) {
        return new MockResponse().setResponseCode(status).setHeader("Content-Type", "application/json").setBody(body);
    }

    @Test
    void readTimeoutOnGetIsRetriedThenReported() {
        for (int i = 0; i < 3; i++) {
            server.enqueue(json(200, PAGE).setHeadersDelay(2, TimeUnit.SECONDS));
        }

        Throwable thrown = catchThrowableOfType(InterruptedIOException.class, this::listEihealth);

        assertThat(thrown).isInstanceOf(java.net.SocketTimeoutException.class);
        assertThat(server.getRequestCount()).isEqualTo(3);
        assertThat(waits).hasSize(2);
    }

    @Test
    void connectionResetOnGetIsRetriedAndSucceeds() throws Exception {
        server.enqueue(new MockResponse().setSocketPolicy(SocketPolicy.DISCONNECT_AFTER_REQUEST));
        server.enqueue(json(200, PAGE));

        ListNotebooksResponse page = listEihealth();

        assertThat(page.getNotebooks()).singleElement().satisfies(n -> assertThat(n.getId()).isEqualTo("nb-1"));
        assertThat(server.getRequestCount()).isEqualTo(2);
        assertThat(waits).hasSize(1);
    }

    @Test
    void truncatedBodyGivesStatusAndFirstBytes() {
        server.enqueue(json(200, PAGE.repeat(50)).setSocketPolicy(SocketPolicy.DISCONNECT_DURING_RESPONSE_BODY));

        ApiException e = catchThrowableOfType(ApiException.class, this::listEihealth);

        assertThat(e.httpStatus()).isEqualTo(200);
        assertThat(e.getMessage()).contains("GET /v1/p/eihealth-projects/e/notebooks: HTTP 200")
                .contains("response body truncated").contains("{\"count\":1");
        assertThat(e.rawBodyText()).startsWith("{\"count\":1,\"notebooks\"");
        assertThat(e.rawBody().length).isLessThan(PAGE.length() * 50);
        assertThat(server.getRequestCount()).isEqualTo(1);
    }

    @Test
    void nonJson502IsRetriedThenReportedWithItsBody() {
        for (int i = 0; i < 3; i++) {
            server.enqueue(new MockResponse().setResponseCode(502).setHeader("Content-Type", "text/html")
                    .setHeader("X-Request-Id", "req-502").setBody("<html><body>Bad Gateway</body></html>"));
        }

        ApiException e = catchThrowableOfType(ApiException.class, this::listEihealth);

        assertThat(e.httpStatus()).isEqualTo(502);
        assertThat(e.errorCode()).isNull();
        assertThat(e.requestId()).isEqualTo("req-502");
        assertThat(e.rawBodyText()).isEqualTo("<html><body>Bad Gateway</body></html>");
        assertThat(e.getMessage()).contains("HTTP 502").contains("not a JSON error object").contains("<html><body>Bad Gateway");
        assertThat(server.getRequestCount()).isEqualTo(3);
    }

    @Test
    void tooManyRequestsHonoursRetryAfter() throws Exception {
        server.enqueue(json(429, "{\"error_code\":\"APIGW.0308\",\"error_msg\":\"The throttling threshold has been reached\"}")
                .setHeader("Retry-After", "3"));
        server.enqueue(json(200, PAGE));

        assertThat(listEihealth().getCount()).isEqualTo(1);
        assertThat(server.getRequestCount()).isEqualTo(2);
        assertThat(waits).containsExactly(Duration.ofSeconds(3));
    }

    @Test
    void serviceUnavailableHonoursRetryAfterThenGivesUpWithTypedError() {
        for (int i = 0; i < 3; i++) {
            server.enqueue(json(503, "{\"error_code\":\"ModelArts.0001\",\"error_msg\":\"Service unavailable\"}")
                    .setHeader("Retry-After", "1").setHeader("X-Request-Id", "req-503-" + i));
        }

        ApiException e = catchThrowableOfType(ApiException.class, this::listEihealth);

        assertThat(e.httpStatus()).isEqualTo(503);
        assertThat(e.errorCode()).isEqualTo("ModelArts.0001");
        assertThat(e.errorMessage()).isEqualTo("Service unavailable");
        assertThat(e.requestId()).isEqualTo("req-503-2");
        assertThat(server.getRequestCount()).isEqualTo(3);
        assertThat(waits).containsExactly(Duration.ofSeconds(1), Duration.ofSeconds(1));
    }

    @Test
    void retryAfterLongerThanAcceptedIsReportedAtOnce() {
        server.enqueue(json(429, "{\"error_code\":\"APIGW.0308\",\"error_msg\":\"throttled\"}").setHeader("Retry-After", "3600"));

        ApiException e = catchThrowableOfType(ApiException.class, this::listEihealth);

        assertThat(e.httpStatus()).isEqualTo(429);
        assertThat(e.errorCode()).isEqualTo("APIGW.0308");
        assertThat(server.getRequestCount()).isEqualTo(1);
        assertThat(waits).isEmpty();
    }

    @Test
    void serverErrorOnPostIsNeverRetried() {
        server.enqueue(json(503, "{\"error_code\":\"ModelArts.0001\",\"error_msg\":\"Service unavailable\"}").setHeader("Retry-After", "1"));
        server.enqueue(json(200, "{\"id\":\"should-not-be-reached\"}"));
        ModelArtsClient modelarts = ModelArtsClient.builder().baseUrl(server.url("/").toString())
                .token("fault-test-token").options(options()).build();

        ApiException e = catchThrowableOfType(ApiException.class,
                () -> modelarts.devEnviron().openCodeLab(DevEnvironApi.OpenCodeLabRequest.builder("p").body(new OpenCodeLabBody()).build()).execute());

        assertThat(e.httpStatus()).isEqualTo(503);
        assertThat(e.method()).isEqualTo("POST");
        assertThat(e.path()).isEqualTo("/v1/p/notebooks/open");
        assertThat(server.getRequestCount()).isEqualTo(1);
        assertThat(waits).isEmpty();
    }

    @Test
    void connectionResetOnPostIsNotRetried() {
        server.enqueue(new MockResponse().setSocketPolicy(SocketPolicy.DISCONNECT_AFTER_REQUEST));
        server.enqueue(json(200, "{\"id\":\"should-not-be-reached\"}"));
        ModelArtsClient modelarts = ModelArtsClient.builder().baseUrl(server.url("/").toString())
                .token("fault-test-token").options(options()).build();

        assertThatThrownBy(() -> modelarts.devEnviron().openCodeLab(DevEnvironApi.OpenCodeLabRequest.builder("p").body(new OpenCodeLabBody()).build()).execute())
                .isInstanceOf(IOException.class).isNotInstanceOf(ApiException.class);
        assertThat(server.getRequestCount()).isEqualTo(1);
    }

    @Test
    void huaweiErrorBodyBecomesTypedError() {
        server.enqueue(json(404, "{\"error_code\":\"ModelArts.6309\",\"error_msg\":\"The notebook instance does not exist.\"}")
                .setHeader("X-Request-Id", "8f2d2a9a3d7b4f6cb1f4e0c1d2a3b4c5"));

        ApiException e = catchThrowableOfType(ApiException.class, this::listEihealth);

        assertThat(e.httpStatus()).isEqualTo(404);
        assertThat(e.errorCode()).isEqualTo("ModelArts.6309");
        assertThat(e.errorMessage()).isEqualTo("The notebook instance does not exist.");
        assertThat(e.requestId()).isEqualTo("8f2d2a9a3d7b4f6cb1f4e0c1d2a3b4c5");
        assertThat(e.getMessage()).isEqualTo("GET /v1/p/eihealth-projects/e/notebooks: HTTP 404 ModelArts.6309"
                + " The notebook instance does not exist. [request id 8f2d2a9a3d7b4f6cb1f4e0c1d2a3b4c5]");
        assertThat(server.getRequestCount()).isEqualTo(1);
    }

    @Test
    void nestedAndAlternativeErrorFieldsAreRead() {
        server.enqueue(json(401, "{\"error\":{\"code\":\"401\",\"message\":\"The request you have made requires authentication.\",\"title\":\"Unauthorized\"}}"));
        server.enqueue(json(400, "{\"code\":\"EIHealth.00010002\",\"message\":\"Invalid limit\",\"request_id\":\"body-req-id\"}"));

        ApiException nested = catchThrowableOfType(ApiException.class, this::listEihealth);
        ApiException flat = catchThrowableOfType(ApiException.class, this::listEihealth);

        assertThat(nested.errorCode()).isEqualTo("401");
        assertThat(nested.errorMessage()).isEqualTo("The request you have made requires authentication.");
        assertThat(flat.errorCode()).isEqualTo("EIHealth.00010002");
        assertThat(flat.errorMessage()).isEqualTo("Invalid limit");
        assertThat(flat.requestId()).isEqualTo("body-req-id");
    }

    @Test
    void nonJsonSuccessBodyGivesStatusAndFirstBytes() {
        server.enqueue(new MockResponse().setHeader("Content-Type", "text/html").setBody("<html>login page</html>"));

        ApiException e = catchThrowableOfType(ApiException.class, this::listEihealth);

        assertThat(e.httpStatus()).isEqualTo(200);
        assertThat(e.getMessage()).contains("expected a JSON body").contains("<html>login page</html>");
    }

    @Test
    void malformedJsonSuccessBodyGivesStatusTypeAndFirstBytes() {
        server.enqueue(json(200, "{\"count\":1,\"notebooks\":[{\"id\":\"nb-1\",").setHeader("X-Request-Id", "req-bad-json"));

        ApiException e = catchThrowableOfType(ApiException.class, this::listEihealth);

        assertThat(e.httpStatus()).isEqualTo(200);
        assertThat(e.requestId()).isEqualTo("req-bad-json");
        assertThat(e.getMessage()).contains("does not decode as org.contractfirst.notebooks.eihealth.model.ListNotebooksResponse")
                .contains("{\"count\":1,\"notebooks\":[{\"id\":\"nb-1\",");
    }

    @Test
    void scnetErrorEnvelopeOnHttp200BecomesTypedError() {
        server.enqueue(json(200, "{\"code\":\"10004\",\"msg\":\"参数无效\",\"data\":null}"));
        ScnetClient scnet = ScnetClient.builder().baseUrl(server.url("/").toString()).token("fault-test-token").options(options()).build();

        ScnetApiException e = catchThrowableOfType(ScnetApiException.class,
                () -> scnet.containerInstances().getInstanceServiceDetail(ContainerInstancesApi.GetInstanceServiceDetailRequest.builder("4c1f43ddb030483e89b55413bee6c004").build()).execute());

        assertThat(e.httpStatus()).isEqualTo(200);
        assertThat(e.errorCode()).isEqualTo("10004");
        assertThat(e.errorMessage()).isEqualTo("参数无效");
        assertThat(e.codeMeaning()).isEqualTo("Invalid parameter");
        assertThat(e.getMessage()).contains("HTTP 200 10004 参数无效 (Invalid parameter)");
        assertThat(server.getRequestCount()).isEqualTo(1);
    }
}
