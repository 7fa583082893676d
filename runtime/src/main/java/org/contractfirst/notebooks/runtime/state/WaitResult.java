package org.contractfirst.notebooks.runtime.state;

import java.time.Duration;

/**
 * How a wait ended: the {@link Outcome}, the normalized state and raw status last seen, and the last instance
 * seen (the generated model, as the service sent it).
 *
 * @param <T> the platform's instance model ({@code NotebookResp}, {@code DeInstance}, {@code NotebookEntity},
 *            {@code InstanceServiceDetail})
 */
public final class WaitResult<T> {

    /** Why the wait ended. */
    public enum Outcome {
        /** The instance is in one of the awaited states ({@link #state()}). */
        REACHED,
        /** The instance is in a failure state ({@link WaitOptions#failureStates()}): waiting longer would not help. */
        FAILED_STATE,
        /** The timeout passed first; {@link #state()} is the last state seen (null if none was). */
        TIMED_OUT,
        /**
         * The service does not return the instance (not listed; SCNet: no data or HTTP 404; ModelArts: a 404
         * {@code ModelArts.6309}), and DELETED is not awaited.
         */
        NOT_FOUND
    }

    private final Outcome outcome;
    private final NotebookState state;
    private final String rawStatus;
    private final T instance;
    private final int polls;
    private final Duration elapsed;

    WaitResult(Outcome outcome, NotebookState state, String rawStatus, T instance, int polls, Duration elapsed) {
        this.outcome = outcome;
        this.state = state;
        this.rawStatus = rawStatus;
        this.instance = instance;
        this.polls = polls;
        this.elapsed = elapsed;
    }

    public Outcome outcome() {
        return outcome;
    }

    /** True when an awaited state was reached. */
    public boolean reached() {
        return outcome == Outcome.REACHED;
    }

    /**
     * The normalized state that ended the wait (REACHED, FAILED_STATE), else the last one seen; DELETED when an
     * awaited DELETED was reached because the instance is gone; null if the instance was never seen.
     */
    public NotebookState state() {
        return state;
    }

    /** The platform's status word of the last instance seen, or null. */
    public String rawStatus() {
        return rawStatus;
    }

    /** The last instance seen, or null if it was never seen. */
    public T instance() {
        return instance;
    }

    /** How many times the instance was asked for. */
    public int polls() {
        return polls;
    }

    /** Time from the start of the wait to its end, on the wait's clock. */
    public Duration elapsed() {
        return elapsed;
    }

    @Override
    public String toString() {
        return outcome + (state == null ? "" : " " + state) + (rawStatus == null ? "" : " (status " + rawStatus + ")")
                + " after " + polls + (polls == 1 ? " poll" : " polls") + " in " + elapsed;
    }
}
