package org.contractfirst.notebooks.runtime;

import okhttp3.Interceptor;
import okhttp3.Request;
import okhttp3.Response;

import java.io.IOException;

/**
 * Applies an authentication interceptor to requests for the client's own {@link Origin} only. A request for any
 * other origin (an interceptor of the caller's base client that rewrote the URL, a redirect the caller follows
 * by hand with the same client) is sent without the authentication and with every header of
 * {@link ServiceClients#SECRET_HEADERS} removed. The response handed back carries requests without those headers
 * ({@link #withoutSecrets}).
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
            return withoutSecrets(auth.intercept(chain));
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

    public Origin origin() {
        return origin;
    }

    @Override
    public String toString() {
        return "OriginBoundAuth[" + origin + ", " + auth + "]";
    }
}
