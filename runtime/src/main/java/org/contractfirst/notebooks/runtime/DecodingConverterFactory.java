package org.contractfirst.notebooks.runtime;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import okhttp3.RequestBody;
import okhttp3.ResponseBody;
import retrofit2.Converter;
import retrofit2.Retrofit;
import retrofit2.converter.jackson.JacksonConverterFactory;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.lang.annotation.Annotation;
import java.lang.reflect.Type;
import java.util.Arrays;

/**
 * Jackson with the generated client's own {@code ObjectMapper}, streaming each body into the target type as
 * Retrofit's Jackson converter does; decoding failures become an {@link ApiException} naming the target type,
 * the HTTP status and the body's first bytes. Those bytes are kept as the parser reads them, so the happy path
 * pays nothing for the error message (no peek of every body). Request bodies are Retrofit's Jackson converter.
 */
public final class DecodingConverterFactory extends Converter.Factory {

    private final ObjectMapper mapper;
    private final JacksonConverterFactory jackson;

    private DecodingConverterFactory(ObjectMapper mapper) {
        this.mapper = mapper;
        this.jackson = JacksonConverterFactory.create(mapper);
    }

    public static DecodingConverterFactory create(ObjectMapper mapper) {
        return new DecodingConverterFactory(mapper);
    }

    @Override
    public Converter<ResponseBody, ?> responseBodyConverter(Type type, Annotation[] annotations, Retrofit retrofit) {
        // The stream stays open after a failure so that the error message can read the rest of its first bytes.
        ObjectReader reader = mapper.readerFor(mapper.getTypeFactory().constructType(type))
                .without(JsonParser.Feature.AUTO_CLOSE_SOURCE);
        return body -> {
            try (body; HeadKeepingStream in = new HeadKeepingStream(body.byteStream())) {
                try {
                    return reader.readValue(in);
                } catch (JsonProcessingException e) {
                    byte[] head = in.head();
                    ResponseContext r = ResponseContext.current();
                    throw new ApiException("body does not decode as " + type.getTypeName() + ": " + e.getOriginalMessage()
                            + "; body starts with " + ApiException.excerpt(head),
                            r.status(), null, null, r.requestId(), head, r.method(), r.path(), e);
                }
            }
        };
    }

    @Override
    public Converter<?, RequestBody> requestBodyConverter(Type type, Annotation[] parameterAnnotations,
                                                          Annotation[] methodAnnotations, Retrofit retrofit) {
        return jackson.requestBodyConverter(type, parameterAnnotations, methodAnnotations, retrofit);
    }

    /** Passes the body through, keeping a copy of its first {@link ApiException#BODY_EXCERPT} bytes. */
    private static final class HeadKeepingStream extends FilterInputStream {

        private final byte[] head = new byte[ApiException.BODY_EXCERPT];
        private int headLength;

        HeadKeepingStream(InputStream in) {
            super(in);
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0 && headLength < head.length) {
                head[headLength++] = (byte) b;
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = super.read(buffer, offset, length);
            if (n > 0 && headLength < head.length) {
                int keep = Math.min(n, head.length - headLength);
                System.arraycopy(buffer, offset, head, headLength, keep);
                headLength += keep;
            }
            return n;
        }

        @Override
        public long skip(long n) throws IOException {
            if (headLength == head.length || n <= 0) {
                return super.skip(n);
            }
            byte[] skipped = new byte[(int) Math.min(n, 8192)];
            int read = read(skipped, 0, skipped.length);
            return Math.max(read, 0);
        }

        /** The first bytes of the body: what the parser read, topped up from the body if it stopped early. */
        byte[] head() {
            try {
                byte[] more = new byte[head.length];
                while (headLength < head.length && read(more, 0, head.length - headLength) > 0) {
                    // read() keeps them
                }
            } catch (IOException ignored) {
                // a truncated body: report what arrived
            }
            return Arrays.copyOf(head, headLength);
        }
    }
}
