package org.contractfirst.notebooks.runtime.auth;

import java.io.IOException;
import java.time.Clock;
import okhttp3.Headers;
import okhttp3.Interceptor;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import okio.Buffer;

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
 */
public final class AkSkSigningInterceptor implements Interceptor {

    private final AkSkSigner signer;
    private final Clock clock;

    /** Signs with the system clock. */
    public AkSkSigningInterceptor(AkSkCredentials credentials) {
        this(credentials, Clock.systemUTC());
    }

    /** Signs with the given clock (the API Gateway rejects dates more than 15 minutes off). */
    public AkSkSigningInterceptor(AkSkCredentials credentials, Clock clock) {
        this.signer = new AkSkSigner(credentials);
        this.clock = clock;
    }

    @Override
    public Response intercept(Chain chain) throws IOException {
        Request request = chain.request();
        RequestBody body = request.body();
        byte[] bytes = null;
        if (body != null && request.header(AkSkSigner.X_SDK_CONTENT_SHA256) == null) {
            if (body.isDuplex()) {
                throw new IOException("AK/SK signing cannot hash a duplex request body; set the "
                        + AkSkSigner.X_SDK_CONTENT_SHA256 + " header (e.g. UNSIGNED-PAYLOAD) to sign without it");
            }
            Buffer buffer = new Buffer();
            body.writeTo(buffer);
            bytes = buffer.readByteArray();
            body = RequestBody.create(bytes, body.contentType());
        }
        Headers added = signer.sign(request.method(), request.url(), request.headers(), bytes, clock.instant());
        Request.Builder signed = request.newBuilder().method(request.method(), body);
        for (int i = 0; i < added.size(); i++) {
            signed.header(added.name(i), added.value(i));
        }
        return chain.proceed(signed.build());
    }
}
