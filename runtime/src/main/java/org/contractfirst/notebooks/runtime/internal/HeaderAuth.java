package org.contractfirst.notebooks.runtime.internal;

import okhttp3.Interceptor;
import okhttp3.Response;

import java.io.IOException;

/**
 * Sends a credential in a header: {@code X-Auth-Token} (ModelArts, EIHealth) or {@code token} (SCNet). A value that
 * cannot be sent as given (a control character such as a trailing CR/LF, see {@link CredentialValues}) is refused here,
 * with a message naming the header and never the value.
 */
public final class HeaderAuth implements Interceptor {

    private final String header;
    private final String value;

    public HeaderAuth(String header, String value) {
        if (header == null || header.isBlank()) {
            throw new IllegalArgumentException("auth header name is missing");
        }
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("no credential given for the " + header + " header");
        }
        this.header = header;
        this.value = CredentialValues.require("the " + header + " header value", value);
    }

    public static HeaderAuth xAuthToken(String token) {
        return new HeaderAuth("X-Auth-Token", token);
    }

    @Override
    public Response intercept(Chain chain) throws IOException {
        return chain.proceed(chain.request().newBuilder().header(header, value).build());
    }

    @Override
    public String toString() {
        return "HeaderAuth[" + header + "=<redacted>]";
    }
}
