package org.contractfirst.notebooks.runtime.internal;

import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.sdk.OpenTelemetrySdk;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SimpleSpanProcessor;
import okhttp3.HttpUrl;
import okhttp3.Interceptor;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import org.contractfirst.notebooks.runtime.ClientOptions;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** What OperationTelemetry adds to a client's stack (nothing when off), its URL redaction and its fallback span name. */
class OperationTelemetryTest {

    private static final Origin ORIGIN = Origin.of(HttpUrl.get("https://modelarts.cn-north-4.myhuaweicloud.com/"));
    private static final Interceptor AUTH = new HeaderAuth("X-Auth-Token", "fake-token-for-stack-test");

    private static List<String> stack(OkHttpClient client) {
        return client.interceptors().stream().map(i -> i.getClass().getSimpleName()).toList();
    }

    @Test
    void offTheStackIsTheOneWithoutTelemetryAndOnItIsWrappedAndCounted() {
        ClientOptions defaults = ClientOptions.defaults();
        OkHttpClient without = ServiceClients.httpClient(defaults, AUTH, new HuaweiErrorDecoder(), ORIGIN);
        List<String> plain = List.of("ErrorMappingInterceptor", "RetryInterceptor", "RedirectInterceptor", "OriginBoundAuth");
        assertThat(stack(without)).isEqualTo(plain);
        assertThat(without.eventListenerFactory()).isSameAs(defaults.baseClient().eventListenerFactory());

        for (ClientOptions off : List.of(defaults.toBuilder().openTelemetry(null).build(), defaults.toBuilder().openTelemetry(OpenTelemetry.noop()).build())) {
            OkHttpClient client = ServiceClients.httpClient(off, AUTH, new HuaweiErrorDecoder(), ORIGIN);
            assertThat(stack(client)).isEqualTo(plain);
            assertThat(client.networkInterceptors()).isEmpty();
            assertThat(client.eventListenerFactory()).isSameAs(defaults.baseClient().eventListenerFactory());
        }

        try (OpenTelemetrySdk sdk = OpenTelemetrySdk.builder().build()) {
            OkHttpClient on = ServiceClients.httpClient(defaults.toBuilder().openTelemetry(sdk).build(), AUTH, new HuaweiErrorDecoder(), ORIGIN);
            assertThat(stack(on)).containsExactly("OperationTelemetry", "ErrorMappingInterceptor", "RetryInterceptor",
                    "AttemptCounter", "RedirectInterceptor", "OriginBoundAuth");
            assertThat(on.networkInterceptors()).isEmpty();
        }
    }

    @Test
    void theUrlKeepsQueryNamesAndLosesQueryValuesUserInfoAndFragment() {
        assertThat(OperationTelemetry.redacted(HttpUrl.get("https://h.example/v1/p1/notebooks")))
                .isEqualTo("https://h.example/v1/p1/notebooks");
        assertThat(OperationTelemetry.redacted(HttpUrl.get("https://user:pw@h.example:8443/x/y?limit=10&name=a%20b%26c&flag&empty=#frag")))
                .isEqualTo("https://REDACTED:REDACTED@h.example:8443/x/y?limit=REDACTED&name=REDACTED&flag&empty=REDACTED");
        assertThat(OperationTelemetry.redacted(HttpUrl.get("http://[::1]:4010/v1/p?offset=0&offset=10")))
                .isEqualTo("http://[::1]:4010/v1/p?offset=REDACTED&offset=REDACTED");
        assertThat(OperationTelemetry.redacted(HttpUrl.get("https://h.example/x?limit=10&name=a%20b%26c&flag&empty=&a=b=c&&last")))
                .isEqualTo("https://h.example/x?limit=REDACTED&name=REDACTED&flag&empty=REDACTED&a=REDACTED&&last");
        assertThat(OperationTelemetry.redacted(HttpUrl.get("https://h.example/x?"))).isEqualTo("https://h.example/x?");
        assertThat(OperationTelemetry.redacted(HttpUrl.get("https://h.example/x?token=secret-value#f")))
                .isEqualTo("https://h.example/x?token=REDACTED");
    }

    @Test
    void aRequestNotMadeThroughAGeneratedApiIsNamedAfterItsMethodOnly() throws Exception {
        InMemorySpanExporter spans = InMemorySpanExporter.create();
        try (MockWebServer server = new MockWebServer();
             OpenTelemetrySdk sdk = OpenTelemetrySdk.builder().setTracerProvider(SdkTracerProvider.builder()
                     .addSpanProcessor(SimpleSpanProcessor.create(spans)).build()).build()) {
            server.enqueue(new MockResponse().setHeader("Content-Type", "application/json").setBody("{}"));
            server.start();
            OkHttpClient client = ServiceClients.httpClient(ClientOptions.builder().openTelemetry(sdk).build(), AUTH,
                    new HuaweiErrorDecoder(), Origin.of(server.url("/")));
            try (Response response = client.newCall(new Request.Builder().url(server.url("/v1/p1/notebooks?limit=5")).build()).execute()) {
                assertThat(response.code()).isEqualTo(200);
            }
            SpanData span = spans.getFinishedSpanItems().get(0);
            assertThat(span.getName()).isEqualTo("GET");
            assertThat(span.getAttributes().get(OperationTelemetry.OPERATION)).isNull();
            assertThat(span.getAttributes().get(OperationTelemetry.URL_TEMPLATE)).isNull();
            assertThat(span.getAttributes().get(OperationTelemetry.URL_FULL))
                    .isEqualTo("http://" + server.getHostName() + ":" + server.getPort() + "/v1/p1/notebooks?limit=REDACTED");
        }
    }
}
