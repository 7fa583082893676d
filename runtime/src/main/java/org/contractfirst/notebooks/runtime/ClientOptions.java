package org.contractfirst.notebooks.runtime;

import io.opentelemetry.api.OpenTelemetry;
import okhttp3.OkHttpClient;
import org.contractfirst.notebooks.runtime.contract.ContractCheck;
import org.contractfirst.notebooks.runtime.internal.SharedHttpClient;

import java.time.Duration;
import java.util.Objects;

/**
 * Transport settings of a service client: timeouts, retries, optional HTTP logging, traces and metrics, the contract
 * check, and the OkHttpClient whose connection pool and threads every client shares. Immutable; made with
 * {@link #builder()} ({@link #defaults()} is {@code builder().build()}), changed with {@link #toBuilder()}:
 *
 * <pre>{@code
 * ClientOptions options = ClientOptions.builder()
 *         .retryPolicy(RetryPolicy.builder().maxRetries(5).build())
 *         .httpLog(ClientOptions.HttpLog.BASIC)
 *         .build();
 * }</pre>
 */
public final class ClientOptions {

    /** HTTP logging: NONE, BASIC (request and status lines) or HEADERS (with credentials redacted). Bodies are never logged. */
    public enum HttpLog { NONE, BASIC, HEADERS }

    /** The logger HTTP logging writes to unless {@link Builder#httpLog(HttpLog, System.Logger)} names another. */
    public static final String HTTP_LOGGER = "org.contractfirst.notebooks.http";

    private final Duration connectTimeout;
    private final Duration readTimeout;
    private final Duration writeTimeout;
    private final Duration callTimeout;
    private final RetryPolicy retryPolicy;
    private final HttpLog httpLog;
    private final System.Logger logger;
    private final OkHttpClient baseClient;
    private final Sleeper sleeper;
    // Null when off. The OpenTelemetry API is an optional dependency: this field's type is resolved only when used.
    private final OpenTelemetry openTelemetry;
    private final ContractCheck.Mode contractCheck; // null: not set, the system property / environment variable decide

    private ClientOptions(Builder b) {
        this.connectTimeout = b.connectTimeout;
        this.readTimeout = b.readTimeout;
        this.writeTimeout = b.writeTimeout;
        this.callTimeout = b.callTimeout;
        this.retryPolicy = b.retryPolicy;
        this.httpLog = b.httpLog;
        this.logger = b.logger != null ? b.logger : System.getLogger(HTTP_LOGGER);
        this.baseClient = b.baseClient != null ? b.baseClient : SharedHttpClient.get();
        this.sleeper = b.sleeper;
        this.openTelemetry = b.openTelemetry;
        this.contractCheck = b.contractCheck;
    }

    /** Connect 10 s, read 30 s, write 30 s, whole call (retries included) 2 min; default retries; no logging; shared OkHttpClient. */
    public static ClientOptions defaults() {
        return builder().build();
    }

    /** A builder holding the {@link #defaults()}. */
    public static Builder builder() {
        return new Builder();
    }

    /** A builder holding these options. */
    public Builder toBuilder() {
        return new Builder(this);
    }

    public Duration connectTimeout() {
        return connectTimeout;
    }

    public Duration readTimeout() {
        return readTimeout;
    }

    public Duration writeTimeout() {
        return writeTimeout;
    }

    public Duration callTimeout() {
        return callTimeout;
    }

    public RetryPolicy retryPolicy() {
        return retryPolicy;
    }

    public HttpLog httpLog() {
        return httpLog;
    }

    /** Where HTTP logging writes (level INFO); {@link System.Logger} {@value #HTTP_LOGGER} unless set. */
    public System.Logger logger() {
        return logger;
    }

    public OkHttpClient baseClient() {
        return baseClient;
    }

    public Sleeper retrySleeper() {
        return sleeper;
    }

    /** The OpenTelemetry instance of {@link Builder#openTelemetry}, or null (telemetry off). */
    public OpenTelemetry openTelemetry() {
        return openTelemetry;
    }

    /** The contract check mode of {@link Builder#contractCheck}, or null when not set (then {@link ContractCheck#mode()} decides). */
    public ContractCheck.Mode contractCheck() {
        return contractCheck;
    }

    /** Builds {@link ClientOptions}; every setter rejects null (except {@link #openTelemetry}, where null means off). */
    public static final class Builder {

