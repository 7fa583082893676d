package org.contractfirst.notebooks.runtime.internal;

import okhttp3.Interceptor;
import okhttp3.Request;
import okhttp3.Response;
import org.contractfirst.notebooks.runtime.ApiException;
import org.contractfirst.notebooks.runtime.RetryPolicy;
import org.contractfirst.notebooks.runtime.Sleeper;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;

/**
 * Applies a {@link RetryPolicy}. Sits inside {@link ErrorMappingInterceptor} (so it sees raw statuses) and
 * outside authentication (so each attempt is signed afresh). Non-idempotent requests (the POST that opens a
 * CodeLab instance) pass through exactly once. The whole call stays bounded by OkHttp's call timeout.
 */
public final class RetryInterceptor implements Interceptor {

    private final RetryPolicy policy;
    private final Sleeper sleeper;

    public RetryInterceptor(RetryPolicy policy, Sleeper sleeper) {
        this.policy = policy;
        this.sleeper = sleeper;
    }

    @Override
    public Response intercept(Chain chain) throws IOException {
        Request request = chain.request();
        if (policy.maxRetries() == 0 || !RetryPolicy.IDEMPOTENT_METHODS.contains(request.method())) {
            return chain.proceed(request);
        }
        for (int retry = 0; ; retry++) {
            Response response;
            try {
                response = chain.proceed(request);
            } catch (IOException e) {
                if (retry >= policy.maxRetries() || chain.call().isCanceled() || e instanceof ApiException) {
                    throw e;
                }
                pause(policy.backoff(retry), e);
                continue;
            }
            if (retry >= policy.maxRetries() || !RetryPolicy.RETRYABLE_STATUSES.contains(response.code())) {
                return response;
            }
            Duration wait = retryAfter(response.header("Retry-After"));
            if (wait == null) {
                wait = policy.backoff(retry);
            } else if (wait.compareTo(policy.maxRetryAfter()) > 0) {
                return response; // the server asks for longer than the caller accepts: report it now
            }
            response.close();
            pause(wait, null);
        }
    }

    private void pause(Duration wait, IOException cause) throws IOException {
        try {
            sleeper.sleep(wait);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            IOException interrupted = new java.io.InterruptedIOException("interrupted while waiting to retry");
            if (cause != null) {
                interrupted.addSuppressed(cause);
            }
            throw interrupted;
        }
    }

    /** {@code Retry-After} as delay-seconds or an HTTP date; null when absent or unreadable. */
    public static Duration retryAfter(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String v = value.trim();
        try {
            long seconds = Long.parseLong(v);
            return seconds < 0 ? null : Duration.ofSeconds(seconds);
        } catch (NumberFormatException notSeconds) {
            try {
                Duration d = Duration.between(Instant.now(), ZonedDateTime.parse(v, DateTimeFormatter.RFC_1123_DATE_TIME));
                return d.isNegative() ? Duration.ZERO : d;
            } catch (DateTimeParseException notADate) {
                return null;
            }
        }
    }
}
