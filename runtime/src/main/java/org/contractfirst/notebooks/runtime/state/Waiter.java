package org.contractfirst.notebooks.runtime.state;

import org.contractfirst.notebooks.runtime.ApiException;
import org.contractfirst.notebooks.runtime.RetryPolicy;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Function;

/**
 * The polling loop behind the clients' {@code waitFor...} methods; usable for an instance fetched any other way.
 *
 * <p>Each poll asks {@code probe} for the instance and maps its status word: an awaited state ends the wait
 * (REACHED), a failure state too (FAILED_STATE). An instance the service does not return (the probe answers
 * null) is DELETED when DELETED is awaited, else NOT_FOUND, at once. An answer of HTTP 429, 502, 503 or 504
 * (what is left after the client's own retries) does not end the wait: the next poll comes after the answer's
 * {@code Retry-After} (at least the minimum interval), and when that is beyond the timeout the wait ends as
 * TIMED_OUT without waiting. Any other error is thrown as it is (an {@link ApiException} with status, code and
 * request id). Between polls: exponential backoff with jitter, bounded by the options' interval and by the
 * timeout; one last poll is made at the timeout.
 */
public final class Waiter {

    /**
     * Fetches the instance once: null when the service does not return it (not listed, or an answer that says the
     * instance does not exist: SCNet's 404, ModelArts' {@code ModelArts.6309}); other errors are thrown.
     */
    @FunctionalInterface
    public interface Probe<T> {
        T poll() throws IOException;
    }

    private Waiter() {
    }

    /**
     * Polls until the instance reaches a state of {@code options}, or a failure state, or the timeout.
     *
     * @param status the raw status word of an instance (null when it has none)
     * @throws ApiException          the service answered with an error that is not worth waiting through
     * @throws InterruptedIOException the thread was interrupted while waiting (its interrupt flag is set again)
     * @throws IOException           a poll failed (connection, timeout)
     */
    public static <T> WaitResult<T> await(WaitOptions options, StateMapping mapping, Probe<T> probe,
                                          Function<? super T, String> status) throws IOException {
        Set<NotebookState> awaited = options.states();
        Set<NotebookState> failures = options.failureStates();
        long start = options.clock().millis();
        long deadline = saturatedAdd(start, options.timeout().toMillis());
        T last = null;
        String lastRaw = null;
        NotebookState lastState = null;
        int polls = 0;
        int backoffStep = 0;
        while (true) {
            polls++;
            boolean throttled = false;
            Duration retryAfter = null;
            T current;
            try {
                current = probe.poll();
            } catch (ApiException e) {
                if (RetryPolicy.RETRYABLE_STATUSES.contains(e.httpStatus())) {
                    current = null;
                    throttled = true;
                    retryAfter = e.retryAfter();
                } else {
                    throw e;
                }
            }
            if (!throttled) {
                if (current == null) {
                    return gone(awaited, last, lastRaw, lastState, polls, options, start);
                }
                last = current;
                lastRaw = status.apply(current);
                lastState = options.map(mapping, lastRaw);
                if (awaited.contains(lastState)) {
                    return result(WaitResult.Outcome.REACHED, lastState, lastRaw, last, polls, options, start);
                }
                if (failures.contains(lastState)) {
                    return result(WaitResult.Outcome.FAILED_STATE, lastState, lastRaw, last, polls, options, start);
                }
            }
            Duration wait = retryAfter != null ? max(retryAfter, options.minInterval()) : backoff(options, backoffStep++);
            long remaining = deadline - options.clock().millis();
            if (remaining <= 0 || (retryAfter != null && retryAfter.toMillis() > remaining)) {
                return result(WaitResult.Outcome.TIMED_OUT, lastState, lastRaw, last, polls, options, start);
            }
            if (wait.toMillis() > remaining) {
                wait = Duration.ofMillis(remaining);
            }
            try {
                options.sleeper().sleep(wait);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new InterruptedIOException("interrupted while waiting for the instance's state");
            }
        }
    }

    private static <T> WaitResult<T> gone(Set<NotebookState> awaited, T last, String lastRaw, NotebookState lastState,
                                          int polls, WaitOptions options, long start) {
        if (awaited.contains(NotebookState.DELETED)) {
            return result(WaitResult.Outcome.REACHED, NotebookState.DELETED, lastRaw, last, polls, options, start);
        }
        return result(WaitResult.Outcome.NOT_FOUND, lastState, lastRaw, last, polls, options, start);
    }

    private static <T> WaitResult<T> result(WaitResult.Outcome outcome, NotebookState state, String raw, T instance,
                                            int polls, WaitOptions options, long start) {
        return new WaitResult<>(outcome, state, raw, instance, polls,
                Duration.ofMillis(Math.max(0, options.clock().millis() - start)));
    }

    /** Step 0: the minimum; then a random delay between the minimum and min(max, minimum * 2^step). */
    static Duration backoff(WaitOptions options, int step) {
        long min = options.minInterval().toMillis();
        long max = options.maxInterval().toMillis();
        long cap = Math.min(max, min << Math.min(step, 20));
        if (cap <= min) {
            return Duration.ofMillis(Math.min(min, max));
        }
        return Duration.ofMillis(ThreadLocalRandom.current().nextLong(min, cap + 1));
    }

    private static Duration max(Duration a, Duration b) {
        return a.compareTo(b) >= 0 ? a : b;
    }

    private static long saturatedAdd(long a, long b) {
        long r = a + b;
        return ((a ^ r) & (b ^ r)) < 0 ? Long.MAX_VALUE : r;
    }
}
