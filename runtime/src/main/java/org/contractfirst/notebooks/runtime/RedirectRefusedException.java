package org.contractfirst.notebooks.runtime;

/**
 * A redirect to another origin (scheme, host or port), which the client refuses to follow: its credentials are
 * for the configured origin only, and following without them would only move the failure. Carries the status
 * and the {@code Location} (resolved against the request URL) so that a caller who trusts the target can
 * configure a client for it.
 */
public final class RedirectRefusedException extends ApiException {

    private final String location;

    RedirectRefusedException(int status, String location, String configured, String requestId, byte[] body,
                                    String method, String path) {
        super("redirect to " + location + " refused: credentials are sent only to " + configured
                        + "; build a client for that origin if you trust it",
                status, null, null, requestId, body, method, path, null);
        this.location = location;
    }

    /** The absolute redirect target. */
    public String location() {
        return location;
    }
}
