package org.contractfirst.notebooks.client;

import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.context.Scope;
import io.opentelemetry.sdk.OpenTelemetrySdk;
import io.opentelemetry.sdk.metrics.SdkMeterProvider;
import io.opentelemetry.sdk.metrics.data.HistogramPointData;
import io.opentelemetry.sdk.metrics.data.MetricData;
import io.opentelemetry.sdk.testing.exporter.InMemoryMetricReader;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.data.EventData;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SimpleSpanProcessor;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.RecordedRequest;
import org.contractfirst.notebooks.client.support.MockWebServerExtension;
import org.contractfirst.notebooks.modelarts.ModelArtsClient;
import org.contractfirst.notebooks.modelarts.api.DevEnvironApi;
import org.contractfirst.notebooks.modelarts.model.ListNotebooksResponse;
import org.contractfirst.notebooks.runtime.ApiException;
import org.contractfirst.notebooks.runtime.ClientOptions;
import org.contractfirst.notebooks.runtime.RetryPolicy;
import org.contractfirst.notebooks.runtime.auth.AkSkCredentials;
import org.contractfirst.notebooks.scnet.ScnetClient;
import org.contractfirst.notebooks.scnet.api.ContainerInstancesApi;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import retrofit2.Call;
import retrofit2.Callback;
import retrofit2.Response;

import java.io.IOException;
import java.net.ConnectException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;

/**
 * Traces and metrics (ClientOptions.Builder.openTelemetry) recorded by the OpenTelemetry SDK's in-memory exporters over
 * MockWebServer: one CLIENT span per operation call with the HTTP semantic-convention attributes, the request id and
 * the service's error code; one duration histogram point per call; nothing secret in either; nothing when off.
 */
class TelemetryTest {

    // Fake credentials and query values, distinctive so that a leak is unmistakable.
    private static final String TOKEN = "MIIZ-fake-otel-token-7d3e";
    private static final String SECRET_KEY = "fake-otel-secret-key-2b9c";
    private static final String SECURITY_TOKEN = "fake-otel-security-token-5a1f";
    private static final String NAME_QUERY = "query-value-notebook-x91";
    private static final String PROJECT = "project-1";
    private static final String SCNET_ID = "4c1f43ddb030483e89b55413bee6c004";
    private static final AttributeKey<Long> RESEND = AttributeKey.longKey("http.request.resend_count");
    private static final AttributeKey<String> ERROR_TYPE = AttributeKey.stringKey("error.type");

    @RegisterExtension
    final MockWebServerExtension mock = new MockWebServerExtension();
    private final MockWebServer server = mock.server();

    private final InMemorySpanExporter spans = InMemorySpanExporter.create();
    private final InMemoryMetricReader metrics = InMemoryMetricReader.create();
    private final OpenTelemetrySdk otel = OpenTelemetrySdk.builder()
            .setTracerProvider(SdkTracerProvider.builder().addSpanProcessor(SimpleSpanProcessor.create(spans)).build())
            .setMeterProvider(SdkMeterProvider.builder().registerMetricReader(metrics).build())
            .build();
    private final List<Duration> waits = new CopyOnWriteArrayList<>();

    @AfterEach
    void closeSdk() {
        otel.close();
    }

    private ClientOptions options(RetryPolicy retries) {
        return ClientOptions.builder().retryPolicy(retries).retrySleeper(waits::add).openTelemetry(otel).build();
    }

    private ModelArtsClient modelarts(ClientOptions options) {
        return ModelArtsClient.builder().baseUrl(server.url("/").toString()).token(TOKEN).options(options).build();
    }

    private static Call<ListNotebooksResponse> list(ModelArtsClient client) {
        return client.devEnviron().listNotebooks(DevEnvironApi.ListNotebooksRequest.builder(PROJECT)
                .limit(10).offset(0).name(NAME_QUERY).build());
    }

    private static MockResponse json(int status, String body) {
        return new MockResponse().setResponseCode(status).setHeader("Content-Type", "application/json").setBody(body);
    }

    private String base() {
        return "http://" + server.getHostName() + ":" + server.getPort();
    }

