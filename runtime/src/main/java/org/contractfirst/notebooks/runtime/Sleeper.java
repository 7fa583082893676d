package org.contractfirst.notebooks.runtime;

import java.time.Duration;

/**
 * How a client waits between retries and between the polls of a wait: {@link #THREAD_SLEEP} unless a test
 * records the waits instead ({@link ClientOptions.Builder#retrySleeper}, {@code WaitOptions.timeSource}).
 */
@FunctionalInterface
public interface Sleeper {

    /** The real wait. */
    Sleeper THREAD_SLEEP = d -> Thread.sleep(d.toMillis());

    void sleep(Duration duration) throws InterruptedException;
}
