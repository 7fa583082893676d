package org.contractfirst.notebooks.runtime;

import org.contractfirst.notebooks.runtime.internal.Exceptions;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * A call that did not succeed: an HTTP error status, a service error envelope (SCNet answers HTTP 200 with
 * a non-"0" code), or a body the client cannot read. Carries what a caller and a support ticket need: the
 * HTTP status, the service's error code and message, the request id, and the raw body.
 *
 * <p>It is an {@link IOException} so that Retrofit's {@code Call.execute()} and {@code enqueue()} report it
 * as they report network failures. Its message never contains credentials: it is built only from the
 * method, URL path, status and the service's own error fields. Only the runtime makes them: the constructor is
 * not public.
 */
public class ApiException extends IOException {

    static {
        Exceptions.install(new Exceptions.Factory() {
            @Override
            public ApiException api(String summary, int httpStatus, String errorCode, String errorMessage,
                                    String requestId, byte[] rawBody, String method, String path, Throwable cause) {
                return new ApiException(summary, httpStatus, errorCode, errorMessage, requestId, rawBody, method, path,
                        cause);
            }

            @Override
            public ApiException withRetryAfter(ApiException e, Duration wait) {
                e.retryAfter = wait;
                return e;
            }

            @Override
            public ScnetApiException scnet(int httpStatus, String code, String msg, String requestId, byte[] rawBody,
                                           String method, String path) {
                return new ScnetApiException(httpStatus, code, msg, requestId, rawBody, method, path);
            }

            @Override
            public RedirectRefusedException redirectRefused(int status, String location, String configuredOrigin,
                                                            String requestId, byte[] body, String method, String path) {
                return new RedirectRefusedException(status, location, configuredOrigin, requestId, body, method, path);
            }
        });
    }

    private final int httpStatus;
    private final String errorCode;
    private final String errorMessage;
    private final String requestId;
    private final byte[] rawBody;
    private final String method;
    private final String path;
    private Duration retryAfter;

    /** Protected for the runtime's own subclass in another package ({@code ContractViolationException}). */
    protected ApiException(String summary, int httpStatus, String errorCode, String errorMessage, String requestId,
                           byte[] rawBody, String method, String path, Throwable cause) {
        super(message(summary, httpStatus, errorCode, errorMessage, requestId, method, path), cause);
        this.httpStatus = httpStatus;
        this.errorCode = errorCode;
        this.errorMessage = errorMessage;
        this.requestId = requestId;
        this.rawBody = rawBody == null ? new byte[0] : rawBody;
        this.method = method;
        this.path = path;
    }

    private static String message(String summary, int status, String code, String msg, String requestId,
                                  String method, String path) {
        StringBuilder m = new StringBuilder();
        m.append(method).append(' ').append(path).append(": HTTP ").append(status);
        if (code != null) {
            m.append(' ').append(code);
        }
        if (msg != null) {
            m.append(' ').append(msg);
        }
        if (summary != null) {
            m.append(" (").append(summary).append(')');
        }
        if (requestId != null) {
            m.append(" [request id ").append(requestId).append(']');
        }
        return m.toString();
    }

    /** HTTP status of the answer (200 for an SCNet error envelope). */
    public int httpStatus() {
        return httpStatus;
    }

    /** The service's error code (e.g. {@code ModelArts.6309}, {@code APIGW.0301}, SCNet {@code 10004}), or null. */
    public String errorCode() {
        return errorCode;
    }

    /** The service's error message, or null. */
    public String errorMessage() {
        return errorMessage;
    }

    /** The {@code X-Request-Id} of the answer (or the body's {@code request_id}), or null. */
    public String requestId() {
        return requestId;
    }

    /** The body as received (possibly truncated by the network or by the runtime's size limit). */
    public byte[] rawBody() {
        return rawBody.clone();
    }

    public String rawBodyText() {
        return new String(rawBody, StandardCharsets.UTF_8);
    }

    public String method() {
        return method;
    }

    /** Path of the request URL (without host and query). */
    public String path() {
        return path;
    }

    /** The wait the answer's {@code Retry-After} header asks for (seconds or an HTTP date), or null without one. */
    public Duration retryAfter() {
        return retryAfter;
    }

    /** True for statuses worth retrying later (429 and 5xx), whatever the method. */
    public boolean isTransient() {
        return httpStatus == 429 || httpStatus >= 500;
    }
}