    private Map<String, Object> httpAttributes(String method, String query) {
        Map<String, Object> expected = new LinkedHashMap<>();
        expected.put("http.request.method", method);
        expected.put("server.address", server.getHostName());
        expected.put("server.port", (long) server.getPort());
        expected.put("url.full", base() + "/v1/" + PROJECT + "/notebooks" + query);
        expected.put("url.template", "/v1/{project_id}/notebooks");
        expected.put("notebooks.service", "ModelArts");
        expected.put("notebooks.operation", "listNotebooks");
        return expected;
    }

    private static Map<String, Object> asMap(Attributes attributes) {
        Map<String, Object> map = new LinkedHashMap<>();
        attributes.forEach((key, value) -> map.put(key.getKey(), value));
        return map;
    }

    private SpanData onlySpan() {
        List<SpanData> finished = spans.getFinishedSpanItems();
        assertThat(finished).hasSize(1);
        return finished.get(0);
    }

    private HistogramPointData onlyDurationPoint() {
        List<MetricData> all = new ArrayList<>(metrics.collectAllMetrics());
        assertThat(all).extracting(MetricData::getName).containsExactly("notebooks.client.operation.duration");
        MetricData duration = all.get(0);
        assertThat(duration.getUnit()).isEqualTo("s");
        assertThat(duration.getInstrumentationScopeInfo().getName()).isEqualTo("org.contractfirst.notebooks");
        assertThat(duration.getHistogramData().getPoints()).hasSize(1);
        return duration.getHistogramData().getPoints().iterator().next();
    }

    private static final String LIMIT_NAME_OFFSET = "?limit=REDACTED&name=REDACTED&offset=REDACTED";

    @Test
    void aSuccessfulCallIsOneClientSpanNamedAfterTheOperationAndOneDurationPoint() throws Exception {
        server.enqueue(json(200, "{\"notebooks\":[],\"count\":0,\"current\":0,\"pages\":0,\"size\":10,\"total\":0}")
                .setHeader("X-Request-Id", "req-ok-1"));

        ListNotebooksResponse body = list(modelarts(options(RetryPolicy.defaults()))).execute().body();

        assertThat(body.getTotal()).isZero();
        RecordedRequest sent = server.takeRequest();
        assertThat(sent.getPath()).isEqualTo("/v1/project-1/notebooks?limit=10&name=" + NAME_QUERY + "&offset=0");
        assertThat(sent.getHeader("traceparent")).as("nothing is added to the request").isNull();
        SpanData span = onlySpan();
        assertThat(span.getName()).isEqualTo("ModelArts.listNotebooks");
        assertThat(span.getKind()).isEqualTo(SpanKind.CLIENT);
        assertThat(span.getStatus().getStatusCode()).isEqualTo(StatusCode.UNSET);
        assertThat(span.getParentSpanContext().isValid()).isFalse();
        assertThat(span.getEvents()).isEmpty();
        Map<String, Object> expected = httpAttributes("GET", LIMIT_NAME_OFFSET);
        expected.put("http.response.status_code", 200L);
        expected.put("notebooks.request_id", "req-ok-1");
        assertThat(asMap(span.getAttributes())).containsExactlyInAnyOrderEntriesOf(expected);

        HistogramPointData point = onlyDurationPoint();
        assertThat(point.getCount()).isEqualTo(1);
        assertThat(point.getSum()).isGreaterThan(0).isEqualTo((span.getEndEpochNanos() - span.getStartEpochNanos()) / 1e9,
                org.assertj.core.api.Assertions.within(0.05));
        assertThat(asMap(point.getAttributes())).containsOnly(entry("notebooks.service", "ModelArts"),
                entry("notebooks.operation", "listNotebooks"), entry("http.request.method", "GET"),
                entry("server.address", server.getHostName()), entry("server.port", (long) server.getPort()),
                entry("http.response.status_code", 200L));
    }

