package org.contractfirst.notebooks.inventory.cli;

import org.contractfirst.notebooks.inventory.Platform;

import java.io.IOException;
import java.net.HttpURLConnection;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * The embedded default: one Prism mock ({@code prism mock --errors}, static: the first documented example of
 * each operation) per API, on free ports of 127.0.0.1, started together and stopped by {@link #close()}.
 */
final class PrismMocks implements AutoCloseable {

    /** The spec file of each API, relative to the repository. */
    static final Map<Platform, String> SPECS = Map.of(
            Platform.MODELARTS, "specs/modelarts/list-notebooks.yaml",
            Platform.MODELARTS_OLD, "specs/modelarts/list-devenv-instances.yaml",
            Platform.EIHEALTH, "specs/eihealth/list-notebooks.yaml",
            Platform.SCNET, "specs/scnet/get-instance-service-detail.yaml");

    private static final Duration START_TIMEOUT = Duration.ofSeconds(90);

    private final Map<Platform, String> baseUrls = new EnumMap<>(Platform.class);
    private final List<Process> processes = new ArrayList<>();

    private PrismMocks() {
    }

    static PrismMocks start(Path home, Set<Platform> platforms) throws IOException, InterruptedException {
        Path prism = home.resolve("node_modules/.bin/prism");
        if (!Files.isExecutable(prism)) {
            throw new IOException("Prism not found at " + prism + ": run 'npm ci' in " + home.toAbsolutePath().normalize());
        }
        PrismMocks mocks = new PrismMocks();
        try {
            Map<Platform, Integer> ports = new EnumMap<>(Platform.class);
            for (Platform p : platforms) {
                int port = freePort();
                Path log = Files.createTempFile("notebooks-prism-" + p.id(), ".log");
                log.toFile().deleteOnExit();
                Process process = new ProcessBuilder(prism.toString(), "mock", "--errors", "--host", "127.0.0.1",
                        "--port", Integer.toString(port), home.resolve(SPECS.get(p)).toString())
                        .redirectErrorStream(true).redirectOutput(log.toFile()).start();
                mocks.processes.add(process);
                ports.put(p, port);
            }
            long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
            int i = 0;
            for (Map.Entry<Platform, Integer> e : ports.entrySet()) {
                String url = "http://127.0.0.1:" + e.getValue() + "/";
                awaitReady(mocks.processes.get(i++), url, deadline, e.getKey());
                mocks.baseUrls.put(e.getKey(), url);
            }
            return mocks;
        } catch (IOException | InterruptedException | RuntimeException e) {
            mocks.close();
            throw e;
        }
    }

    String baseUrl(Platform platform) {
        return baseUrls.get(platform);
    }

    private static void awaitReady(Process process, String url, long deadline, Platform p)
            throws IOException, InterruptedException {
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IOException("the Prism mock of " + p.id() + " exited with " + process.exitValue());
            }
            try {
                HttpURLConnection c = (HttpURLConnection) URI.create(url).toURL().openConnection();
                c.setConnectTimeout(500);
                c.setReadTimeout(2000);
                c.getResponseCode(); // any HTTP answer means it is up
                c.disconnect();
                return;
            } catch (IOException notYet) {
                Thread.sleep(100);
            }
        }
        throw new IOException("the Prism mock of " + p.id() + " did not answer within " + START_TIMEOUT.toSeconds() + " s");
    }

    @Override
    public void close() {
        for (Process p : processes) {
            p.descendants().forEach(ProcessHandle::destroy);
            p.destroy();
        }
        for (Process p : processes) {
            try {
                if (!p.waitFor(10, TimeUnit.SECONDS)) {
                    p.descendants().forEach(ProcessHandle::destroyForcibly);
                    p.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                p.destroyForcibly();
            }
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
