package org.contractfirst.notebooks.runtime.internal;

import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okio.Buffer;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ErrorMappingInterceptorTest {

    @Test
    void bodyLargerThanTheBufferLimitIsStreamedWhole() throws Exception {
        String json = "{\"data\":[" + "\"x\",".repeat(5000) + "\"end\"]}";
        try (MockWebServer server = new MockWebServer()) {
            // chunked, so that the size is only known by reading
            server.enqueue(new MockResponse().setHeader("Content-Type", "application/json").setChunkedBody(new Buffer().writeUtf8(json), 512));
            server.start();
            OkHttpClient client = new OkHttpClient.Builder()
                    .addInterceptor(new ErrorMappingInterceptor(new HuaweiErrorDecoder(), 1024)).build();

            try (Response response = client.newCall(new Request.Builder().url(server.url("/")).build()).execute()) {
                assertThat(response.body().string()).isEqualTo(json);
            }
        }
    }

    @Test
    void bodyWithinTheLimitIsBufferedWithItsLength() throws Exception {
        try (MockWebServer server = new MockWebServer()) {
            server.enqueue(new MockResponse().setHeader("Content-Type", "application/json").setChunkedBody("{\"a\":1}", 3));
            server.start();
            OkHttpClient client = new OkHttpClient.Builder()
                    .addInterceptor(new ErrorMappingInterceptor(new HuaweiErrorDecoder(), 1024)).build();

            try (Response response = client.newCall(new Request.Builder().url(server.url("/")).build()).execute()) {
                assertThat(response.body().contentLength()).isEqualTo(7);
                assertThat(response.body().string()).isEqualTo("{\"a\":1}");
            }
        }
    }
}
