package org.contractfirst.notebooks.runtime.internal;

import okhttp3.Headers;
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.RecordedRequest;
import okio.BufferedSink;
import org.contractfirst.notebooks.runtime.auth.AkSkCredentials;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Calls a loopback {@link MockWebServer} through the {@link AkSkSigningInterceptor} and checks what arrives, the way
 * the API Gateway verifies it: the signature is recomputed from the received request, the headers it lists and the
 * received body.
 */
class AkSkSigningInterceptorTest {

    private static final String AK = "AKIDEXAMPLE0000000000";
    private static final String SK = "example-secret-key-not-real";
    private static final String TOKEN = "example-security-token-not-real";
    private static final String PROJECT = "0123456789abcdef0123456789abcdef";
    private static final Instant NOW = Instant.parse("2024-03-15T08:15:30Z");
    private static final MediaType JSON = MediaType.get("application/json; charset=utf-8");
    private static final String OPEN_BODY = "{\"image_id\":\"e1a07296-22a8-4f05-8bc8-e936c8e54090\"}";

    private final MockWebServer server = new MockWebServer();

    @BeforeEach
    void start() throws IOException {
        server.start();
    }

    @AfterEach
    void stop() throws IOException {
        server.close();
    }

    @Test
    void signsTemporaryCredentialsAndSendsTheBodyUnchanged() throws Exception {
        AkSkCredentials credentials = AkSkCredentials.builder(AK, SK).securityToken(TOKEN).projectId(PROJECT).build();
        HttpUrl url = server.url("/v1/" + PROJECT + "/notebooks/open?b=2&a=x y");

        RecordedRequest received = call(credentials, new Request.Builder().url(url)
                .header("X-Request-Id", "req-42")
                .post(RequestBody.create(OPEN_BODY, JSON)).build());

        assertThat(received.getHeader("X-Sdk-Date")).isEqualTo("20240315T081530Z");
        assertThat(received.getHeader("X-Security-Token")).isEqualTo(TOKEN);
        assertThat(received.getHeader("X-Project-Id")).isEqualTo(PROJECT);
        assertThat(received.getHeader("Host")).isEqualTo(url.host() + ":" + url.port());
        assertThat(received.getBody().clone().readUtf8()).isEqualTo(OPEN_BODY);
        assertThat(received.getHeader("Authorization")).startsWith("SDK-HMAC-SHA256 Access=" + AK
                + ", SignedHeaders=host;x-project-id;x-request-id;x-sdk-date;x-security-token, Signature=");
        assertThat(received.getHeader("Authorization")).isEqualTo(expectedAuthorization(credentials, url, received));
    }

    @Test
    void signsAGetWithPermanentCredentials() throws Exception {
        AkSkCredentials credentials = AkSkCredentials.of(AK, SK);
        HttpUrl url = server.url("/v1/" + PROJECT + "/notebooks?limit=10");

        RecordedRequest received = call(credentials, new Request.Builder().url(url).build());

        assertThat(received.getHeader("X-Security-Token")).isNull();
        assertThat(received.getHeader("X-Project-Id")).isNull();
        assertThat(received.getHeader("Authorization"))
                .contains("SignedHeaders=host;x-sdk-date, ")
                .isEqualTo(expectedAuthorization(credentials, url, received));
    }

    @Test
    void readsAOneShotBodyOnce() throws Exception {
        AtomicInteger writes = new AtomicInteger();
        RequestBody oneShot = new RequestBody() {
            @Override
            public MediaType contentType() {
                return JSON;
            }

            @Override
            public boolean isOneShot() {
                return true;
            }

            @Override
            public void writeTo(BufferedSink sink) throws IOException {
                if (writes.incrementAndGet() > 1) {
                    throw new IllegalStateException("one-shot body written twice");
                }
                sink.writeUtf8(OPEN_BODY);
            }
        };
        AkSkCredentials credentials = AkSkCredentials.of(AK, SK);
        HttpUrl url = server.url("/v1/" + PROJECT + "/notebooks/open");

        RecordedRequest received = call(credentials, new Request.Builder().url(url).post(oneShot).build());

        assertThat(writes).hasValue(1);
        assertThat(received.getBody().clone().readUtf8()).isEqualTo(OPEN_BODY);
        assertThat(received.getHeader("Authorization")).isEqualTo(expectedAuthorization(credentials, url, received));
    }

