package org.contractfirst.notebooks.inventory.cli;

import org.contractfirst.notebooks.inventory.Platform;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The embedded default: one Prism mock ({@code prism mock --errors}, static: the first documented example of
 * each operation) per API, on ports of 127.0.0.1 the system picks, started together and stopped by {@link #close()}.
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
            // All started before any is awaited: they boot concurrently. Port 0: the system picks a free port and
            // Prism logs it ("Prism is listening on http://127.0.0.1:<port>"); no free-port guess another process
            // could take first.
            Map<Platform, Path> logs = new EnumMap<>(Platform.class);
            for (Platform p : platforms) {
                Path log = Files.createTempFile("notebooks-prism-" + p.id(), ".log");
                log.toFile().deleteOnExit();
                Process process = new ProcessBuilder(prism.toString(), "mock", "--errors", "--host", "127.0.0.1",
                        "--port", "0", home.resolve(SPECS.get(p)).toString())
                        .redirectErrorStream(true).redirectOutput(log.toFile()).start();
                mocks.processes.add(process);
                logs.put(p, log);
            }
            long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
            int i = 0;
            for (Map.Entry<Platform, Path> e : logs.entrySet()) {
                int port = awaitListening(mocks.processes.get(i++), e.getValue(), deadline, e.getKey());
                mocks.baseUrls.put(e.getKey(), "http://127.0.0.1:" + port + "/");
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

    /** Prism 5's line once it listens (after the listen callback): the port it bound. */
    private static final Pattern LISTENING = Pattern.compile("Prism is listening on https?://[^\\s:]+:(\\d+)");
    private static final Pattern ANSI = Pattern.compile("\u001B\\[[;\\d]*m");

    /** The port in {@code output}'s "Prism is listening on" line, or -1. */
    static int listeningPort(String output) {
        Matcher m = LISTENING.matcher(ANSI.matcher(output).replaceAll(""));
        return m.find() ? Integer.parseInt(m.group(1)) : -1;
    }

    private static int awaitListening(Process process, Path log, long deadline, Platform p)
            throws IOException, InterruptedException {
        while (System.nanoTime() < deadline) {
            boolean alive = process.isAlive(); // before reading: a line written just before exiting is still seen
            int port = listeningPort(Files.readString(log, StandardCharsets.UTF_8));
            if (port > 0) {
                return port;
            }
            if (!alive) {
                throw new IOException("the Prism mock of " + p.id() + " exited with " + process.exitValue() + ": " + lastLine(log));
            }
            Thread.sleep(50);
        }
        throw new IOException("the Prism mock of " + p.id() + " did not listen within " + START_TIMEOUT.toSeconds() + " s");
    }

    private static String lastLine(Path log) throws IOException {
        List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
        return lines.isEmpty() ? "(no output)" : ANSI.matcher(lines.get(lines.size() - 1)).replaceAll("").strip();
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
}
