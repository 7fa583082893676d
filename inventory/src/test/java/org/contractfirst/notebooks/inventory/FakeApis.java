package org.contractfirst.notebooks.inventory;

import okhttp3.HttpUrl;
import okhttp3.mockwebserver.Dispatcher;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.RecordedRequest;
import org.contractfirst.notebooks.eihealth.EihealthClient;
import org.contractfirst.notebooks.modelarts.ModelArtsClient;
import org.contractfirst.notebooks.runtime.ClientOptions;
import org.contractfirst.notebooks.runtime.RetryPolicy;
import org.contractfirst.notebooks.scnet.ScnetClient;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

/** MockWebServer answers shaped like the four APIs: offset/limit pages of {@code total} generated instances. */
final class FakeApis {

    static final ClientOptions NO_RETRY = ClientOptions.builder().retryPolicy(RetryPolicy.none()).build();

    private FakeApis() {
    }

    static ModelArtsClient modelArts(String url) {
        return ModelArtsClient.builder().baseUrl(url).token("test-token").options(NO_RETRY).build();
    }

    static EihealthClient eihealth(String url) {
        return EihealthClient.builder().baseUrl(url).token("test-token").options(NO_RETRY).build();
    }

    static ScnetClient scnet(String url) {
        return ScnetClient.builder().baseUrl(url).token("test-token").options(NO_RETRY).build();
    }

    /** A dispatcher answering every request after {@code delayMillis} with {@code answer(request)}. */
    static Dispatcher delayed(long delayMillis, Function<RecordedRequest, MockResponse> answer) {
        return new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) {
                return answer.apply(request).setHeadersDelay(delayMillis, TimeUnit.MILLISECONDS);
            }
        };
    }

    static MockResponse json(String body) {
        return new MockResponse().setHeader("Content-Type", "application/json").setBody(body);
    }

    static int offset(RecordedRequest r) {
        HttpUrl url = r.getRequestUrl();
        return url.queryParameter("offset") == null ? 0 : Integer.parseInt(url.queryParameter("offset"));
    }

    static int limit(RecordedRequest r) {
        HttpUrl url = r.getRequestUrl();
        return url.queryParameter("limit") == null ? 100 : Integer.parseInt(url.queryParameter("limit"));
    }

    /** ModelArts new: {@code total} notebooks nb-0..nb-(total-1), RUNNING, created at 1638841805440 + i. */
    static MockResponse modelArtsPage(RecordedRequest r, int total) {
        int from = offset(r), to = Math.min(total, from + limit(r));
        StringBuilder sb = new StringBuilder("{\"current\":0,\"data\":[");
        for (int i = from; i < to; i++) {
            if (i > from) {
                sb.append(',');
            }
            sb.append("{\"id\":\"nb-").append(i).append("\",\"name\":\"notebook-").append(i)
                    .append("\",\"status\":\"RUNNING\",\"flavor\":\"modelarts.vm.cpu.2u\",\"create_at\":")
                    .append(1638841805440L + i).append(",\"update_at\":1638841805440")
                    .append(",\"image\":{\"name\":\"notebook2.0-mul-kernel-cpu-cp36\",\"tag\":\"3.3.2\"}")
                    .append(",\"url\":\"https://notebook.example.com/").append(i).append("\"}");
        }
        return json(sb.append("],\"pages\":1,\"size\":").append(to - from).append(",\"total\":").append(total)
                .append('}').toString());
    }

    /** ModelArts old: {@code total} instances DE-0.., STOPPED, with flavor params. */
    static MockResponse devEnvPage(RecordedRequest r, int total) {
        int from = offset(r), to = Math.min(total, from + limit(r));
        StringBuilder sb = new StringBuilder("{\"instances\":[");
        for (int i = from; i < to; i++) {
            if (i > from) {
                sb.append(',');
            }
            sb.append("{\"id\":\"DE-").append(i).append("\",\"name\":\"dev-").append(i)
                    .append("\",\"status\":\"STOPPED\",\"creation_timestamp\":\"1594887749962\",")
                    .append("\"flavor\":\"modelarts.vm.cpu.2u\",\"flavor_details\":{\"params\":{\"CPU\":2,\"GPU\":0,\"memory\":\"8GiB\"}},")
                    .append("\"user\":{\"name\":\"ops_dev_env\"}}");
        }
        return json(sb.append("],\"total_count\":").append(total).append('}').toString());
    }

    /** EIHealth: {@code total} notebooks eih-0.., Running. */
    static MockResponse eihealthPage(RecordedRequest r, int total) {
        int from = offset(r), to = Math.min(total, from + limit(r));
        StringBuilder sb = new StringBuilder("{\"count\":").append(total).append(",\"notebooks\":[");
        for (int i = from; i < to; i++) {
            if (i > from) {
                sb.append(',');
            }
            sb.append("{\"id\":\"eih-").append(i).append("\",\"name\":\"eih-notebook-").append(i)
                    .append("\",\"status\":\"Running\",\"creator\":\"alice\",\"flavor\":{\"cpu\":1,\"gpu\":0.5,\"memory\":4},")
                    .append("\"create_time\":\"2020-09-10T10:07:17Z\",\"update_time\":\"2020-09-10T10:08:17Z\"}");
        }
        return json(sb.append("]}").toString());
    }

    /** SCNet detail of the instance in the path, Running. */
    static MockResponse scnetDetail(RecordedRequest r) {
        String id = r.getRequestUrl().pathSegments().get(4);
        return json("{\"code\":\"0\",\"msg\":\"SUCCESS\",\"data\":{\"id\":\"" + id + "\",\"instanceServiceName\":\"svc-" + id
                + "\",\"status\":\"Running\",\"cpuNumber\":4,\"gpuNumber\":0,\"ramSize\":8192,"
                + "\"createTime\":\"2023-11-23 01:01:00\",\"startTime\":\"2023-11-23 01:02:00\",\"userName\":\"magic2\"}}");
    }

    static MockResponse huaweiError(int status, String code, String message, String requestId) {
        return json("{\"error_code\":\"" + code + "\",\"error_msg\":\"" + message + "\"}").setResponseCode(status)
                .setHeader("X-Request-Id", requestId);
    }

    static Map<String, Duration> none() {
        return Map.of();
    }
}
