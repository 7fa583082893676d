package org.contractfirst.notebooks.runtime.internal;

import okhttp3.Response;
import org.contractfirst.notebooks.runtime.ApiException;

/**
 * Turns a service's answer into an {@link ApiException}: always for HTTP errors, and for successful answers
 * that carry an error envelope (SCNet).
 */
public interface ErrorDecoder {

    /** The exception for a non-2xx answer; {@code body} is what could be read of it (maybe truncated). */
    ApiException httpError(Response response, byte[] body, Throwable readFailure);

    /** Whether successful bodies must be passed to {@link #successError} (costs a parse of each body). */
    default boolean inspectsSuccessBodies() {
        return false;
    }

    /** An exception when a 2xx answer is an error envelope, else null. */
    default ApiException successError(Response response, byte[] body) {
        return null;
    }
}
