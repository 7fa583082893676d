package org.contractfirst.notebooks.bench;

import org.contractfirst.notebooks.modelarts.api.DevEnvironApi;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import okhttp3.ResponseBody;
import org.contractfirst.notebooks.modelarts.ModelArtsClient;
import org.contractfirst.notebooks.modelarts.model.ListNotebooksResponse;
import org.contractfirst.notebooks.runtime.ClientOptions;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

import java.io.IOException;
import java.util.concurrent.TimeUnit;

/**
 * One whole GET of a 1,000-item ModelArts notebooks page over loopback, against an in-process static server:
 * <ul>
 * <li>{@code generatedClient}: {@code ModelArtsClient.builder().baseUrl(...).token(...).build()} (built once,
 *     in {@code @Setup}: building is not on the per-call path), then
 *     {@code devEnviron().listNotebooks(...).execute().body()} through the whole runtime: error mapping
 *     (which buffers the body), retries, the X-Auth-Token header, the generated converter;</li>
 * <li>{@code handWritten}: the same request with plain OkHttp and a plain {@code ObjectMapper} streaming the
 *     body into the same generated class, on an OkHttpClient with the same connection settings (timeouts,
 *     no silent retries);</li>
 * <li>{@code handWrittenBuffered}: the same, reading the whole body first ({@code ResponseBody.bytes()}) and
 *     decoding the array, which is what the generated client's error mapping does (it buffers every body);</li>
 * <li>{@code generatedClientTelemetry}: {@code generatedClient} with traces and metrics on
 *     ({@code ClientOptions.Builder.openTelemetry}, an SDK that samples every span and exports nowhere:
 *     {@link BenchTelemetry}); {@code generatedClient} is the same call with them off, the default;</li>
 * <li>{@code smallPage} and {@code smallPageTelemetry}: the same pair for a page of {@value #SMALL_PAGE} notebooks
 *     (a second server), where the fixed cost of a call, telemetry included, weighs more;</li>
 * <li>{@code generatedClientBuiltPerCall}: what the builder's advice avoids, a new client for every call. The
 *     connection pool is still shared, but each client has its own Jackson mapper, whose deserializers are
 *     built again on its first decode.</li>
 * </ul>
 */
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 10, time = 1)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
@State(Scope.Benchmark)
public class CallBenchmark {

    static final String PROJECT = "bench-project";
    static final String TOKEN = "bench-token";
    static final int SMALL_PAGE = 10;

    StaticServer server;
    StaticServer smallServer;
    ModelArtsClient smallClient;
    ModelArtsClient smallClientWithTelemetry;
    ModelArtsClient client;
    BenchTelemetry telemetry;
    ModelArtsClient clientWithTelemetry;
    OkHttpClient plainHttp;
    ObjectMapper plainJson;
    Request plainRequest;

    @Setup
    public void setup() throws IOException {
        server = new StaticServer(SeedPages.modelartsNotebooks(SeedPages.ITEMS));
        client = ModelArtsClient.builder().baseUrl(server.baseUrl()).token(TOKEN).build();
        telemetry = new BenchTelemetry();
        clientWithTelemetry = ModelArtsClient.builder().baseUrl(server.baseUrl()).token(TOKEN)
                .options(ClientOptions.builder().openTelemetry(telemetry.sdk).build()).build();
        smallServer = new StaticServer(SeedPages.modelartsNotebooks(SMALL_PAGE));
        smallClient = ModelArtsClient.builder().baseUrl(smallServer.baseUrl()).token(TOKEN).build();
        smallClientWithTelemetry = ModelArtsClient.builder().baseUrl(smallServer.baseUrl()).token(TOKEN)
                .options(ClientOptions.builder().openTelemetry(telemetry.sdk).build()).build();

        ClientOptions settings = ClientOptions.defaults();
        plainHttp = new OkHttpClient.Builder()
                .connectTimeout(settings.connectTimeout())
                .readTimeout(settings.readTimeout())
                .writeTimeout(settings.writeTimeout())
                .callTimeout(settings.callTimeout())
                .retryOnConnectionFailure(false)
                .build();
        plainJson = new ObjectMapper().configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);
        // the URL the generated client sends: GET /v1/bench-project/notebooks?limit=1000&offset=0
        HttpUrl url = HttpUrl.get(server.baseUrl()).newBuilder()
                .addPathSegments("v1").addPathSegment(PROJECT).addPathSegment("notebooks")
                .addQueryParameter("limit", Integer.toString(SeedPages.ITEMS))
                .addQueryParameter("offset", "0")
                .build();
        plainRequest = new Request.Builder().url(url).header("X-Auth-Token", TOKEN).get().build();
    }

    @TearDown
    public void tearDown() {
        server.close();
        smallServer.close();
        telemetry.close();
        plainHttp.connectionPool().evictAll();
    }

    @Benchmark
    public ListNotebooksResponse generatedClient() throws IOException {
        return client.devEnviron().listNotebooks(DevEnvironApi.ListNotebooksRequest.builder(PROJECT).limit(SeedPages.ITEMS).offset(0).build()).execute().body();
    }

    @Benchmark
    public ListNotebooksResponse generatedClientTelemetry() throws IOException {
        return clientWithTelemetry.devEnviron().listNotebooks(DevEnvironApi.ListNotebooksRequest.builder(PROJECT).limit(SeedPages.ITEMS).offset(0).build()).execute().body();
    }

    @Benchmark
    public ListNotebooksResponse smallPage() throws IOException {
        return smallClient.devEnviron().listNotebooks(DevEnvironApi.ListNotebooksRequest.builder(PROJECT).limit(SMALL_PAGE).offset(0).build()).execute().body();
    }

    @Benchmark
    public ListNotebooksResponse smallPageTelemetry() throws IOException {
        return smallClientWithTelemetry.devEnviron().listNotebooks(DevEnvironApi.ListNotebooksRequest.builder(PROJECT).limit(SMALL_PAGE).offset(0).build()).execute().body();
    }

    @Benchmark
    public ListNotebooksResponse generatedClientBuiltPerCall() throws IOException {
        ModelArtsClient perCall = ModelArtsClient.builder().baseUrl(server.baseUrl()).token(TOKEN).build();
        return perCall.devEnviron().listNotebooks(DevEnvironApi.ListNotebooksRequest.builder(PROJECT).limit(SeedPages.ITEMS).offset(0).build()).execute().body();
    }

    @Benchmark
    public ListNotebooksResponse handWrittenBuffered() throws IOException {
        try (Response response = plainHttp.newCall(plainRequest).execute()) {
            ResponseBody body = response.body();
            if (!response.isSuccessful() || body == null) {
                throw new IOException("HTTP " + response.code());
            }
            return plainJson.readValue(body.bytes(), ListNotebooksResponse.class);
        }
    }

    @Benchmark
    public ListNotebooksResponse handWritten() throws IOException {
        try (Response response = plainHttp.newCall(plainRequest).execute()) {
            ResponseBody body = response.body();
            if (!response.isSuccessful() || body == null) {
                throw new IOException("HTTP " + response.code());
            }
            return plainJson.readValue(body.byteStream(), ListNotebooksResponse.class);
        }
    }
}
