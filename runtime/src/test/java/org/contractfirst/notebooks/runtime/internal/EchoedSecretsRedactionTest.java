package org.contractfirst.notebooks.runtime.internal;

import okhttp3.MediaType;
import okhttp3.Protocol;
import okhttp3.Request;
import okhttp3.Response;
import okhttp3.ResponseBody;
import okio.Buffer;
import okio.ByteString;
import okio.ForwardingSource;
import okio.Okio;
import okio.Source;
import org.contractfirst.notebooks.runtime.ApiException;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.ProtocolException;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

/** {@link OriginBoundAuth#withoutEchoedSecrets}: what is searched, what is replaced, and what is left unread. */
class EchoedSecretsRedactionTest {

    private static final String TOKEN = "MIIZ-fake-token-redaction-77aa";
    private static final MediaType JSON = MediaType.get("application/json");
    private static final Request SENT = new Request.Builder().url("https://modelarts.example.com/v1/p/notebooks")
            .header("X-Auth-Token", TOKEN).build();
    private final AtomicLong read = new AtomicLong();

    @Test
    void theSentValuesAreTheSecretHeadersAndTheAccessKeyAndSignatureOfAnAuthorizationLongestFirst() {
        String authorization = "SDK-HMAC-SHA256 Access=AKIDFAKE00000000, SignedHeaders=host;x-sdk-date, Signature=0123456789abcdef";
        Request sent = new Request.Builder().url("https://modelarts.example.com/")
                .header("Authorization", authorization).header("X-Security-Token", "fake/security+token")
                .header("token", "short").header("X-Sdk-Date", "20260101T000000Z").build();

        assertThat(OriginBoundAuth.sentSecrets(sent)).extracting(ByteString::utf8).containsExactly(authorization,
                "fake\\/security+token", "fake/security+token", "AKIDFAKE00000000", "0123456789abcdef");
    }

    @Test
    void anErrorBodyEchoingTheTokenIsRedactedEverywhereWithTheSameMediaTypeAndLength() throws IOException {
        String body = "{\"error_msg\":\"token " + TOKEN + " expired\",\"echo\":\"" + TOKEN + "\",\"escaped\":\"a\\/b\"}";
        Response response = OriginBoundAuth.withoutEchoedSecrets(response(401, body, true), secrets());

        String expected = "{\"error_msg\":\"token [REDACTED] expired\",\"echo\":\"[REDACTED]\",\"escaped\":\"a\\/b\"}";
        assertThat(response.body().contentType()).isEqualTo(JSON);
        assertThat(response.body().contentLength()).isEqualTo(expected.length());
        assertThat(response.header("Content-Length")).isEqualTo(String.valueOf(expected.length()));
        assertThat(response.body().string()).isEqualTo(expected);
    }

    @Test
    void aSlashInTheValueIsAlsoFoundAsJsonEscapesIt() throws IOException {
        Request sent = new Request.Builder().url("https://h.example/").header("token", "abc/def+ghi==").build();
        Response response = OriginBoundAuth.withoutEchoedSecrets(response(403, "{\"msg\":\"abc\\/def+ghi== abc/def+ghi==\"}", true),
                OriginBoundAuth.sentSecrets(sent));

        assertThat(response.body().string()).isEqualTo("{\"msg\":\"[REDACTED] [REDACTED]\"}");
    }

    @Test
    void aBodyWithoutTheValueIsHandedOnAsItCameAndStillReadable() throws IOException {
        Response original = response(404, "{\"error_code\":\"ModelArts.6404\",\"error_msg\":\"Notebook not found\"}", true);
        Response response = OriginBoundAuth.withoutEchoedSecrets(original, secrets());

        assertThat(response).isSameAs(original);
        assertThat(response.body().string()).isEqualTo("{\"error_code\":\"ModelArts.6404\",\"error_msg\":\"Notebook not found\"}");
    }

    @Test
    void a2xxPageOfUnknownLengthOrLargerThan64KiBIsNotReadAtAll() throws IOException {
        String big = "{\"token\":\"" + TOKEN + "\",\"pad\":\"" + "x".repeat(70_000) + "\"}";
        for (boolean lengthKnown : new boolean[] {true, false}) {
            read.set(0);
            Response original = response(200, big, lengthKnown);
            assertThat(OriginBoundAuth.withoutEchoedSecrets(original, secrets())).isSameAs(original);
            assertThat(read.get()).as("bytes read, length known: %s", lengthKnown).isZero();
        }
        read.set(0);
        Response small = response(200, "{\"total\":7}", true);
        assertThat(OriginBoundAuth.withoutEchoedSecrets(small, secrets())).isSameAs(small);
        assertThat(small.body().string()).isEqualTo("{\"total\":7}");
    }

