package org.contractfirst.notebooks.runtime.auth;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.concurrent.locks.ReentrantLock;

/**
 * A thread-safe, caching {@link CredentialsProvider}: fetches credentials (a token from IAM or SCNet, temporary
 * AK/SK with a security token from IAM's security-token API) through your {@link Fetcher}, keeps them, and
 * fetches again when they are within {@code refreshAhead} of their expiry or when the server said they expired.
 * At most one fetch is in flight: threads that need fresh credentials while another thread fetches wait for its
 * result instead of fetching too. A failed fetch is reported to the calls that waited for it and tried again by
 * the next call.
 *
 * <pre>{@code
 * CredentialsProvider<String> iam = new RefreshingCredentialsProvider<>(() -> {
 *     String token = myIamClient.obtainToken();                          // the X-Subject-Token header
 *     return new RefreshingCredentialsProvider.Expiring<>(token, Instant.now().plus(Duration.ofHours(24)));
 * });
 * ModelArtsClient modelarts = ModelArtsClient.builder().region("cn-north-4").tokenProvider(iam).build();
 * }</pre>
 */
public final class RefreshingCredentialsProvider<C> implements CredentialsProvider<C> {

    /** Credentials and the instant they expire ({@code null}: unknown, used until the server says they expired). */
    public record Expiring<C>(C value, Instant expiresAt) {
        public Expiring {
            Objects.requireNonNull(value, "value");
        }

        @Override
        public String toString() {
            return "Expiring[<redacted>, expiresAt=" + expiresAt + "]";
        }
    }

    /** Obtains new credentials; called by one thread at a time. */
    @FunctionalInterface
    public interface Fetcher<C> {
        Expiring<C> fetch() throws IOException;
    }

    /** Fetch again this long before the expiry, so that a request never leaves with credentials about to expire. */
    public static final Duration DEFAULT_REFRESH_AHEAD = Duration.ofMinutes(5);

    private final Fetcher<C> fetcher;
    private final Duration refreshAhead;
    private final Clock clock;
    private final ReentrantLock lock = new ReentrantLock();
    private volatile Expiring<C> current;
    private long fetches;

    public RefreshingCredentialsProvider(Fetcher<C> fetcher) {
        this(fetcher, DEFAULT_REFRESH_AHEAD, Clock.systemUTC());
    }

    public RefreshingCredentialsProvider(Fetcher<C> fetcher, Duration refreshAhead, Clock clock) {
        this.fetcher = Objects.requireNonNull(fetcher, "fetcher");
        this.refreshAhead = Objects.requireNonNull(refreshAhead, "refreshAhead");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @Override
    public C get() throws IOException {
        Expiring<C> cached = current;
        if (usable(cached)) {
            return cached.value();
        }
        lock.lock();
        try {
            cached = current;
            if (usable(cached)) {
                return cached.value(); // another thread fetched while this one waited
            }
            Expiring<C> fresh = fetcher.fetch();
            if (fresh == null) {
                throw new IOException("credentials fetcher returned nothing");
            }
            fetches++;
            current = fresh;
            return fresh.value();
        } finally {
            lock.unlock();
        }
    }

    @Override
    public void invalidate(C rejected) {
        lock.lock();
        try {
            Expiring<C> cached = current;
            if (cached != null && cached.value().equals(rejected)) {
                current = null; // only the credentials the server rejected: a newer value stays
            }
        } finally {
            lock.unlock();
        }
    }

    /** How many times the fetcher succeeded (for tests and metrics). */
    public long fetchCount() {
        lock.lock();
        try {
            return fetches;
        } finally {
            lock.unlock();
        }
    }

    private boolean usable(Expiring<C> cached) {
        return cached != null
                && (cached.expiresAt() == null || clock.instant().isBefore(cached.expiresAt().minus(refreshAhead)));
    }

    @Override
    public String toString() {
        Expiring<C> cached = current;
        return "RefreshingCredentialsProvider[" + (cached == null ? "empty" : "expiresAt=" + cached.expiresAt()) + "]";
    }
}
