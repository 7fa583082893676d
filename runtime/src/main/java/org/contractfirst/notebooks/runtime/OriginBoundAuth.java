package org.contractfirst.notebooks.runtime;

import okhttp3.Interceptor;
import okhttp3.Request;
import okhttp3.Response;

import java.io.IOException;

/**
 * Applies an authentication interceptor to requests for the client's own {@link Origin} only. A request for any
 * other origin (an interceptor of the caller's base client that rewrote the URL, a redirect the caller follows
 * by hand with the same client) is sent without the authentication and with every header of
 * {@link ServiceClients#SECRET_HEADERS} removed.
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
            return auth.intercept(chain);
        }
        Request.Builder stripped = request.newBuilder();
        ServiceClients.SECRET_HEADERS.forEach(stripped::removeHeader);
        return chain.proceed(stripped.build());
    }

    public Origin origin() {
        return origin;
    }

    @Override
    public String toString() {
        return "OriginBoundAuth[" + origin + ", " + auth + "]";
    }
}
