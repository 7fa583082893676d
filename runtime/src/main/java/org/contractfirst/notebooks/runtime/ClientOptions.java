package org.contractfirst.notebooks.runtime;

import io.opentelemetry.api.OpenTelemetry;
import okhttp3.OkHttpClient;
import okhttp3.logging.HttpLoggingInterceptor;

import java.time.Duration;
import java.util.Objects;

/**
 * Transport settings of a service client: timeouts, retries, optional HTTP logging and the OkHttpClient
 * whose connection pool and threads every client shares. Immutable; start from {@link #defaults()}.
 */
public final class ClientOptions {

    /** HTTP logging: NONE, BASIC (request and status lines) or HEADERS (with credentials redacted). Bodies are never logged. */
    public enum HttpLog { NONE, BASIC, HEADERS }

    private final Duration connectTimeout;
    private final Duration readTimeout;
    private final Duration writeTimeout;
    private final Duration callTimeout;
    private final RetryPolicy retryPolicy;
    private final HttpLog httpLog;
    private final HttpLoggingInterceptor.Logger logger;
    private final OkHttpClient baseClient;
    private final RetryInterceptor.Sleeper sleeper;
    // Null when off. The OpenTelemetry API is an optional dependency: this field's type is resolved only when used.
    private final OpenTelemetry openTelemetry;

    private ClientOptions(Duration connectTimeout, Duration readTimeout, Duration writeTimeout, Duration callTimeout,
                          RetryPolicy retryPolicy, HttpLog httpLog, HttpLoggingInterceptor.Logger logger,
                          OkHttpClient baseClient, RetryInterceptor.Sleeper sleeper, OpenTelemetry openTelemetry) {
        this.connectTimeout = Objects.requireNonNull(connectTimeout, "connectTimeout");
        this.readTimeout = Objects.requireNonNull(readTimeout, "readTimeout");
        this.writeTimeout = Objects.requireNonNull(writeTimeout, "writeTimeout");
        this.callTimeout = Objects.requireNonNull(callTimeout, "callTimeout");
        this.retryPolicy = Objects.requireNonNull(retryPolicy, "retryPolicy");
        this.httpLog = Objects.requireNonNull(httpLog, "httpLog");
        this.logger = Objects.requireNonNull(logger, "logger");
        this.baseClient = Objects.requireNonNull(baseClient, "baseClient");
        this.sleeper = Objects.requireNonNull(sleeper, "sleeper");
        this.openTelemetry = openTelemetry;
    }

    /** Connect 10 s, read 30 s, write 30 s, whole call (retries included) 2 min; default retries; no logging; shared OkHttpClient. */
    public static ClientOptions defaults() {
        return new ClientOptions(Duration.ofSeconds(10), Duration.ofSeconds(30), Duration.ofSeconds(30),
                Duration.ofMinutes(2), RetryPolicy.defaults(), HttpLog.NONE, SystemLogger.INSTANCE, SharedHttpClient.get(),
                RetryInterceptor.THREAD_SLEEP, null);
    }

    public ClientOptions withTimeouts(Duration connect, Duration read, Duration write, Duration call) {
        return new ClientOptions(connect, read, write, call, retryPolicy, httpLog, logger, baseClient, sleeper, openTelemetry);
    }

    public ClientOptions withRetryPolicy(RetryPolicy policy) {
        return new ClientOptions(connectTimeout, readTimeout, writeTimeout, callTimeout, policy, httpLog, logger, baseClient, sleeper, openTelemetry);
    }

    /** Logs HTTP traffic to {@code logger}; X-Auth-Token, token, Authorization, X-Security-Token and Proxy-Authorization are redacted. */
    public ClientOptions withHttpLog(HttpLog level, HttpLoggingInterceptor.Logger logger) {
        return new ClientOptions(connectTimeout, readTimeout, writeTimeout, callTimeout, retryPolicy, level, logger, baseClient, sleeper, openTelemetry);
    }

    /** Shares the connection pool and dispatcher of {@code client} (settings are applied on a derived client). */
    public ClientOptions withBaseClient(OkHttpClient client) {
        return new ClientOptions(connectTimeout, readTimeout, writeTimeout, callTimeout, retryPolicy, httpLog, logger, client, sleeper, openTelemetry);
    }

    /** How the client waits between retries (a test can record the waits instead of sleeping). */
    public ClientOptions withRetrySleeper(RetryInterceptor.Sleeper sleeper) {
        return new ClientOptions(connectTimeout, readTimeout, writeTimeout, callTimeout, retryPolicy, httpLog, logger, baseClient, sleeper, openTelemetry);
    }

    /**
     * Traces and metrics through {@code openTelemetry} (off by default; null, or {@code OpenTelemetry.noop()}, turns
     * them off): per operation call one CLIENT span named like {@code ModelArts.listNotebooks}, covering its retries,
     * with the HTTP semantic-convention attributes, the request id and the service's error code (query values
     * redacted, no header values), and the histogram {@code notebooks.client.operation.duration} (seconds). Needs
     * {@code io.opentelemetry:opentelemetry-api} on the classpath (an optional dependency of the runtime); nothing is
     * added to the requests. See the README, "Traces and metrics".
     */
    public ClientOptions withOpenTelemetry(OpenTelemetry openTelemetry) {
        return new ClientOptions(connectTimeout, readTimeout, writeTimeout, callTimeout, retryPolicy, httpLog, logger, baseClient, sleeper, openTelemetry);
    }

    /** The OpenTelemetry instance of {@link #withOpenTelemetry}, or null (telemetry off). */
    public OpenTelemetry openTelemetry() {
        return openTelemetry;
    }

    public RetryInterceptor.Sleeper retrySleeper() {
        return sleeper;
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

    public HttpLoggingInterceptor.Logger logger() {
        return logger;
    }

    public OkHttpClient baseClient() {
        return baseClient;
    }

    /** Default log sink: {@link System.Logger} "org.contractfirst.notebooks.http" at INFO. */
    private enum SystemLogger implements HttpLoggingInterceptor.Logger {
        INSTANCE;

        private final System.Logger logger = System.getLogger("org.contractfirst.notebooks.http");

        @Override
        public void log(String message) {
            logger.log(System.Logger.Level.INFO, message);
        }
    }
}
