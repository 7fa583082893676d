package org.contractfirst.notebooks.runtime.auth;

import java.io.IOException;
import java.util.Objects;

/**
 * Where a client gets its credentials (a token, or {@link AkSkCredentials}) from, before each request.
 *
 * <p>{@link #get()} is on every request's path: return a cached value, fetch only when it is missing or about
 * to expire ({@link RefreshingCredentialsProvider} does exactly that). When the server answers that the
 * credentials it got have expired, the client calls {@link #invalidate} with them and then {@link #get()} once
 * more: if that returns other credentials the request is sent once more with them; if it returns the same ones
 * the expiry answer is reported as it is. A request is never sent more than twice for credentials, and a 401
 * that does not say "expired" (a wrong token, a wrong signature) is reported at once. Implementations must be
 * thread-safe: one client serves many threads.
 */
public interface CredentialsProvider<C> {

    /** The credentials to use now; never null. */
    C get() throws IOException;

    /** The server said {@code rejected} has expired: the next {@link #get()} should return fresh credentials. */
    default void invalidate(C rejected) {
    }

    /** Always the same credentials (what {@code token(...)} and {@code akSk(...)} use). */
    static <C> CredentialsProvider<C> fixed(C credentials) {
        Objects.requireNonNull(credentials, "credentials");
        return new CredentialsProvider<>() {
            @Override
            public C get() {
                return credentials;
            }

            @Override
            public String toString() {
                return "CredentialsProvider.fixed[<redacted>]";
            }
        };
    }
}
