package org.contractfirst.notebooks.runtime;

import java.time.Duration;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Bounded retries with exponential backoff and full jitter, for idempotent requests only (GET, HEAD):
 * connection failures and the statuses 429, 502, 503 and 504. A {@code Retry-After} header is honoured
 * when it is not longer than {@link #maxRetryAfter()}; a longer one ends the retries. Immutable; made with
 * {@link #builder()} (which starts from {@link #defaults()}) or {@link #none()}.
 */
public final class RetryPolicy {

    public static final Set<Integer> RETRYABLE_STATUSES = Set.of(429, 502, 503, 504);
    public static final Set<String> IDEMPOTENT_METHODS = Set.of("GET", "HEAD");

    private static final RetryPolicy DEFAULTS = new Builder().build();
    private static final RetryPolicy NONE = new Builder().maxRetries(0).baseDelay(Duration.ZERO).maxDelay(Duration.ZERO)
            .maxRetryAfter(Duration.ZERO).build();

    private final int maxRetries;
    private final Duration baseDelay;
    private final Duration maxDelay;
    private final Duration maxRetryAfter;

    private RetryPolicy(Builder b) {
        if (b.maxRetries < 0) {
            throw new IllegalArgumentException("maxRetries must be >= 0, was " + b.maxRetries);
        }
        if (b.baseDelay.isNegative() || b.maxDelay.isNegative() || b.maxRetryAfter.isNegative()) {
            throw new IllegalArgumentException("retry delays must not be negative");
        }
        this.maxRetries = b.maxRetries;
        this.baseDelay = b.baseDelay;
        this.maxDelay = b.maxDelay;
        this.maxRetryAfter = b.maxRetryAfter;
    }

    /** 3 retries, 200 ms doubling up to 5 s, server waits up to 30 s. */
    public static RetryPolicy defaults() {
        return DEFAULTS;
    }

    /** No retry: every request is sent once. */
    public static RetryPolicy none() {
        return NONE;
    }

    /** A builder holding the {@link #defaults()}. */
    public static Builder builder() {
        return new Builder();
    }

    /** Retries after the first attempt (0: no retries). */
    public int maxRetries() {
        return maxRetries;
    }

    /** Delay cap before the first retry, doubled for each further one. */
    public Duration baseDelay() {
        return baseDelay;
    }

    /** Cap of the computed backoff. */
    public Duration maxDelay() {
        return maxDelay;
    }

    /** Longest server-requested wait ({@code Retry-After}) the client accepts. */
    public Duration maxRetryAfter() {
        return maxRetryAfter;
    }

    /** Full jitter: a random delay between 0 and min(maxDelay, baseDelay * 2^retry). */
    public Duration backoff(int retry) {
        long cap = Math.min(maxDelay.toMillis(), baseDelay.toMillis() << Math.min(retry, 20));
        return Duration.ofMillis(cap <= 0 ? 0 : ThreadLocalRandom.current().nextLong(cap + 1));
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof RetryPolicy p && maxRetries == p.maxRetries && baseDelay.equals(p.baseDelay)
                && maxDelay.equals(p.maxDelay) && maxRetryAfter.equals(p.maxRetryAfter);
    }

    @Override
    public int hashCode() {
        return Objects.hash(maxRetries, baseDelay, maxDelay, maxRetryAfter);
    }

    @Override
    public String toString() {
        return "RetryPolicy[maxRetries=" + maxRetries + ", baseDelay=" + baseDelay + ", maxDelay=" + maxDelay
                + ", maxRetryAfter=" + maxRetryAfter + "]";
    }

    /** Builds a {@link RetryPolicy}; {@link #build()} rejects a negative count or delay. */
    public static final class Builder {

        private int maxRetries = 3;
        private Duration baseDelay = Duration.ofMillis(200);
        private Duration maxDelay = Duration.ofSeconds(5);
        private Duration maxRetryAfter = Duration.ofSeconds(30);

        private Builder() {
        }

        /** Retries after the first attempt (0 disables retries); default 3. */
        public Builder maxRetries(int maxRetries) {
            this.maxRetries = maxRetries;
            return this;
        }

        /** Delay cap before the first retry, doubled for each further one; default 200 ms. */
        public Builder baseDelay(Duration baseDelay) {
            this.baseDelay = Objects.requireNonNull(baseDelay, "baseDelay");
            return this;
        }

        /** Cap of the computed backoff; default 5 s. */
        public Builder maxDelay(Duration maxDelay) {
            this.maxDelay = Objects.requireNonNull(maxDelay, "maxDelay");
            return this;
        }

        /** Longest server-requested wait the client accepts; default 30 s. */
        public Builder maxRetryAfter(Duration maxRetryAfter) {
            this.maxRetryAfter = Objects.requireNonNull(maxRetryAfter, "maxRetryAfter");
            return this;
        }

        public RetryPolicy build() {
            return new RetryPolicy(this);
        }
    }
}