        private Duration connectTimeout = Duration.ofSeconds(10);
        private Duration readTimeout = Duration.ofSeconds(30);
        private Duration writeTimeout = Duration.ofSeconds(30);
        private Duration callTimeout = Duration.ofMinutes(2);
        private RetryPolicy retryPolicy = RetryPolicy.defaults();
        private HttpLog httpLog = HttpLog.NONE;
        private System.Logger logger; // null: System.getLogger(HTTP_LOGGER), looked up at build()
        private OkHttpClient baseClient; // null: the shared client
        private Sleeper sleeper = Sleeper.THREAD_SLEEP;
        private OpenTelemetry openTelemetry;
        private ContractCheck.Mode contractCheck;

        private Builder() {
        }

        private Builder(ClientOptions o) {
            connectTimeout = o.connectTimeout;
            readTimeout = o.readTimeout;
            writeTimeout = o.writeTimeout;
            callTimeout = o.callTimeout;
            retryPolicy = o.retryPolicy;
            httpLog = o.httpLog;
            logger = o.logger;
            baseClient = o.baseClient;
            sleeper = o.sleeper;
            openTelemetry = o.openTelemetry;
            contractCheck = o.contractCheck;
        }

        /** Connect, read, write and whole-call timeouts (the call timeout bounds a call with all its retries). */
        public Builder timeouts(Duration connect, Duration read, Duration write, Duration call) {
            this.connectTimeout = Objects.requireNonNull(connect, "connect");
            this.readTimeout = Objects.requireNonNull(read, "read");
            this.writeTimeout = Objects.requireNonNull(write, "write");
            this.callTimeout = Objects.requireNonNull(call, "call");
            return this;
        }

        public Builder retryPolicy(RetryPolicy policy) {
            this.retryPolicy = Objects.requireNonNull(policy, "retryPolicy");
            return this;
        }

        /**
         * Logs HTTP traffic at INFO to {@link System.Logger} {@value #HTTP_LOGGER} (which the JDK routes to
         * java.util.logging, or to SLF4J / Log4j with their {@code System.LoggerFinder} bridge); X-Auth-Token, token,
         * Authorization, X-Security-Token and Proxy-Authorization are redacted.
         */
        public Builder httpLog(HttpLog level) {
            this.httpLog = Objects.requireNonNull(level, "level");
            return this;
        }

        /** As {@link #httpLog(HttpLog)}, to {@code logger}. */
        public Builder httpLog(HttpLog level, System.Logger logger) {
            this.httpLog = Objects.requireNonNull(level, "level");
            this.logger = Objects.requireNonNull(logger, "logger");
            return this;
        }

        /** Shares the connection pool and dispatcher of {@code client} (settings are applied on a derived client). */
        public Builder baseClient(OkHttpClient client) {
            this.baseClient = Objects.requireNonNull(client, "baseClient");
            return this;
        }

        /** How the client waits between retries (a test can record the waits instead of sleeping). */
        public Builder retrySleeper(Sleeper sleeper) {
            this.sleeper = Objects.requireNonNull(sleeper, "sleeper");
            return this;
        }

        /**
         * Traces and metrics through {@code openTelemetry} (off by default; null, or {@code OpenTelemetry.noop()}, turns
         * them off): per operation call one CLIENT span named like {@code ModelArts.listNotebooks}, covering its retries,
         * with the HTTP semantic-convention attributes, the request id and the service's error code (query values
         * redacted, no header values), and the histogram {@code notebooks.client.operation.duration} (seconds). Needs
         * {@code io.opentelemetry:opentelemetry-api} on the classpath (an optional dependency of the runtime); nothing is
         * added to the requests.
         */
        public Builder openTelemetry(OpenTelemetry openTelemetry) {
            this.openTelemetry = openTelemetry;
            return this;
        }

        /**
         * Checks this client's traffic against its service's bundled spec ({@link ContractCheck}): {@code LOG},
         * {@code THROW}, or {@code OFF} (also when {@code -Dnotebooks.contractCheck} says otherwise). Without this
         * setting the documented process-wide opt-in {@link ContractCheck#mode()} applies.
         */
        public Builder contractCheck(ContractCheck.Mode mode) {
            this.contractCheck = Objects.requireNonNull(mode, "mode");
            return this;
        }

        public ClientOptions build() {
            return new ClientOptions(this);
        }
    }
}
