package org.contractfirst.notebooks.runtime.internal;

import okhttp3.Interceptor;
import okhttp3.Request;
import okhttp3.Response;
import org.contractfirst.notebooks.runtime.auth.CredentialsProvider;

import java.io.IOException;
import java.util.Objects;

/**
 * Sends the token of a {@link CredentialsProvider} in a header ({@code X-Auth-Token}, SCNet's {@code token}),
 * asking the provider before each request. When the answer says the token expired ({@link ExpirySignal}) the
 * provider is told, asked once more, and the request is sent once more if it gave another token; otherwise, or
 * when the second answer fails too, the answer is returned as it is (and becomes an {@link ApiException}).
 */
public final class TokenAuth implements Interceptor {

    private final String header;
    private final CredentialsProvider<String> tokens;
    private final ExpirySignal expiry;

    public TokenAuth(String header, CredentialsProvider<String> tokens, ExpirySignal expiry) {
        if (header == null || header.isBlank()) {
            throw new IllegalArgumentException("auth header name is missing");
        }
        this.header = header;
        this.tokens = Objects.requireNonNull(tokens, "token provider");
        this.expiry = Objects.requireNonNull(expiry, "expiry signal");
    }

    @Override
    public Response intercept(Chain chain) throws IOException {
        Request request = chain.request();
        String token = token();
        Response response = chain.proceed(request.newBuilder().header(header, token).build());
        if (!expiry.expired(response) || (request.body() != null && request.body().isOneShot())) {
            return response;
        }
        tokens.invalidate(token);
        String fresh = token();
        if (fresh.equals(token)) {
            return response; // nothing newer: report the expiry
        }
        response.close();
        return chain.proceed(request.newBuilder().header(header, fresh).build());
    }

    /** The provider's token; a missing or unsendable one, and whatever the provider throws, as an IOException. */
    private String token() throws IOException {
        String token;
        try {
            token = tokens.get();
        } catch (RuntimeException e) {
            // its own message is left to the cause: it is the provider's text, which could quote what it read
            throw new IOException("the token provider for the " + header + " header failed ("
                    + e.getClass().getSimpleName() + ")", e);
        }
        if (token == null || token.isBlank()) {
            throw new IOException("the token provider gave no token for the " + header + " header");
        }
        String defect = CredentialValues.defect(token);
        if (defect != null) {
            throw new IOException("the token provider gave a " + header + " header value that contains " + defect
                    + "; refused (not trimmed): a credential must be printable ASCII without surrounding spaces,"
                    + " and a token read from a file often keeps its line break (CR/LF)");
        }
        return token;
    }

    @Override
    public String toString() {
        return "TokenAuth[" + header + "=<redacted>]";
    }
}