    @Test
    void refusesToHashADuplexBody() {
        RequestBody duplex = new RequestBody() {
            @Override
            public MediaType contentType() {
                return JSON;
            }

            @Override
            public boolean isDuplex() {
                return true;
            }

            @Override
            public void writeTo(BufferedSink sink) {
                throw new AssertionError("a duplex body must not be read by the signer");
            }
        };
        OkHttpClient client = client(AkSkCredentials.builder(AK, SK).securityToken(TOKEN).projectId(PROJECT).build());
        Request request = new Request.Builder().url(server.url("/stream")).post(duplex).build();

        assertThatThrownBy(() -> client.newCall(request).execute())
                .isInstanceOf(IOException.class)
                .hasMessageContaining("duplex")
                .hasMessageNotContaining(SK)
                .hasMessageNotContaining(TOKEN);
        assertThat(server.getRequestCount()).isZero();
    }

    @Test
    void credentialsNeverRevealTheSecretKeyOrToken() {
        AkSkCredentials credentials = AkSkCredentials.builder(AK, SK).securityToken(TOKEN).projectId(PROJECT).build();

        assertThat(credentials.toString())
                .doesNotContain(SK).doesNotContain(TOKEN).doesNotContain(AK)
                .contains("AKID***").contains(PROJECT);
        assertThat(AkSkCredentials.of(AK, SK).toString()).doesNotContain(SK).contains("securityToken=none");
        assertThatThrownBy(() -> AkSkCredentials.builder(" ", SK).securityToken(TOKEN).build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("access key (AK) must not be blank")
                .hasMessageNotContaining(SK).hasMessageNotContaining(TOKEN);
        assertThatThrownBy(() -> AkSkCredentials.builder(AK, "").securityToken(TOKEN).build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("secret key (SK) must not be blank")
                .hasMessageNotContaining(TOKEN);
    }

    private RecordedRequest call(AkSkCredentials credentials, Request request) throws Exception {
        server.enqueue(new MockResponse().setBody("{}"));
        try (Response response = client(credentials).newCall(request).execute()) {
            assertThat(response.code()).isEqualTo(200);
        }
        RecordedRequest received = server.takeRequest(5, TimeUnit.SECONDS);
        assertThat(received).as("request received").isNotNull();
        return received;
    }

    private static OkHttpClient client(AkSkCredentials credentials) {
        return new OkHttpClient.Builder()
                .addInterceptor(new AkSkSigningInterceptor(credentials, Clock.fixed(NOW, ZoneOffset.UTC)))
                .callTimeout(Duration.ofSeconds(10))
                .build();
    }

    /**
     * Recomputes the signature as the gateway does: from the received values of the headers listed in
     * {@code SignedHeaders} (including the {@code Host} OkHttp actually sent) and the received body bytes.
     */
    private static String expectedAuthorization(AkSkCredentials credentials, HttpUrl url, RecordedRequest received) {
        String authorization = received.getHeader("Authorization");
        String signedHeaders = authorization.replaceAll(".*SignedHeaders=([^,]*),.*", "$1");
        Headers.Builder signed = new Headers.Builder();
        for (String name : signedHeaders.split(";")) {
            signed.add(name, received.getHeader(name));
        }
        byte[] body = received.getBodySize() == 0 ? null : received.getBody().clone().readByteArray();
        return new AkSkSigner(credentials).sign(received.getMethod(), url, signed.build(), body, NOW)
                .get("Authorization");
    }
}
