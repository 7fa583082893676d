package org.contractfirst.notebooks.runtime;

import java.util.Map;

/**
 * An SCNet answer whose envelope {@code code} is not {@code "0"} (SCNet reports errors with HTTP 200), or
 * an HTTP error from SCNet. {@link #codeMeaning()} gives the documented meaning of the code.
 */
public final class ScnetApiException extends ApiException {

    /** The codes documented by the SCNet AC platform (seed 003), with their meaning. */
    public static final Map<String, String> DOCUMENTED_CODES = Map.ofEntries(
            Map.entry("0", "Success"),
            Map.entry("10001", "Internal error (other exceptions)"),
            Map.entry("10003", "Incomplete parameters"),
            Map.entry("10004", "Invalid parameter"),
            Map.entry("10007", "The user is frozen"),
            Map.entry("10008", "Insufficient permissions"),
            Map.entry("10009", "No permission to access the API"),
            Map.entry("10010", "File verification failed"),
            Map.entry("10011", "File too large"),
            Map.entry("10012", "Connection interrupted"));

    ScnetApiException(int httpStatus, String code, String msg, String requestId, byte[] rawBody,
                      String method, String path) {
        super(meaningOf(code), httpStatus, code, msg, requestId, rawBody, method, path, null);
    }

    /** Documented meaning of the code, or null for a code the documentation does not list. */
    public String codeMeaning() {
        return meaningOf(errorCode());
    }

    private static String meaningOf(String code) {
        return code == null ? null : DOCUMENTED_CODES.get(code);
    }
}
