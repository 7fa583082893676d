package org.contractfirst.notebooks.contract.support;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * The Prism processes of this test run, one per spec and mode. {@link PrismMocksListener} queues every one the
 * run's test classes ask for ({@link PrismMock}) when the run starts, in test-plan order; they boot concurrently,
 * {@link #PARALLEL} at a time (a Prism start is CPU-bound: more at once on few cores only delays the first one a
 * test waits for), and a test waits only for its own. A spec not queued ahead (a listener-less run) is started
 * when first asked for. All are stopped when the run ends.
 */
final class PrismServers {

    static final int PARALLEL = Math.max(2, Runtime.getRuntime().availableProcessors());

    private static final Map<String, Future<PrismServer>> SERVERS = new LinkedHashMap<>();
    private static final List<PrismServer.Launched> LAUNCHED = new ArrayList<>();
    private static ExecutorService starter;

    private PrismServers() {
    }

    static String key(PrismMock mock) {
        return mock.value() + (mock.dynamic() ? " (dynamic)" : "");
    }

    /** Queues every mock not started yet; returns at once. */
    static synchronized void launchAll(Collection<PrismMock> mocks) {
        for (PrismMock mock : mocks) {
            future(mock);
        }
    }

    /** The running server of {@code mock}, started now if it was not queued, once it listens. */
    static PrismServer server(PrismMock mock) throws InterruptedException {
        Future<PrismServer> server;
        synchronized (PrismServers.class) {
            server = future(mock);
        }
        try {
            return server.get();
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
        }
    }

    private static Future<PrismServer> future(PrismMock mock) {
        return SERVERS.computeIfAbsent(key(mock), k -> {
            if (starter == null) {
                starter = Executors.newFixedThreadPool(PARALLEL, r -> {
                    Thread t = new Thread(r, "prism-start");
                    t.setDaemon(true);
                    return t;
                });
            }
            return starter.submit(() -> {
                PrismServer.Launched launched = PrismServer.launch(mock.value(), mock.dynamic());
                synchronized (PrismServers.class) {
                    LAUNCHED.add(launched);
                }
                return launched.await();
            });
        });
    }

    /** Stops every Prism of the run (and any start still under way). */
    static synchronized void closeAll() throws InterruptedException {
        if (starter != null) {
            starter.shutdownNow();
            starter = null;
        }
        for (PrismServer.Launched l : LAUNCHED) {
            l.close();
        }
        LAUNCHED.clear();
        SERVERS.clear();
    }
}
