package org.contractfirst.notebooks.runtime.state;

import org.contractfirst.notebooks.runtime.ApiException;
import org.contractfirst.notebooks.runtime.internal.Exceptions;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.EnumSet;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.contractfirst.notebooks.runtime.state.NotebookState.*;

/** The polling loop on its own: a scripted probe, a fake clock, recorded waits. */
class WaiterUnitTest {

    private long now = 0;
    private final List<Duration> sleeps = new ArrayList<>();
    private final Clock clock = new Clock() {
        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return Instant.ofEpochMilli(now);
        }
    };

    private WaitOptions until(NotebookState... states) {
        return WaitOptions.until(EnumSet.copyOf(List.of(states))).timeSource(clock, d -> {
            sleeps.add(d);
            now += d.toMillis();
        });
    }

    /** Each poll answers the next status ("-" for not returned, an exception to throw); the last one repeats. */
    private static Waiter.Probe<String> probe(Object... answers) {
        Deque<Object> queue = new ArrayDeque<>(List.of(answers));
        return () -> {
            Object a = queue.size() > 1 ? queue.poll() : queue.peek();
            if (a instanceof IOException e) {
                throw e;
            }
            return "-".equals(a) ? null : (String) a;
        };
    }

    private static ApiException error(int status) {
        return Exceptions.api(null, status, "E." + status, "m", "req-" + status, null, "GET", "/x", null);
    }

    private WaitResult<String> await(WaitOptions o, Waiter.Probe<String> probe) throws IOException {
        return Waiter.await(o, StateMapping.MODELARTS, probe, s -> s);
    }

    @Test
    void backoffStartsAtTheMinimumDoublesItsCapAndNeverPassesTheMaximum() {
        WaitOptions o = until(RUNNING).pollInterval(Duration.ofSeconds(2), Duration.ofSeconds(30));
        assertThat(Waiter.backoff(o, 0)).isEqualTo(Duration.ofSeconds(2));
        for (int i = 0; i < 500; i++) {
            assertThat(Waiter.backoff(o, 1)).isBetween(Duration.ofSeconds(2), Duration.ofSeconds(4));
            assertThat(Waiter.backoff(o, 3)).isBetween(Duration.ofSeconds(2), Duration.ofSeconds(16));
            assertThat(Waiter.backoff(o, 60)).isBetween(Duration.ofSeconds(2), Duration.ofSeconds(30));
        }
        // jitter: not always the same delay
        assertThat(java.util.stream.IntStream.range(0, 50).mapToObj(i -> Waiter.backoff(o, 5)).distinct().count())
                .isGreaterThan(1);
    }

    @Test
    void theLastWaitIsCutToTheTimeoutAndOneMorePollIsMadeThere() throws IOException {
        WaitResult<String> r = await(until(RUNNING).timeout(Duration.ofSeconds(5))
                .pollInterval(Duration.ofSeconds(3), Duration.ofSeconds(3)), probe("STARTING"));
        assertThat(sleeps).containsExactly(Duration.ofSeconds(3), Duration.ofSeconds(2));
        assertThat(r.outcome()).isEqualTo(WaitResult.Outcome.TIMED_OUT);
        assertThat(r.polls()).isEqualTo(3);
        assertThat(r.elapsed()).isEqualTo(Duration.ofSeconds(5));
    }

    @Test
    void unknownStatusesAreWaitedThroughAndMapStatusNamesThem() throws IOException {
        WaitResult<String> r = await(until(RUNNING), probe("HIBERNATING", "WARMING", "RUNNING"));
        assertThat(r.outcome()).isEqualTo(WaitResult.Outcome.REACHED);
        assertThat(r.polls()).isEqualTo(3);

        WaitResult<String> mapped = await(until(RUNNING).mapStatus("WARMING", FAILED), probe("HIBERNATING", "WARMING"));
        assertThat(mapped.outcome()).isEqualTo(WaitResult.Outcome.FAILED_STATE);
        assertThat(mapped.rawStatus()).isEqualTo("WARMING");
    }

    @Test
    void deletedIsAFailureUnlessAwaited() throws IOException {
        assertThat(await(until(RUNNING), probe("DELETED")).outcome()).isEqualTo(WaitResult.Outcome.FAILED_STATE);
        assertThat(await(until(DELETED), probe("DELETING", "DELETED")).outcome()).isEqualTo(WaitResult.Outcome.REACHED);
        assertThat(until(RUNNING).failureStates()).containsExactlyInAnyOrder(FAILED, DELETED);
        assertThat(until(DELETED, FAILED).failureStates()).isEmpty();
        assertThat(until(RUNNING).failOn(STOPPED, RUNNING).failureStates()).as("an awaited state is never a failure")
                .containsExactly(STOPPED);
    }

    @Test
    void transientErrorsKeepTheWaitGoingOthersAreThrown() throws IOException {
        WaitResult<String> r = await(until(RUNNING), probe(error(502), error(504), "RUNNING"));
        assertThat(r.outcome()).isEqualTo(WaitResult.Outcome.REACHED);
        assertThat(r.polls()).isEqualTo(3);

        ApiException e = catchThrowableOfType(() -> await(until(RUNNING), probe("STARTING", error(500))),
                ApiException.class);
        assertThat(e.httpStatus()).isEqualTo(500);
        assertThat(e.requestId()).isEqualTo("req-500");

        IOException network = new IOException("connection reset");
        assertThat(catchThrowableOfType(() -> await(until(RUNNING), probe(network)), IOException.class))
                .isSameAs(network);
    }

    @Test
    void anInterruptedWaitThrowsInterruptedIoExceptionAndKeepsTheFlag() {
        WaitOptions o = WaitOptions.until(RUNNING).timeSource(clock, d -> {
            throw new InterruptedException();
        });
        try {
            assertThat(catchThrowableOfType(() -> Waiter.await(o, StateMapping.MODELARTS, probe("STARTING"), s -> s),
                    InterruptedIOException.class)).hasMessage("interrupted while waiting for the instance's state");
            assertThat(Thread.currentThread().isInterrupted()).isTrue();
        } finally {
            Thread.interrupted();
        }
    }

    @Test
    void invalidOptionsNameWhatIsWrong() {
        assertThat(catchThrowableOfType(() -> WaitOptions.until(EnumSet.noneOf(NotebookState.class)),
                IllegalArgumentException.class)).hasMessage("states: at least one state to wait for");
        assertThat(catchThrowableOfType(() -> WaitOptions.until(RUNNING).timeout(Duration.ofSeconds(-1)),
                IllegalArgumentException.class)).hasMessage("timeout must not be negative, was PT-1S");
        assertThat(catchThrowableOfType(() -> WaitOptions.until(RUNNING).pollInterval(Duration.ofSeconds(5), Duration.ofSeconds(1)),
                IllegalArgumentException.class)).hasMessage("poll interval: need 1 ms <= min <= max, was PT5S and PT1S");
        assertThat(catchThrowableOfType(() -> WaitOptions.until(RUNNING).pollInterval(Duration.ZERO, Duration.ofSeconds(1)),
                IllegalArgumentException.class)).as("a zero minimum would poll without pause")
                .hasMessage("poll interval: need 1 ms <= min <= max, was PT0S and PT1S");
        assertThat(catchThrowableOfType(() -> WaitOptions.until(RUNNING).mapStatus("", FAILED),
                IllegalArgumentException.class)).hasMessage("mapStatus: raw status must not be empty");
    }

    @Test
    void optionsAreImmutableAndDescribeThemselves() {
        WaitOptions base = WaitOptions.until(RUNNING);
        WaitOptions longer = base.timeout(Duration.ofMinutes(30));
        assertThat(base.timeout()).isEqualTo(Duration.ofMinutes(10));
        assertThat(longer.timeout()).isEqualTo(Duration.ofMinutes(30));
        assertThat(base.mapStatus("Failed", FAILED).toString()).isEqualTo(
                "WaitOptions{until [RUNNING], failOn [FAILED, DELETED], timeout PT10M, poll PT2S..PT30S, statuses {Failed=FAILED}}");
    }

    @Test
    void theMappingsAreTheDocumentedTables() {
        assertThat(StateMapping.MODELARTS.map("CREATING")).isEqualTo(STARTING);
        assertThat(StateMapping.MODELARTS_OLD.map("READY_TO_START")).isEqualTo(PENDING);
        assertThat(StateMapping.EIHEALTH.map("Hibernate")).isEqualTo(STOPPED);
        assertThat(StateMapping.EIHEALTH.vendorUnknown()).isEqualTo("Unknown");
        assertThat(StateMapping.SCNET.map("Waiting")).isEqualTo(PENDING);
        assertThat(StateMapping.SCNET.map("running")).as("exact match").isEqualTo(UNKNOWN);
        assertThat(StateMapping.SCNET.map(null)).isEqualTo(UNKNOWN);
    }
}
