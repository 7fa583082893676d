package org.contractfirst.notebooks.runtime.isolation;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import org.contractfirst.notebooks.runtime.ApiException;
import org.contractfirst.notebooks.runtime.ClientOptions;
import org.contractfirst.notebooks.runtime.HuaweiErrorDecoder;
import org.contractfirst.notebooks.runtime.Origin;
import org.contractfirst.notebooks.runtime.RetryPolicy;
import org.contractfirst.notebooks.runtime.ServiceClients;
import retrofit2.Call;
import retrofit2.http.GET;
import retrofit2.http.Path;
import retrofit2.http.Query;

import java.io.IOException;
import java.util.concurrent.Callable;

/**
 * Run by {@code NoOpenTelemetryClasspathTest} in a class loader that has no OpenTelemetry jar: builds a client the
 * way the service clients do (every option but telemetry set) and makes one successful and one failing call.
 */
public final class NoOpenTelemetryProbe implements Callable<String> {

    interface Notebooks {
        @GET("v1/{project_id}/notebooks")
        Call<JsonNode> listNotebooks(@Path("project_id") String projectId, @Query("limit") Integer limit);
    }

    private final String baseUrl;

    public NoOpenTelemetryProbe(String baseUrl) {
        this.baseUrl = baseUrl;
    }

    @Override
    public String call() throws IOException {
        ClientOptions options = ClientOptions.defaults().withRetryPolicy(RetryPolicy.none())
                .withHttpLog(ClientOptions.HttpLog.BASIC, line -> { });
        OkHttpClient http = ServiceClients.httpClient(options, chain -> chain.proceed(chain.request().newBuilder()
                .header("X-Auth-Token", "fake-probe-token").build()), new HuaweiErrorDecoder(), Origin.of(HttpUrl.get(baseUrl)));
        Notebooks api = ServiceClients.retrofit(baseUrl, http, new ObjectMapper()).create(Notebooks.class);
        JsonNode ok = api.listNotebooks("p1", 10).execute().body();
        try {
            api.listNotebooks("p1", 10).execute();
            return "second call did not fail";
        } catch (ApiException e) {
            return ok.get("count").asInt() + " " + e.httpStatus() + " " + e.errorCode() + " " + e.requestId();
        }
    }
}
