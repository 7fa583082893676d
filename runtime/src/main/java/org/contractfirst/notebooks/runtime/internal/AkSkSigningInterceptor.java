package org.contractfirst.notebooks.runtime.internal;

import okhttp3.Headers;
import okhttp3.Interceptor;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import okio.Buffer;
import org.contractfirst.notebooks.runtime.auth.AkSkCredentials;
import org.contractfirst.notebooks.runtime.auth.CredentialsProvider;

import java.io.IOException;
import java.time.Clock;
import java.util.Objects;

/**
 * OkHttp interceptor that signs every request with Huawei Cloud AK/SK ({@link AkSkSigner}), adding
 * {@code X-Sdk-Date}, {@code Authorization} and, when the credentials carry them, {@code X-Project-Id} and
 * {@code X-Security-Token}.
 *
 * <p>Register it as an application interceptor ({@code OkHttpClient.Builder#addInterceptor}), so that each call is
 * signed once, over the headers the caller set. The body is read exactly once into memory, hashed, and the request
 * is sent with those buffered bytes, so a one-shot body is never written twice and the bytes sent are the bytes
 * signed. A request carrying an {@code X-Sdk-Content-Sha256} header (e.g. {@code UNSIGNED-PAYLOAD}) is signed with
 * that value instead and its body is left untouched; that is the only way to sign a duplex body. Nothing is logged,
 * and no credential value ever appears in an exception message.
 *
 * <p>With a {@link CredentialsProvider} (temporary AK/SK with a security token) the provider is asked before each
 * request; when the answer says the credentials expired ({@link ExpirySignal}), the provider is told, asked once
 * more, and the request is signed afresh with the new credentials and sent once more.
 */
public final class AkSkSigningInterceptor implements Interceptor {

    private final CredentialsProvider<AkSkCredentials> credentials;
    private final ExpirySignal expiry;
    private final Clock clock;

    /** Signs with the system clock. */
    public AkSkSigningInterceptor(AkSkCredentials credentials) {
        this(credentials, Clock.systemUTC());
    }

    /** Signs with the given clock (the API Gateway rejects dates more than 15 minutes off). */
    public AkSkSigningInterceptor(AkSkCredentials credentials, Clock clock) {
        this(CredentialsProvider.fixed(validated(credentials)), ExpirySignal.NEVER, clock);
    }

    /** Signs with the credentials {@code provider} gives before each request; refreshes once on an expiry answer. */
    public AkSkSigningInterceptor(CredentialsProvider<AkSkCredentials> provider, ExpirySignal expiry, Clock clock) {
        this.credentials = Objects.requireNonNull(provider, "credentials provider");
        this.expiry = Objects.requireNonNull(expiry, "expiry signal");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    private static AkSkCredentials validated(AkSkCredentials credentials) {
        if (credentials == null) {
            throw new IllegalArgumentException("AK/SK credentials are required");
        }
        return credentials;
    }

    @Override
    public Response intercept(Chain chain) throws IOException {
        Request request = bufferBody(chain.request());
        AkSkCredentials used = current();
        Response response = chain.proceed(sign(request, used));
        if (!expiry.expired(response) || (request.body() != null && request.body().isOneShot())) {
            return response;
        }
        credentials.invalidate(used);
        AkSkCredentials fresh = current();
        if (fresh.equals(used)) {
            return response;
        }
        response.close();
        return chain.proceed(sign(request, fresh));
    }

    /** The provider's credentials; whatever it throws reaches the caller as an IOException (never OkHttp's dispatcher thread). */
    private AkSkCredentials current() throws IOException {
        AkSkCredentials c;
        try {
            c = credentials.get();
        } catch (RuntimeException e) {
            // AkSkCredentials refusing e.g. a security token with a line break names the part, never the value: its
            // message is shown; any other message is the provider's own text, left to the cause
            boolean ours = e instanceof IllegalArgumentException && e.getMessage() != null
                    && e.getMessage().startsWith(CredentialValues.AKSK_INVALID);
            throw new IOException("the AK/SK credentials provider failed: "
                    + (ours ? e.getMessage() : e.getClass().getSimpleName()), e);
        }
        if (c == null) {
            throw new IOException("the AK/SK credentials provider gave no credentials");
        }
        return c;
    }

    /** The request with its body read once into memory (so it can be hashed, and sent twice), unless it is signed unhashed. */
    private static Request bufferBody(Request request) throws IOException {
        RequestBody body = request.body();
        if (body != null && request.header(AkSkSigner.X_SDK_CONTENT_SHA256) == null) {
            if (body.isDuplex()) {
                throw new IOException("AK/SK signing cannot hash a duplex request body; set the "
                        + AkSkSigner.X_SDK_CONTENT_SHA256 + " header (e.g. UNSIGNED-PAYLOAD) to sign without it");
            }
            Buffer buffer = new Buffer();
            body.writeTo(buffer);
            return request.newBuilder().method(request.method(), RequestBody.create(buffer.readByteArray(), body.contentType())).build();
        }
        return request;
    }

    private Request sign(Request request, AkSkCredentials with) throws IOException {
        byte[] bytes = null;
        RequestBody body = request.body();
        if (body != null && request.header(AkSkSigner.X_SDK_CONTENT_SHA256) == null) {
            Buffer buffer = new Buffer();
            body.writeTo(buffer); // an in-memory body made by bufferBody
            bytes = buffer.readByteArray();
        }
        Headers added = new AkSkSigner(with).sign(request.method(), request.url(), request.headers(), bytes, clock.instant());
        Request.Builder signed = request.newBuilder();
        if (with.securityToken() == null) {
            signed.removeHeader(AkSkSigner.X_SECURITY_TOKEN); // left from other credentials: never sent unsigned
        }
        for (int i = 0; i < added.size(); i++) {
            signed.header(added.name(i), added.value(i));
        }
        return signed.build();
    }
}
