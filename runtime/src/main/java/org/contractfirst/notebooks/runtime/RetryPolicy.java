package org.contractfirst.notebooks.runtime;

import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Bounded retries with exponential backoff and full jitter, for idempotent requests only (GET, HEAD):
 * connection failures and the statuses 429, 502, 503 and 504. A {@code Retry-After} header is honoured
 * when it is not longer than {@link #maxRetryAfter()}; a longer one ends the retries.
 *
 * @param maxRetries    retries after the first attempt (0 disables retries)
 * @param baseDelay     delay before the first retry, doubled for each further one
 * @param maxDelay      cap of the computed backoff
 * @param maxRetryAfter longest server-requested wait the client accepts
 */
public record RetryPolicy(int maxRetries, Duration baseDelay, Duration maxDelay, Duration maxRetryAfter) {

    public static final Set<Integer> RETRYABLE_STATUSES = Set.of(429, 502, 503, 504);
    public static final Set<String> IDEMPOTENT_METHODS = Set.of("GET", "HEAD");

    public RetryPolicy {
        if (maxRetries < 0) {
            throw new IllegalArgumentException("maxRetries must be >= 0, was " + maxRetries);
        }
        if (baseDelay.isNegative() || maxDelay.isNegative() || maxRetryAfter.isNegative()) {
            throw new IllegalArgumentException("retry delays must not be negative");
        }
    }

    /** 3 retries, 200 ms doubling up to 5 s, server waits up to 30 s. */
    public static RetryPolicy defaults() {
        return new RetryPolicy(3, Duration.ofMillis(200), Duration.ofSeconds(5), Duration.ofSeconds(30));
    }

    public static RetryPolicy none() {
        return new RetryPolicy(0, Duration.ZERO, Duration.ZERO, Duration.ZERO);
    }

    /** Full jitter: a random delay between 0 and min(maxDelay, baseDelay * 2^retry). */
    public Duration backoff(int retry) {
        long cap = Math.min(maxDelay.toMillis(), baseDelay.toMillis() << Math.min(retry, 20));
        return Duration.ofMillis(cap <= 0 ? 0 : ThreadLocalRandom.current().nextLong(cap + 1));
    }
}
