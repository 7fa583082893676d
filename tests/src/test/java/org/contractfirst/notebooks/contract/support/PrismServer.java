package org.contractfirst.notebooks.contract.support;

import java.io.IOException;
import java.net.HttpURLConnection;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** One running Prism mock server ({@code prism mock --errors}) for one spec file. */
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

    /** Starts Prism for {@code spec} (relative to the specs folder) and waits until it answers HTTP. */
    static PrismServer start(String spec, boolean dynamic) throws IOException, InterruptedException {
        Path prism = Path.of(requiredProperty("prism.bin"));
        Path specFile = Path.of(requiredProperty("specs.dir")).resolve(spec);
        if (!Files.isExecutable(prism)) {
            throw new IllegalStateException("Prism not found at " + prism + "; run 'npm ci' in the repository root");
        }
        if (!Files.isRegularFile(specFile)) {
            throw new IllegalStateException("spec not found: " + specFile);
        }
        int port = freePort();
        Path log = Files.createTempFile("prism-" + specFile.getFileName(), ".log");
        List<String> command = new java.util.ArrayList<>(List.of(prism.toString(), "mock", "--errors",
                "--host", "127.0.0.1", "--port", Integer.toString(port)));
        if (dynamic) {
            command.addAll(List.of("--dynamic", "--seed", SEED, "--verboseLevel", "warn"));
        }
        command.add(specFile.toString());
        long startNanos = System.nanoTime();
        Process process = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .start();
        PrismServer server = new PrismServer(spec, process, log, port);
        try {
            server.awaitReady();
        } catch (RuntimeException | InterruptedException e) {
            server.close();
            throw e;
        }
        recordStartup(spec + (dynamic ? " (dynamic)" : ""), Duration.ofNanos(System.nanoTime() - startNanos));
        return server;
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

    private void awaitReady() throws InterruptedException {
        long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("Prism for " + spec + " exited with " + process.exitValue()
                        + ":\n" + tail());
            }
            try {
                HttpURLConnection c = (HttpURLConnection) URI.create(baseUrl()).toURL().openConnection();
                c.setConnectTimeout(500);
                c.setReadTimeout(2000);
                c.getResponseCode(); // any HTTP answer (404 for "/") means the server is up
                c.disconnect();
                return;
            } catch (IOException notYet) {
                Thread.sleep(200);
            }
        }
        throw new IllegalStateException("Prism for " + spec + " did not answer within " + START_TIMEOUT + ":\n" + tail());
    }

    /** The last lines Prism printed, for failure messages. */
    public String tail() {
        try {
            List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
        } catch (IOException e) {
            return "(no Prism log: " + e.getMessage() + ")";
        }
    }

    @Override
    public void close() throws InterruptedException {
        process.descendants().forEach(ProcessHandle::destroy);
        process.destroy();
        if (!process.waitFor(10, TimeUnit.SECONDS)) {
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
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
