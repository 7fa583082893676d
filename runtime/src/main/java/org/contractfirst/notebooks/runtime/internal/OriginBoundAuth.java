package org.contractfirst.notebooks.runtime.internal;

import okhttp3.Interceptor;
import okhttp3.Request;
import okhttp3.Response;
import okhttp3.ResponseBody;
import okio.Buffer;
import okio.BufferedSource;
import okio.ByteString;
import okio.Okio;
import okio.Source;
import okio.Timeout;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Applies an authentication interceptor to requests for the client's own {@link Origin} only. A request for any
 * other origin (an interceptor of the caller's base client that rewrote the URL, a redirect the caller follows
 * by hand with the same client) is sent without the authentication and with every header of
 * {@link ServiceClients#SECRET_HEADERS} removed. The response handed back carries requests without those headers
 * ({@link #withoutSecrets}).
 *
 * <p>A server or gateway that echoes the credentials it received (a 401 whose message quotes the token, an HTML
 * 502 page dumping the request headers, an SCNet HTTP 200 error envelope) would put them into the exception the
 * caller gets. So the body of an answer that is not 2xx, or of a 2xx answer known to be small, is searched for the
 * credential values this request carried; when it holds one, the caller gets a body where each occurrence reads
 * {@value #REDACTED} ({@link #withoutEchoedSecrets}). Other 2xx bodies (the hot path) are not touched.
 */
public final class OriginBoundAuth implements Interceptor {

    private final Origin origin;
    private final Interceptor auth;

    public OriginBoundAuth(Origin origin, Interceptor auth) {
        this.origin = origin;
        this.auth = auth;
    }

    @Override
    public Response intercept(Chain chain) throws IOException {
        Request request = chain.request();
        if (origin.matches(request.url())) {
            Response response = auth.intercept(chain);
            return withoutSecrets(withoutEchoedSecrets(response, sentSecrets(response.request())));
        }
        Request.Builder stripped = request.newBuilder();
        ServiceClients.SECRET_HEADERS.forEach(stripped::removeHeader);
        return withoutSecrets(chain.proceed(stripped.build()));
    }

    /**
     * The response as the caller gets it: its request, and those of its network, cache and prior responses, without
     * the headers of {@link ServiceClients#SECRET_HEADERS}, so that {@code response.raw().request()} shows no
     * credential: OkHttp 4.12's {@code Request.toString()} prints every header value, and {@code Headers.toString()}
     * hides {@code Authorization}, {@code Proxy-Authorization} and cookies only.
     */
    static Response withoutSecrets(Response response) {
        if (response == null) {
            return null;
        }
        Response.Builder scrubbed = response.newBuilder().request(withoutSecrets(response.request()));
        if (response.networkResponse() != null) {
            scrubbed.networkResponse(withoutSecrets(response.networkResponse()));
        }
        if (response.cacheResponse() != null) {
            scrubbed.cacheResponse(withoutSecrets(response.cacheResponse()));
        }
        if (response.priorResponse() != null) {
            scrubbed.priorResponse(withoutSecrets(response.priorResponse()));
        }
        return scrubbed.build();
    }

    private static Request withoutSecrets(Request request) {
        boolean secret = false;
        for (String name : ServiceClients.SECRET_HEADERS) {
            secret |= request.header(name) != null;
        }
        if (!secret) {
            return request;
        }
        Request.Builder stripped = request.newBuilder();
        ServiceClients.SECRET_HEADERS.forEach(stripped::removeHeader);
        return stripped.build();
    }

    /** What replaces each echoed credential value. */
    static final String REDACTED = "[REDACTED]";
    /** A 2xx body is searched only when its length is known and at most this (SCNet's error envelopes are HTTP 200). */
    static final long SMALL_SUCCESS_BODY = 64 * 1024;
    /** An error body is searched up to this size: what {@link ErrorMappingInterceptor} reads of it anyway. */
    static final long MAX_SEARCHED_BODY = ErrorMappingInterceptor.MAX_ERROR_BODY;
    /** Shorter values are not searched for, so that no common word is replaced. */
    static final int MIN_SECRET_LENGTH = 8;
    private static final Pattern AUTHORIZATION_PART = Pattern.compile("(?:Access|Signature)=([^,\\s]+)");

    /**
     * The credential values {@code sent} carried: the values of {@link ServiceClients#SECRET_HEADERS} and, for an
     * {@code Authorization} header, its {@code Access=} and {@code Signature=} parts; each also as JSON writes it
     * with {@code /} escaped; longest first, none shorter than {@value #MIN_SECRET_LENGTH} characters.
     */
    static List<ByteString> sentSecrets(Request sent) {
        List<String> values = new ArrayList<>(4);
        for (String name : ServiceClients.SECRET_HEADERS) {
            for (String value : sent.headers(name)) {
                values.add(value);
                if (name.equals("Authorization")) {
                    Matcher part = AUTHORIZATION_PART.matcher(value);
                    while (part.find()) {
                        values.add(part.group(1));
                    }
                }
            }
        }
        List<ByteString> secrets = new ArrayList<>(values.size());
        for (String value : values) {
            String trimmed = value.trim();
            if (trimmed.length() >= MIN_SECRET_LENGTH) {
                addOnce(secrets, ByteString.encodeUtf8(trimmed));
                if (trimmed.indexOf('/') >= 0) {
                    addOnce(secrets, ByteString.encodeUtf8(trimmed.replace("/", "\\/")));
                }
            }
        }
        secrets.sort(Comparator.comparingInt(ByteString::size).reversed());
        return secrets;
    }

    private static void addOnce(List<ByteString> list, ByteString value) {
        if (!list.contains(value)) {
            list.add(value);
        }
    }

    /**
     * {@code response}, or when its body echoes one of {@code secrets}, the same response with a body where each
     * occurrence is {@value #REDACTED} (same media type). Searched: a non-2xx body (up to
     * {@value #MAX_SEARCHED_BODY} bytes) and a 2xx body whose length (or, unzipped by OkHttp, whose length on the
     * wire) is known and at most {@value #SMALL_SUCCESS_BODY} bytes; any other body is neither read nor buffered
     * here. A searched body that echoes a secret and is larger than {@value #MAX_SEARCHED_BODY} bytes is not handed
     * on: the call fails with an {@link ApiException} (not retried) that names the status, not the value.
     */
    static Response withoutEchoedSecrets(Response response, List<ByteString> secrets) throws IOException {
        ResponseBody body = response.body();
        if (secrets.isEmpty() || body == null) {
            return response;
        }
        long length = body.contentLength();
        if (length == 0 || response.code() == 101 || response.isSuccessful() && !knownSmall(response, length)) {
            return response;
        }
        // Enough to tell whether the body is larger than the cap, and to see a value that straddles it.
        long window = MAX_SEARCHED_BODY + secrets.get(0).size();
        BufferedSource source = body.source();
        IOException failure = null;
        try {
            source.peek().request(window);
        } catch (IOException e) {
            failure = e; // a truncated body: what arrived is searched, then the caller sees the same failure
        }
        Buffer head = source.getBuffer();
        if (!contains(head, secrets)) {
            return failure == null ? response : replay(response, head.clone(), failure);
        }
        if (failure == null && head.size() > MAX_SEARCHED_BODY) {
            response.close();
            throw Exceptions.api("the response body echoes a credential of the request and is larger than "
                    + MAX_SEARCHED_BODY + " bytes; not read", response.code(), null, null, response.header("X-Request-Id"),
                    null, response.request().method(), response.request().url().encodedPath(), null);
        }
        Buffer redacted = redact(head.clone(), secrets);
        return replay(response, redacted, failure);
    }

    /**
     * A body of at most {@value #SMALL_SUCCESS_BODY} bytes: by its length, or when OkHttp unzipped it (which hides
     * the length), by the {@code Content-Length} it had on the wire.
     */
    private static boolean knownSmall(Response response, long length) {
        if (length >= 0) {
            return length <= SMALL_SUCCESS_BODY;
        }
        Response network = response.networkResponse();
        String wire = network == null || network.header("Content-Encoding") == null ? null : network.header("Content-Length");
        try {
            return wire != null && Long.parseLong(wire.trim()) <= SMALL_SUCCESS_BODY;
        } catch (NumberFormatException e) {
            return false;
        }
    }

    private static boolean contains(Buffer buffer, List<ByteString> secrets) throws IOException {
        for (ByteString secret : secrets) {
            if (buffer.indexOf(secret) >= 0) {
                return true;
            }
        }
        return false;
    }

    /** {@code in} (consumed) with every occurrence of every secret replaced, the longest first. */
    static Buffer redact(Buffer in, List<ByteString> secrets) throws IOException {
        for (ByteString secret : secrets) {
            Buffer out = new Buffer();
            for (long at; (at = in.indexOf(secret)) >= 0; ) {
                out.write(in, at);
                in.skip(secret.size());
                out.writeUtf8(REDACTED);
            }
            out.writeAll(in);
            in = out;
        }
        return in;
    }

    /** The response with a body of {@code bytes}, followed by {@code failure} when the original was cut short. */
    private static Response replay(Response response, Buffer bytes, IOException failure) {
        ResponseBody original = response.body();
        original.close();
        Response.Builder replaced = response.newBuilder();
        if (failure == null) {
            if (response.header("Content-Length") != null) {
                replaced.header("Content-Length", Long.toString(bytes.size()));
            }
            return replaced.body(ResponseBody.create(bytes, original.contentType(), bytes.size())).build();
        }
        return replaced.body(ResponseBody.create(Okio.buffer(new ThenFail(bytes, failure)), original.contentType(), -1))
                .build();
    }

    /** The bytes that arrived, then the failure that cut the body short (as reading the original would). */
    private record ThenFail(Buffer bytes, IOException failure) implements Source {
        @Override
        public long read(Buffer sink, long byteCount) throws IOException {
            if (bytes.size() > 0) {
                return bytes.read(sink, Math.min(byteCount, bytes.size()));
            }
            throw failure;
        }

        @Override
        public Timeout timeout() {
            return Timeout.NONE;
        }

        @Override
        public void close() {
            bytes.clear();
        }
    }

    public Origin origin() {
        return origin;
    }

    @Override
    public String toString() {
        return "OriginBoundAuth[" + origin + ", " + auth + "]";
    }
}
