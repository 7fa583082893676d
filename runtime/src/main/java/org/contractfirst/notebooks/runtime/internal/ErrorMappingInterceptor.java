package org.contractfirst.notebooks.runtime.internal;

import okhttp3.Interceptor;
import okhttp3.MediaType;
import okhttp3.Response;
import okhttp3.ResponseBody;
import okio.Buffer;
import okio.BufferedSource;
import okio.Okio;
import okio.Source;
import okio.Timeout;
import org.contractfirst.notebooks.runtime.ApiException;

import java.io.IOException;

/**
 * The outermost application interceptor: turns every unsuccessful answer into an {@link ApiException}
 * (via the service's {@link ErrorDecoder}), and buffers successful bodies so that a truncated or non-JSON
 * body is reported with its HTTP status and first bytes instead of failing somewhere inside the converter.
 */
public final class ErrorMappingInterceptor implements Interceptor {

    /** Successful bodies up to this size are buffered and checked; larger ones are streamed unchecked. */
    static final long MAX_BUFFERED_BODY = 64L * 1024 * 1024;
    /** Error bodies are read up to this size. */
    static final long MAX_ERROR_BODY = 1024 * 1024;

    private final ErrorDecoder decoder;
    private final long maxBufferedBody;

    public ErrorMappingInterceptor(ErrorDecoder decoder) {
        this(decoder, MAX_BUFFERED_BODY);
    }

    ErrorMappingInterceptor(ErrorDecoder decoder, long maxBufferedBody) {
        this.decoder = decoder;
        this.maxBufferedBody = maxBufferedBody;
    }

    @Override
    public Response intercept(Chain chain) throws IOException {
        Response response = chain.proceed(chain.request());
        ResponseBody body = response.body();
        if (!response.isSuccessful()) {
            Buffer buffer = new Buffer();
            IOException failure = body == null ? null : readInto(body, buffer, MAX_ERROR_BODY);
            response.close();
            throw Exceptions.withRetryAfter(decoder.httpError(response, buffer.readByteArray(), failure),
                    RetryInterceptor.retryAfter(response.header("Retry-After")));
        }
        if (body == null || body.contentLength() == 0 || body.contentLength() > maxBufferedBody) {
            ResponseContext.remember(response);
            return response;
        }
        Buffer buffer = new Buffer();
        IOException failure = readInto(body, buffer, maxBufferedBody);
        if (failure == null && buffer.size() >= maxBufferedBody && !body.source().exhausted()) {
            ResponseContext.remember(response); // too large to check: streamed on, the buffered head first
            return response.newBuilder().body(ResponseBody.create(
                    Okio.buffer(new HeadThenRest(buffer, body.source())), body.contentType(), -1)).build();
        }
        response.close();
        if (failure != null) {
            byte[] partial = buffer.readByteArray();
            throw Exceptions.api("response body truncated: " + failure.getMessage() + "; received "
                    + Exceptions.excerpt(partial), response.code(), null, null, response.header("X-Request-Id"),
                    partial, response.request().method(), response.request().url().encodedPath(), failure);
        }
        if (buffer.size() > 0 && !looksLikeJson(body.contentType(), buffer)) {
            byte[] bytes = buffer.readByteArray();
            throw Exceptions.api("expected a JSON body, got " + body.contentType() + " " + Exceptions.excerpt(bytes),
                    response.code(), null, null, response.header("X-Request-Id"), bytes,
                    response.request().method(), response.request().url().encodedPath(), null);
        }
        if (decoder.inspectsSuccessBodies()) {
            ApiException envelopeError = decoder.successError(response, buffer.snapshot().toByteArray());
            if (envelopeError != null) {
                throw envelopeError;
            }
        }
        ResponseContext.remember(response);
        return response.newBuilder().body(ResponseBody.create(buffer, body.contentType(), buffer.size())).build();
    }

    /** A buffered head followed by the rest of the original body. */
    private record HeadThenRest(Buffer head, BufferedSource rest) implements Source {
        @Override
        public long read(Buffer sink, long byteCount) throws IOException {
            return head.size() > 0 ? head.read(sink, Math.min(byteCount, head.size())) : rest.read(sink, byteCount);
        }

        @Override
        public Timeout timeout() {
            return rest.timeout();
        }

        @Override
        public void close() throws IOException {
            head.clear();
            rest.close();
        }
    }

    /** Reads up to {@code limit} bytes; returns the failure instead of throwing, keeping what was read. */
    private static IOException readInto(ResponseBody body, Buffer buffer, long limit) {
        try {
            BufferedSource source = body.source();
            while (buffer.size() < limit && source.read(buffer, Math.min(8192, limit - buffer.size())) != -1) {
                // keep reading
            }
            return null;
        } catch (IOException e) {
            return e;
        }
    }

    /** A JSON media type, or none, and a first non-blank byte that can start a JSON value. */
    private static boolean looksLikeJson(MediaType type, Buffer buffer) {
        if (type != null && !type.subtype().contains("json") && !"text".equals(type.type())) {
            return false;
        }
        for (long i = 0; i < Math.min(buffer.size(), 1024); i++) {
            byte b = buffer.getByte(i);
            if (b == ' ' || b == '\n' || b == '\r' || b == '\t' || b == (byte) 0xEF || b == (byte) 0xBB || b == (byte) 0xBF) {
                continue; // whitespace and a UTF-8 byte order mark
            }
            return b == '{' || b == '[' || b == '"' || b == '-' || (b >= '0' && b <= '9') || b == 't' || b == 'f' || b == 'n';
        }
        return true;
    }
}
