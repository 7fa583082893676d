package org.contractfirst.notebooks.runtime.state;

import org.contractfirst.notebooks.runtime.Sleeper;

import java.time.Clock;
import java.time.Duration;
import java.util.Collections;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * What a wait waits for, and for how long. Immutable: each method returns a changed copy, so a configured
 * instance can be kept and reused.
 *
 * <pre>{@code
 * WaitOptions.until(NotebookState.RUNNING).timeout(Duration.ofMinutes(10))
 * }</pre>
 *
 * Defaults: a timeout of 10 minutes; polls 2 s apart at first, then further apart (exponential backoff with
 * jitter) up to 30 s; the wait ends at once on {@link NotebookState#FAILED}, and on {@link NotebookState#DELETED}
 * unless it is awaited.
 */
public final class WaitOptions {

    static final Duration DEFAULT_TIMEOUT = Duration.ofMinutes(10);
    static final Duration DEFAULT_MIN_INTERVAL = Duration.ofSeconds(2);
    static final Duration DEFAULT_MAX_INTERVAL = Duration.ofSeconds(30);

    private final Set<NotebookState> awaited;
    private final Set<NotebookState> failOn; // null: the default (FAILED, DELETED), less the awaited states
    private final Map<String, NotebookState> extraStatuses;
    private final Duration timeout;
    private final Duration minInterval;
    private final Duration maxInterval;
    private final Clock clock;
    private final Sleeper sleeper;

    private WaitOptions(Set<NotebookState> awaited, Set<NotebookState> failOn, Map<String, NotebookState> extraStatuses,
                        Duration timeout, Duration minInterval, Duration maxInterval, Clock clock,
                        Sleeper sleeper) {
        this.awaited = awaited;
        this.failOn = failOn;
        this.extraStatuses = extraStatuses;
        this.timeout = timeout;
        this.minInterval = minInterval;
        this.maxInterval = maxInterval;
        this.clock = clock;
        this.sleeper = sleeper;
    }

    /** Wait until the instance is in {@code state} or one of {@code more}. */
    public static WaitOptions until(NotebookState state, NotebookState... more) {
        Objects.requireNonNull(state, "state");
        EnumSet<NotebookState> set = EnumSet.of(state, more);
        return until(set);
    }

    /** Wait until the instance is in one of {@code states} (not empty). */
    public static WaitOptions until(Set<NotebookState> states) {
        if (states == null || states.isEmpty()) {
            throw new IllegalArgumentException("states: at least one state to wait for");
        }
        return new WaitOptions(Collections.unmodifiableSet(EnumSet.copyOf(states)), null, Map.of(), DEFAULT_TIMEOUT,
                DEFAULT_MIN_INTERVAL, DEFAULT_MAX_INTERVAL, Clock.systemUTC(), Sleeper.THREAD_SLEEP);
    }

    /** Give up after {@code timeout} (the result is then {@link WaitResult.Outcome#TIMED_OUT}); default 10 minutes. */
    public WaitOptions timeout(Duration timeout) {
        if (timeout == null || timeout.isNegative()) {
            throw new IllegalArgumentException("timeout must not be negative, was " + timeout);
        }
        return new WaitOptions(awaited, failOn, extraStatuses, timeout, minInterval, maxInterval, clock, sleeper);
    }

    /**
     * Polls {@code min} apart at first; each further wait is drawn at random between {@code min} and twice the
     * previous cap, never more than {@code max}. Defaults: 2 s and 30 s.
     */
    public WaitOptions pollInterval(Duration min, Duration max) {
        if (min == null || max == null || min.toMillis() <= 0 || max.compareTo(min) < 0) {
            throw new IllegalArgumentException("poll interval: need 1 ms <= min <= max, was " + min + " and " + max);
        }
        return new WaitOptions(awaited, failOn, extraStatuses, timeout, min, max, clock, sleeper);
    }

    /**
     * The states that end the wait at once as {@link WaitResult.Outcome#FAILED_STATE} (replacing the default:
     * FAILED, and DELETED unless awaited). An awaited state is never a failure.
     */
    public WaitOptions failOn(NotebookState... states) {
        EnumSet<NotebookState> set = EnumSet.noneOf(NotebookState.class);
        for (NotebookState s : states) {
            set.add(Objects.requireNonNull(s, "state"));
        }
        return new WaitOptions(awaited, Collections.unmodifiableSet(set), extraStatuses, timeout, minInterval,
                maxInterval, clock, sleeper);
    }

    /**
     * Reads the status word {@code raw} as {@code state} during this wait, over the platform's {@link StateMapping}:
     * for words a platform uses but does not document (SCNet documents only {@code Waiting} and {@code Running};
     * e.g. {@code mapStatus("Failed", FAILED)}). Exact match, as the mapping.
     */
    public WaitOptions mapStatus(String raw, NotebookState state) {
        if (raw == null || raw.isEmpty()) {
            throw new IllegalArgumentException("mapStatus: raw status must not be empty");
        }
        Map<String, NotebookState> m = new LinkedHashMap<>(extraStatuses);
        m.put(raw, Objects.requireNonNull(state, "state"));
        return new WaitOptions(awaited, failOn, Collections.unmodifiableMap(m), timeout, minInterval, maxInterval,
                clock, sleeper);
    }

    /**
     * The clock that measures the timeout and what waits between polls (a test passes a fake pair and never
     * sleeps). Default: the system clock and {@link Thread#sleep}.
     */
    public WaitOptions timeSource(Clock clock, Sleeper sleeper) {
        return new WaitOptions(awaited, failOn, extraStatuses, timeout, minInterval, maxInterval,
                Objects.requireNonNull(clock, "clock"), Objects.requireNonNull(sleeper, "sleeper"));
    }

    /** The awaited states. */
    public Set<NotebookState> states() {
        return awaited;
    }

    /** The states that end the wait as a failure. */
    public Set<NotebookState> failureStates() {
        if (failOn != null) {
            EnumSet<NotebookState> set = failOn.isEmpty() ? EnumSet.noneOf(NotebookState.class) : EnumSet.copyOf(failOn);
            set.removeAll(awaited);
            return Collections.unmodifiableSet(set);
        }
        EnumSet<NotebookState> set = EnumSet.of(NotebookState.FAILED, NotebookState.DELETED);
        set.removeAll(awaited);
        return Collections.unmodifiableSet(set);
    }

    public Duration timeout() {
        return timeout;
    }

    Duration minInterval() {
        return minInterval;
    }

    Duration maxInterval() {
        return maxInterval;
    }

    Clock clock() {
        return clock;
    }

    Sleeper sleeper() {
        return sleeper;
    }

    NotebookState map(StateMapping mapping, String raw) {
        NotebookState extra = raw == null ? null : extraStatuses.get(raw);
        return extra != null ? extra : mapping.map(raw);
    }

    @Override
    public String toString() {
        return "WaitOptions{until " + awaited + ", failOn " + failureStates() + ", timeout " + timeout
                + ", poll " + minInterval + ".." + maxInterval
                + (extraStatuses.isEmpty() ? "" : ", statuses " + extraStatuses) + '}';
    }
}
