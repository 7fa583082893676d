package org.contractfirst.notebooks.contract.support;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** One running Prism mock server ({@code prism mock --errors}) for one spec file, on a port the system picked. */
public final class PrismServer implements AutoCloseable {

    private static final Duration START_TIMEOUT = Duration.ofSeconds(90);

    private final String spec;
    private final Process process;
    private final Path log;
    private final int port;

    private PrismServer(String spec, Process process, Path log, int port) {
        this.spec = spec;
        this.process = process;
        this.log = log;
        this.port = port;
    }

    /** Fixed seed of dynamic mode, so that a failing generated response can be reproduced. */
    public static final String SEED = "contract-tests";

    /**
     * Starts Prism for {@code spec} (relative to the specs folder) on a port the system picks ({@code --port 0}:
     * no free-port guess that another process could take first) and returns at once; {@link Launched#await()}
     * waits until Prism logs the address it listens on. Launch several, then await them: they boot concurrently.
     */
    static Launched launch(String spec, boolean dynamic) throws IOException {
        Path prism = Path.of(requiredProperty("prism.bin"));
        Path specFile = Path.of(requiredProperty("specs.dir")).resolve(spec);
        if (!Files.isExecutable(prism)) {
            throw new IllegalStateException("Prism not found at " + prism + "; run 'npm ci' in the repository root");
        }
        if (!Files.isRegularFile(specFile)) {
            throw new IllegalStateException("spec not found: " + specFile);
        }
        Path log = Files.createTempFile("prism-" + specFile.getFileName(), ".log");
        // The default log level (info): "Prism is listening on <address>" is logged at a level above info only.
        List<String> command = new java.util.ArrayList<>(List.of(prism.toString(), "mock", "--errors",
                "--host", "127.0.0.1", "--port", "0"));
        if (dynamic) {
            command.addAll(List.of("--dynamic", "--seed", SEED));
        }
        command.add(specFile.toString());
        long startNanos = System.nanoTime();
        Process process = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .start();
        return new Launched(spec + (dynamic ? " (dynamic)" : ""), spec, process, log, startNanos);
    }

    /** A Prism process that was started and may not listen yet. */
    static final class Launched {
        private final String what;
        private final String spec;
        private final Process process;
        private final Path log;
        private final long startNanos;
        private PrismServer server;

        private Launched(String what, String spec, Process process, Path log, long startNanos) {
            this.what = what;
            this.spec = spec;
            this.process = process;
            this.log = log;
            this.startNanos = startNanos;
        }

        /** Waits until Prism logs its address (the port it bound); stops it if it does not come up. */
        synchronized PrismServer await() throws InterruptedException {
            if (server == null) {
                try {
                    int port = awaitListening(process, log, what);
                    server = new PrismServer(spec, process, log, port);
                } catch (RuntimeException | InterruptedException e) {
                    stop(process);
                    throw e;
                }
                recordStartup(what, Duration.ofNanos(System.nanoTime() - startNanos));
            }
            return server;
        }

        void close() throws InterruptedException {
            stop(process);
        }
    }

    /** Starts Prism for {@code spec} and waits until it listens. */
    static PrismServer start(String spec, boolean dynamic) throws IOException, InterruptedException {
        return launch(spec, dynamic).await();
    }

    /** Start-up times of this run, one "<millis> ms <spec>" line per Prism (BENCHMARKS.md sums them). */
    private static final Path STARTUP_LOG = Path.of("target", "prism-startup.txt");
    private static boolean startupLogFresh;

    private static synchronized void recordStartup(String what, Duration took) {
        String line = took.toMillis() + " ms " + what;
        System.out.println("[prism] started in " + line);
        try {
            Files.createDirectories(STARTUP_LOG.getParent());
            if (!startupLogFresh) {
                Files.deleteIfExists(STARTUP_LOG);
                startupLogFresh = true;
            }
            Files.writeString(STARTUP_LOG, line + System.lineSeparator(), StandardCharsets.UTF_8,
                    java.nio.file.StandardOpenOption.CREATE, java.nio.file.StandardOpenOption.APPEND);
        } catch (IOException e) {
            System.out.println("[prism] cannot write " + STARTUP_LOG.toAbsolutePath() + ": " + e.getMessage());
        }
    }

    /** Base URL for Retrofit, ending with a slash. */
    public String baseUrl() {
        return "http://127.0.0.1:" + port + "/";
    }

    public String spec() {
        return spec;
    }

    /** Prism's line once it listens, e.g. {@code [CLI] ▶  start     Prism is listening on http://127.0.0.1:41234}. */
    static final Pattern LISTENING = Pattern.compile("Prism is listening on https?://[^\\s:]+:(\\d+)");
    private static final Pattern ANSI = Pattern.compile("\u001B\\[[;\\d]*m");

    /** The port in the line Prism logs once it listens, read from its log file as it grows. */
    static int awaitListening(Process process, Path log, String what) throws InterruptedException {
        long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
        while (System.nanoTime() < deadline) {
            boolean alive = process.isAlive(); // before reading: a line written before exiting is still seen
            Integer port = listeningPort(readLog(log));
            if (port != null) {
                return port;
            }
            if (!alive) {
                throw new IllegalStateException("Prism for " + what + " exited with " + process.exitValue()
                        + " before listening:\n" + tail(log));
            }
            Thread.sleep(50);
        }
        throw new IllegalStateException("Prism for " + what + " did not listen within " + START_TIMEOUT + ":\n" + tail(log));
    }

    /** The port of the first "Prism is listening on" line of {@code output}, or null. */
    static Integer listeningPort(String output) {
        Matcher m = LISTENING.matcher(ANSI.matcher(output).replaceAll(""));
        return m.find() ? Integer.valueOf(m.group(1)) : null;
    }

    private static String readLog(Path log) {
        try {
            return Files.readString(log, StandardCharsets.UTF_8);
        } catch (IOException | java.io.UncheckedIOException e) {
            return "";
        }
    }

    /** The last lines Prism printed, for failure messages. */
    public String tail() {
        return tail(log);
    }

    private static String tail(Path log) {
        try {
            List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
        } catch (IOException e) {
            return "(no Prism log: " + e.getMessage() + ")";
        }
    }

    @Override
    public void close() throws InterruptedException {
        stop(process);
    }

    private static void stop(Process process) throws InterruptedException {
        process.descendants().forEach(ProcessHandle::destroy);
        process.destroy();
        if (!process.waitFor(10, TimeUnit.SECONDS)) {
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
    }

    private static String requiredProperty(String name) {
        String value = System.getProperty(name);
        if (value == null || value.isBlank()) {
            throw new IllegalStateException("system property " + name + " is not set (the tests module's surefire configuration sets it)");
        }
        return value;
    }
}