    @Test
    void aSmall2xxBodyEchoingTheTokenIsRedacted() throws IOException {
        Response response = OriginBoundAuth.withoutEchoedSecrets(
                response(200, "{\"code\":\"10004\",\"msg\":\"token " + TOKEN + " is invalid\"}", true), secrets());

        assertThat(response.body().string()).isEqualTo("{\"code\":\"10004\",\"msg\":\"token [REDACTED] is invalid\"}");
    }

    @Test
    void anErrorBodyLargerThanTheCapThatEchoesTheTokenFailsWithoutTheValue() {
        String huge = "x".repeat((int) OriginBoundAuth.MAX_SEARCHED_BODY) + TOKEN + "y".repeat(100);
        Throwable thrown = catchThrowable(() -> OriginBoundAuth.withoutEchoedSecrets(response(502, huge, false), secrets()));

        assertThat(thrown).isInstanceOf(ApiException.class).hasMessage("GET /v1/p/notebooks: HTTP 502 (the response body "
                + "echoes a credential of the request and is larger than 1048576 bytes; not read)");
        assertThat(((ApiException) thrown).httpStatus()).isEqualTo(502);
        assertThat(((ApiException) thrown).rawBody()).isEmpty();
        assertThat(read.get()).isLessThanOrEqualTo(OriginBoundAuth.MAX_SEARCHED_BODY + TOKEN.length() + 8192);
    }

    @Test
    void aLargeErrorBodyWithoutTheValueIsHandedOnWhole() throws IOException {
        String huge = "x".repeat((int) OriginBoundAuth.MAX_SEARCHED_BODY + 5000);
        Response original = response(503, huge, false);

        assertThat(OriginBoundAuth.withoutEchoedSecrets(original, secrets())).isSameAs(original);
        assertThat(original.body().string()).isEqualTo(huge);
    }

    @Test
    void aTruncatedErrorBodyIsRedactedAndThenFailsAsTheOriginalDid() throws IOException {
        ProtocolException cut = new ProtocolException("unexpected end of stream");
        Buffer head = new Buffer().writeUtf8("{\"error_msg\":\"token " + TOKEN + " exp");
        Source failing = new ForwardingSource(head) {
            @Override
            public long read(Buffer sink, long byteCount) throws IOException {
                long n = super.read(sink, byteCount);
                if (n == -1) {
                    throw cut;
                }
                return n;
            }
        };
        Response original = new Response.Builder().request(SENT).protocol(Protocol.HTTP_1_1).code(401).message("Unauthorized")
                .body(ResponseBody.create(Okio.buffer(failing), JSON, 200)).build();

        Response response = OriginBoundAuth.withoutEchoedSecrets(original, secrets());

        Buffer got = new Buffer();
        Throwable thrown = catchThrowable(() -> {
            while (response.body().source().read(got, 8192) != -1) {
                // read until the failure
            }
        });
        assertThat(thrown).isSameAs(cut);
        assertThat(got.readUtf8()).isEqualTo("{\"error_msg\":\"token [REDACTED] exp");
    }

    private List<ByteString> secrets() {
        return OriginBoundAuth.sentSecrets(SENT);
    }

    /** A response whose body counts the bytes read from it into {@link #read}. */
    private Response response(int code, String body, boolean lengthKnown) {
        Source counting = new ForwardingSource(new Buffer().writeUtf8(body)) {
            @Override
            public long read(Buffer sink, long byteCount) throws IOException {
                long n = super.read(sink, byteCount);
                if (n > 0) {
                    read.addAndGet(n);
                }
                return n;
            }
        };
        long length = lengthKnown ? body.length() : -1;
        Response.Builder builder = new Response.Builder().request(SENT).protocol(Protocol.HTTP_1_1).code(code).message("x")
                .body(ResponseBody.create(Okio.buffer(counting), JSON, length));
        if (lengthKnown) {
            builder.header("Content-Length", String.valueOf(length));
        }
        return builder.build();
    }
}
