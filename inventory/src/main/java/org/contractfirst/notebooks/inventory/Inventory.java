package org.contractfirst.notebooks.inventory;

import org.contractfirst.notebooks.runtime.ApiException;

import java.io.InterruptedIOException;
import java.io.UncheckedIOException;
import java.net.ConnectException;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Lists every source at once, each on its own thread and under its own deadline (counted from the start of the
 * listing). A source that fails or runs out of time gives an error entry and nothing else: its instances
 * fetched so far are dropped (a half list would read as a whole one), and the other sources are unaffected.
 */
public final class Inventory {

    private Inventory() {
    }

    public static InventoryResult list(List<NotebookSource> sources) {
        AtomicInteger threadNo = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, sources.size()), r -> {
            Thread t = new Thread(r, "inventory-source-" + threadNo.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        try {
            long start = System.nanoTime();
            List<Future<Collected>> futures = new ArrayList<>();
            for (NotebookSource source : sources) {
                futures.add(pool.submit(() -> collect(source)));
            }
            List<NotebookInstance> instances = new ArrayList<>();
            List<SourceError> errors = new ArrayList<>();
            int answered = 0;
            for (int i = 0; i < sources.size(); i++) {
                NotebookSource source = sources.get(i);
                Future<Collected> future = futures.get(i);
                long remaining = start + source.deadline().toNanos() - System.nanoTime();
                try {
                    Collected c = future.get(Math.max(0, remaining), java.util.concurrent.TimeUnit.NANOSECONDS);
                    if (c.failure != null) {
                        errors.addAll(c.errors);
                        errors.add(errorOf(source.platform(), source.name(), null, c.failure));
                    } else {
                        instances.addAll(c.instances);
                        errors.addAll(c.errors);
                        if (c.errors.isEmpty()) {
                            answered++;
                        }
                    }
                } catch (TimeoutException e) {
                    future.cancel(true);
                    errors.add(new SourceError(source.platform(), source.name(), null, null, "DEADLINE_EXCEEDED",
                            "no complete answer within the source's deadline of " + source.deadline().toMillis() + " ms",
                            null));
                } catch (ExecutionException e) {
                    errors.add(errorOf(source.platform(), source.name(), null, e.getCause()));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    errors.add(new SourceError(source.platform(), source.name(), null, null, "INTERRUPTED",
                            "the listing was interrupted", null));
                }
            }
            return new InventoryResult(instances, errors, sources.size(), answered);
        } finally {
            pool.shutdownNow();
        }
    }

    private record Collected(List<NotebookInstance> instances, List<SourceError> errors, Throwable failure) {
    }

    private static Collected collect(NotebookSource source) {
        List<NotebookInstance> instances = new ArrayList<>();
        List<SourceError> errors = new ArrayList<>();
        try {
            source.fetcher().fetch(new NotebookSource.Sink() {
                @Override
                public void instance(NotebookInstance instance) {
                    instances.add(instance);
                }

                @Override
                public void error(SourceError error) {
                    errors.add(error);
                }
            });
            return new Collected(instances, errors, null);
        } catch (Throwable t) {
            return new Collected(List.of(), errors, t);
        }
    }

    /** The error entry for a failure: the service's status, code, message and request id when it answered. */
    public static SourceError errorOf(Platform platform, String source, String instanceId, Throwable failure) {
        Throwable t = failure;
        while ((t instanceof UncheckedIOException || t instanceof ExecutionException
                || t.getClass() == RuntimeException.class) && t.getCause() != null) {
            t = t.getCause();
        }
        if (t instanceof ApiException api) {
            String message = api.errorMessage() != null ? api.errorMessage() : api.getMessage();
            return new SourceError(platform, source, instanceId, api.httpStatus(), api.errorCode(), message,
                    api.requestId());
        }
        if (t instanceof ConfigurationException) {
            return new SourceError(platform, source, instanceId, null, "CONFIGURATION", t.getMessage(), null);
        }
        if (t instanceof InterruptedIOException || t instanceof InterruptedException) {
            return new SourceError(platform, source, instanceId, null, "DEADLINE_EXCEEDED",
                    "timed out: " + t.getMessage(), null);
        }
        if (t instanceof ConnectException || t instanceof UnknownHostException
                || t instanceof java.io.IOException) {
            return new SourceError(platform, source, instanceId, null, "CONNECTION_FAILED", t.toString(), null);
        }
        return new SourceError(platform, source, instanceId, null, "CLIENT_ERROR", t.toString(), null);
    }
}
