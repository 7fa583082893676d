package org.contractfirst.notebooks.runtime.internal;

import okhttp3.HttpUrl;
import okhttp3.Interceptor;
import okhttp3.Request;
import okhttp3.Response;

import java.io.IOException;
import java.net.ProtocolException;

/**
 * Follows redirects in place of OkHttp (whose own following is switched off, because it copies every header
 * but {@code Authorization} to any host): a redirect within the configured {@link Origin} is followed, and the
 * authentication inside this interceptor runs again for the new URL (a token header is sent again, an AK/SK
 * request is signed afresh for the path it now goes to); a redirect to another origin (other host, other port,
 * or https to http) is refused with a {@link RedirectRefusedException} naming the status and the
 * {@code Location}, and nothing is sent there.
 *
 * <p>Method and body follow OkHttp: 301, 302 and 303 turn a request with a body into a GET without one, 307 and
 * 308 keep method and body. At most 20 redirects. With {@code follow} false (the caller's base client has
 * {@code followRedirects(false)}) a 3xx is returned as it is and becomes an {@link ApiException}.
 */
public final class RedirectInterceptor implements Interceptor {

    static final int MAX_REDIRECTS = 20;

    private final Origin origin;
    private final boolean follow;

    public RedirectInterceptor(Origin origin, boolean follow) {
        this.origin = origin;
        this.follow = follow;
    }

    @Override
    public Response intercept(Chain chain) throws IOException {
        Request request = chain.request();
        for (int redirects = 0; ; redirects++) {
            Response response = chain.proceed(request);
            if (!follow || !isRedirect(response.code())) {
                return response;
            }
            String location = response.header("Location");
            HttpUrl target = location == null ? null : request.url().resolve(location);
            if (target == null) {
                return response; // no usable Location: reported as the 3xx it is
            }
            if (!origin.matches(target)) {
                byte[] body = response.peekBody(Exceptions.BODY_EXCERPT).bytes();
                response.close();
                throw Exceptions.redirectRefused(response.code(), target.toString(), origin,
                        response.header("X-Request-Id"), body, request.method(), request.url().encodedPath());
            }
            if (redirects >= MAX_REDIRECTS) {
                response.close();
                throw new ProtocolException("Too many follow-up requests: " + (redirects + 1));
            }
            if (request.body() != null && request.body().isOneShot() && keepsBody(response.code())) {
                return response; // the body cannot be sent twice
            }
            response.close();
            request = followUp(request, response.code(), target);
        }
    }

    static boolean isRedirect(int code) {
        return code == 300 || code == 301 || code == 302 || code == 303 || code == 307 || code == 308;
    }

    private static boolean keepsBody(int code) {
        return code == 307 || code == 308;
    }

    private static Request followUp(Request request, int code, HttpUrl target) {
        Request.Builder next = request.newBuilder().url(target);
        String method = request.method();
        if (!keepsBody(code) && !method.equals("GET") && !method.equals("HEAD")) {
            next.method("GET", null).removeHeader("Transfer-Encoding").removeHeader("Content-Length").removeHeader("Content-Type");
        }
        return next.build();
    }
}
