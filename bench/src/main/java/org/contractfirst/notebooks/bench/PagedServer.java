package org.contractfirst.notebooks.bench;

import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A loopback server answering offset/limit pages (rendered once per offset and limit, then served from memory)
 * after an optional fixed delay: the inventory benchmark's stand-in for one API.
 */
final class PagedServer implements AutoCloseable {

    /** Renders the page of {@code limit} items from {@code offset}. */
    interface Renderer {
        byte[] page(int offset, int limit);
    }

    static {
        // Write the response without waiting for delayed ACKs (Nagle), as production servers do (as StaticServer).
        System.setProperty("sun.net.httpserver.nodelay", "true");
    }

    private final HttpServer server;
    private final ExecutorService executor;
    private final Map<Long, byte[]> pages = new ConcurrentHashMap<>();
    private final AtomicInteger requests = new AtomicInteger();

    PagedServer(long delayMillis, Renderer renderer) throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 64);
        executor = Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "paged-server");
            t.setDaemon(true);
            return t;
        });
        server.setExecutor(executor);
        server.createContext("/", exchange -> {
            requests.incrementAndGet();
            exchange.getRequestBody().readAllBytes();
            URI uri = exchange.getRequestURI();
            int offset = query(uri, "offset", 0), limit = query(uri, "limit", 100);
            byte[] body = pages.computeIfAbsent(((long) offset << 32) | limit, k -> renderer.page(offset, limit));
            if (delayMillis > 0) {
                try {
                    Thread.sleep(delayMillis);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        server.start();
    }

    String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/";
    }

    int requests() {
        return requests.get();
    }

    private static int query(URI uri, String name, int otherwise) {
        String q = uri.getRawQuery();
        if (q == null) {
            return otherwise;
        }
        for (String part : q.split("&")) {
            if (part.startsWith(name + "=")) {
                return Integer.parseInt(part.substring(name.length() + 1));
            }
        }
        return otherwise;
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
