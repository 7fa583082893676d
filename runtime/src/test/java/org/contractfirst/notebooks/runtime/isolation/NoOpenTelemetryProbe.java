package org.contractfirst.notebooks.runtime.isolation;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.contractfirst.notebooks.runtime.ApiException;
import org.contractfirst.notebooks.runtime.ClientOptions;
import org.contractfirst.notebooks.runtime.HuaweiClientBuilder;
import org.contractfirst.notebooks.runtime.LineLogger;
import org.contractfirst.notebooks.runtime.RetryPolicy;
import retrofit2.Call;
import retrofit2.http.GET;
import retrofit2.http.Path;
import retrofit2.http.Query;

import java.io.IOException;
import java.util.concurrent.Callable;

/**
 * Run by {@code NoOpenTelemetryClasspathTest} in a class loader that has no OpenTelemetry jar: builds a client
 * the way the service clients do (HuaweiClientBuilder) and makes one successful and one failing call.
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

    /** A service client builder as the generated clients write theirs. */
    static final class ProbeBuilder extends HuaweiClientBuilder<ProbeBuilder> {
        ProbeBuilder() {
            super("probe");
        }

        Notebooks build() {
            return retrofit("Probe", new ObjectMapper()).create(Notebooks.class);
        }
    }

    @Override
    public String call() throws IOException {
        Notebooks api = new ProbeBuilder().baseUrl(baseUrl).token("fake-probe-token")
                .options(ClientOptions.builder().retryPolicy(RetryPolicy.none())
                        .httpLog(ClientOptions.HttpLog.BASIC, LineLogger.of(line -> { })).build())
                .build();
        JsonNode ok = api.listNotebooks("p1", 10).execute().body();
        try {
            api.listNotebooks("p1", 10).execute();
            return "second call did not fail";
        } catch (ApiException e) {
            return ok.get("count").asInt() + " " + e.httpStatus() + " " + e.errorCode() + " " + e.requestId();
        }
    }
}
