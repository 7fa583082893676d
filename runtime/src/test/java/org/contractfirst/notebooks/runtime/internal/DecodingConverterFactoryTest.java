package org.contractfirst.notebooks.runtime.internal;

import com.fasterxml.jackson.databind.ObjectMapper;
import okhttp3.MediaType;
import okhttp3.ResponseBody;
import okio.Buffer;
import okio.BufferedSource;
import okio.Okio;
import okio.Source;
import okio.Timeout;
import org.contractfirst.notebooks.runtime.ApiException;
import org.junit.jupiter.api.Test;
import retrofit2.Converter;
import retrofit2.Retrofit;

import java.lang.annotation.Annotation;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** The response converter: decodes, closes the body, and reports an undecodable body with its first 200 bytes. */
class DecodingConverterFactoryTest {

    private static final MediaType JSON = MediaType.get("application/json");

    private static Converter<ResponseBody, Map<?, ?>> converter() {
        Retrofit retrofit = ServiceClients.retrofit("http://127.0.0.1/", SharedHttpClient.get(), new ObjectMapper());
        return retrofit.responseBodyConverter(Map.class, new Annotation[0]);
    }

    @Test
    void decodesAndClosesTheBody() throws Exception {
        Buffer source = new Buffer().writeUtf8("\uFEFF{\"a\":1,\"b\":[true,null]}");
        ResponseBody body = ResponseBody.create(source, JSON, source.size());

        Map<?, ?> decoded = converter().convert(body);
        assertThat(decoded.get("a")).isEqualTo(1);
        assertThat(decoded.get("b")).isEqualTo(java.util.Arrays.asList(true, null));
        assertThat(source.exhausted()).isTrue();
    }

    @Test
    void undecodableBodyIsReportedWithItsFirst200Bytes() {
        String text = "{\"items\":[" + "1,".repeat(300) + "oops]}";

        ApiException e = catchThrowableOfType(ApiException.class,
                () -> converter().convert(ResponseBody.create(text, JSON)));

        assertThat(e.getMessage()).contains("does not decode as java.util.Map").contains("body starts with \"{\"items\":[1,1,");
        assertThat(e.rawBody()).isEqualTo(text.substring(0, 200).getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void aBodyArrivingByteByByteStillGivesTheWholeExcerpt() {
        String text = "[" + "x".repeat(400) + "]"; // fails at the first x, after the parser read one byte at a time
        Buffer whole = new Buffer().writeUtf8(text);
        Source trickle = new Source() {
            @Override
            public long read(Buffer sink, long byteCount) {
                return whole.read(sink, Math.min(1, byteCount));
            }

            @Override
            public Timeout timeout() {
                return Timeout.NONE;
            }

            @Override
            public void close() {
            }
        };
        BufferedSource slow = Okio.buffer(trickle);

        ApiException e = catchThrowableOfType(ApiException.class,
                () -> converter().convert(ResponseBody.create(slow, JSON, -1)));

        assertThat(e.rawBody()).hasSize(200);
        assertThat(new String(e.rawBody(), StandardCharsets.UTF_8)).isEqualTo(text.substring(0, 200));
    }
}
