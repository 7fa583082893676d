package org.contractfirst.notebooks.runtime.internal;

import okhttp3.Response;

/**
 * The status line of the answer the converter is about to decode, so that a body that does not decode is
 * reported with its HTTP status and request id. Retrofit decodes on the thread that ran the interceptors
 * (the caller's for {@code execute()}, OkHttp's dispatcher thread for {@code enqueue()}), so a thread-local
 * set by {@link ErrorMappingInterceptor} is the answer being decoded.
 */
record ResponseContext(int status, String requestId, String method, String path) {

    private static final ThreadLocal<ResponseContext> CURRENT = new ThreadLocal<>();

    static void remember(Response response) {
        CURRENT.set(new ResponseContext(response.code(), response.header("X-Request-Id"),
                response.request().method(), response.request().url().encodedPath()));
    }

    /** The last answer seen on this thread, or an unknown one. */
    static ResponseContext current() {
        ResponseContext c = CURRENT.get();
        return c != null ? c : new ResponseContext(0, null, "?", "?");
    }
}