    @Test
    void anHttpErrorCarriesTheStatusTheHuaweiErrorCodeAndTheRequestId() {
        server.enqueue(json(404, "{\"error_code\":\"ModelArts.6309\",\"error_msg\":\"Notebook not found\"}")
                .setHeader("X-Request-Id", "req-404-abc"));

        assertThatThrownBy(() -> list(modelarts(options(RetryPolicy.defaults()))).execute())
                .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.errorCode()).isEqualTo("ModelArts.6309"));

        SpanData span = onlySpan();
        assertThat(span.getStatus().getStatusCode()).isEqualTo(StatusCode.ERROR);
        assertThat(span.getStatus().getDescription()).isEmpty(); // the vendor's message is free text: not recorded
        Map<String, Object> expected = httpAttributes("GET", LIMIT_NAME_OFFSET);
        expected.put("http.response.status_code", 404L);
        expected.put("error.type", "404");
        expected.put("notebooks.request_id", "req-404-abc");
        expected.put("notebooks.error_code", "ModelArts.6309");
        assertThat(asMap(span.getAttributes())).containsExactlyInAnyOrderEntriesOf(expected);
        assertThat(span.getEvents()).isEmpty();

        assertThat(asMap(onlyDurationPoint().getAttributes())).contains(entry("http.response.status_code", 404L),
                entry("error.type", "404")).doesNotContainKey("notebooks.error_code");
    }

    @Test
    void anScnetEnvelopeErrorUnderHttp200IsAnErrorSpanWithTheEnvelopeCode() {
        server.enqueue(json(200, "{\"code\":\"10004\",\"msg\":\"Invalid parameter\",\"data\":null}")
                .setHeader("X-Request-Id", "scnet-req-7"));
        ScnetClient scnet = ScnetClient.builder().baseUrl(server.url("/").toString()).token(TOKEN)
                .options(options(RetryPolicy.none())).build();

        assertThatThrownBy(() -> scnet.containerInstances().getInstanceServiceDetail(
                ContainerInstancesApi.GetInstanceServiceDetailRequest.builder(SCNET_ID).build()).execute())
                .isInstanceOf(org.contractfirst.notebooks.runtime.ScnetApiException.class);

        SpanData span = onlySpan();
        assertThat(span.getName()).isEqualTo("SCNet.getInstanceServiceDetail");
        assertThat(span.getStatus().getStatusCode()).isEqualTo(StatusCode.ERROR);
        assertThat(asMap(span.getAttributes())).containsOnly(
                entry("http.request.method", "GET"),
                entry("server.address", server.getHostName()),
                entry("server.port", (long) server.getPort()),
                entry("url.full", base() + "/ai/openapi/v2/instance-service/" + SCNET_ID + "/detail"),
                entry("url.template", "/ai/openapi/v2/instance-service/{id}/detail"),
                entry("notebooks.service", "SCNet"),
                entry("notebooks.operation", "getInstanceServiceDetail"),
                entry("http.response.status_code", 200L),
                entry("error.type", "org.contractfirst.notebooks.runtime.ScnetApiException"),
                entry("notebooks.request_id", "scnet-req-7"),
                entry("notebooks.error_code", "10004"));
        assertThat(asMap(onlyDurationPoint().getAttributes())).contains(entry("notebooks.service", "SCNet"),
                entry("http.response.status_code", 200L), entry("error.type", "org.contractfirst.notebooks.runtime.ScnetApiException"));
    }

    @Test
    void aConnectionFailureHasTheExceptionTypeAndNoStatus() throws IOException {
        MockWebServer closed = new MockWebServer();
        closed.start();
        String url = closed.url("/").toString();
        int port = closed.getPort();
        closed.shutdown();
        ModelArtsClient client = ModelArtsClient.builder().baseUrl(url).token(TOKEN).options(options(RetryPolicy.none())).build();

        assertThatThrownBy(() -> list(client).execute()).isInstanceOf(ConnectException.class);

        SpanData span = onlySpan();
        assertThat(span.getStatus().getStatusCode()).isEqualTo(StatusCode.ERROR);
        Map<String, Object> attributes = asMap(span.getAttributes());
        assertThat(attributes).contains(entry("error.type", "java.net.ConnectException"), entry("server.port", (long) port))
                .doesNotContainKeys("http.response.status_code", "notebooks.request_id", "notebooks.error_code",
                        "http.request.resend_count");
        assertThat(asMap(onlyDurationPoint().getAttributes())).contains(entry("error.type", "java.net.ConnectException"))
                .doesNotContainKey("http.response.status_code");
    }

    @Test
    void retriesStayInsideTheOperationSpanAsResendCountAndRetryEvents() throws Exception {
        server.enqueue(json(503, "{\"error_code\":\"ModelArts.0001\",\"error_msg\":\"busy\"}"));
        server.enqueue(json(502, "{}"));
        server.enqueue(json(200, "{\"notebooks\":[],\"count\":0,\"current\":0,\"pages\":0,\"size\":10,\"total\":0}")
                .setHeader("X-Request-Id", "req-third"));

        list(modelarts(options(RetryPolicy.defaults()))).execute();

        assertThat(server.getRequestCount()).isEqualTo(3);
        assertThat(waits).hasSize(2);
        SpanData span = onlySpan();
        assertThat(span.getStatus().getStatusCode()).isEqualTo(StatusCode.UNSET);
        assertThat(asMap(span.getAttributes())).contains(entry("http.response.status_code", 200L),
                entry("http.request.resend_count", 2L), entry("notebooks.request_id", "req-third")).doesNotContainKey("error.type");
        assertThat(span.getEvents()).extracting(EventData::getName).containsExactly("notebooks.retry", "notebooks.retry");
        assertThat(span.getEvents()).extracting(e -> e.getAttributes().get(RESEND)).containsExactly(1L, 2L);
        assertThat(span.getEvents()).extracting(e -> e.getAttributes().get(ERROR_TYPE)).containsExactly("503", "502");
        assertThat(onlyDurationPoint().getCount()).isEqualTo(1);
    }

    @Test
    void aPostIsNotRetriedAndItsSpanSaysSo() {
        server.enqueue(json(503, "{\"error_code\":\"ModelArts.0001\",\"error_msg\":\"busy\"}").setHeader("X-Request-Id", "req-post"));
        ModelArtsClient client = modelarts(options(RetryPolicy.defaults()));

        assertThatThrownBy(() -> client.devEnviron().openCodeLab(DevEnvironApi.OpenCodeLabRequest.builder(PROJECT)
                .body(new org.contractfirst.notebooks.modelarts.model.OpenCodeLabBody().imageId("e1a07296-22a8-4f05-8bc8-e936c8e54090"))
                .build()).execute()).isInstanceOf(ApiException.class);

        assertThat(server.getRequestCount()).isEqualTo(1);
        SpanData span = onlySpan();
        assertThat(span.getName()).isEqualTo("ModelArts.openCodeLab");
        assertThat(asMap(span.getAttributes())).containsOnly(
                entry("http.request.method", "POST"),
                entry("server.address", server.getHostName()),
                entry("server.port", (long) server.getPort()),
                entry("url.full", base() + "/v1/" + PROJECT + "/notebooks/open"),
                entry("url.template", "/v1/{project_id}/notebooks/open"),
                entry("notebooks.service", "ModelArts"),
                entry("notebooks.operation", "openCodeLab"),
                entry("http.response.status_code", 503L),
                entry("error.type", "503"),
                entry("notebooks.request_id", "req-post"),
                entry("notebooks.error_code", "ModelArts.0001"));
        assertThat(span.getEvents()).isEmpty();
    }

    @Test
    void theSpanIsAChildOfTheCallersSpanForExecuteAndForEnqueue() throws Exception {
        server.enqueue(json(200, "{\"notebooks\":[],\"total\":0}"));
        server.enqueue(json(200, "{\"notebooks\":[],\"total\":0}"));
        ModelArtsClient client = modelarts(options(RetryPolicy.none()));
        Span parent = otel.getTracer("test").spanBuilder("caller").startSpan();
        CompletableFuture<Integer> async = new CompletableFuture<>();
        try (Scope ignored = parent.makeCurrent()) {
            list(client).execute();
            list(client).enqueue(new Callback<>() {
                @Override
                public void onResponse(Call<ListNotebooksResponse> call, Response<ListNotebooksResponse> response) {
                    async.complete(response.code());
                }

                @Override
                public void onFailure(Call<ListNotebooksResponse> call, Throwable t) {
                    async.completeExceptionally(t);
                }
            });
        } finally {
            parent.end();
        }
        assertThat(async.get(10, TimeUnit.SECONDS)).isEqualTo(200);

        List<SpanData> operations = spans.getFinishedSpanItems().stream().filter(s -> s.getName().equals("ModelArts.listNotebooks")).toList();
        assertThat(operations).hasSize(2).allSatisfy(s -> {
            assertThat(s.getParentSpanId()).isEqualTo(parent.getSpanContext().getSpanId());
            assertThat(s.getTraceId()).isEqualTo(parent.getSpanContext().getTraceId());
        });
    }

    @Test
    void noSpanOrMetricContainsACredentialOrAQueryValue() throws Exception {
        server.enqueue(json(200, "{\"notebooks\":[],\"total\":0}").setHeader("X-Request-Id", "r1"));
        server.enqueue(json(401, "{\"error_code\":\"APIGW.0301\",\"error_msg\":\"Incorrect IAM authentication information: "
                + NAME_QUERY + "\"}").setHeader("X-Request-Id", "r2"));
        server.enqueue(json(200, "{\"notebooks\":[],\"total\":0}"));
        server.enqueue(json(403, "{\"error_code\":\"ModelArts.0002\",\"error_msg\":\"denied\"}"));
        ModelArtsClient tokenClient = modelarts(options(RetryPolicy.none()));
        ModelArtsClient akSkClient = ModelArtsClient.builder().baseUrl(server.url("/").toString())
                .akSk(AkSkCredentials.builder("AKIDFAKEOTEL00000000", SECRET_KEY).securityToken(SECURITY_TOKEN).projectId(PROJECT).build())
                .options(options(RetryPolicy.none())).build();

        for (ModelArtsClient client : List.of(tokenClient, akSkClient)) {
            for (int i = 0; i < 2; i++) {
                try {
                    list(client).execute();
                } catch (ApiException expected) {
                    // the error span is what is checked
                }
            }
        }

        assertThat(server.takeRequest().getHeader("X-Auth-Token")).isEqualTo(TOKEN);
        List<String> recorded = new ArrayList<>();
        List<SpanData> finished = spans.getFinishedSpanItems();
        assertThat(finished).hasSize(4);
        for (SpanData span : finished) {
            recorded.add(span.getName());
            recorded.add(span.getStatus().getDescription());
            span.getAttributes().forEach((k, v) -> recorded.add(k.getKey() + "=" + v));
            span.getEvents().forEach(e -> e.getAttributes().forEach((k, v) -> recorded.add(k.getKey() + "=" + v)));
        }
        for (MetricData metric : metrics.collectAllMetrics()) {
            metric.getHistogramData().getPoints().forEach(p -> p.getAttributes().forEach((k, v) -> recorded.add(k.getKey() + "=" + v)));
        }
        String all = String.join("\n", recorded);
        assertThat(all).contains("notebooks.error_code=APIGW.0301", "notebooks.request_id=r2", "url.full=" + base()
                + "/v1/project-1/notebooks" + LIMIT_NAME_OFFSET);
        for (String secret : List.of(TOKEN, SECRET_KEY, SECURITY_TOKEN, NAME_QUERY, "limit=10", "offset=0", "AKIDFAKEOTEL")) {
            assertThat(all).doesNotContain(secret);
        }
    }

    @Test
    void offIsTheDefaultAndRecordsNothing() throws Exception {
        server.enqueue(json(200, "{\"notebooks\":[],\"total\":0}"));
        ModelArtsClient client = ModelArtsClient.builder().baseUrl(server.url("/").toString()).token(TOKEN).build();
        assertThat(ClientOptions.defaults().openTelemetry()).isNull();

        list(client).execute();

        assertThat(spans.getFinishedSpanItems()).isEmpty();
        assertThat(metrics.collectAllMetrics()).isEmpty();
    }
}
