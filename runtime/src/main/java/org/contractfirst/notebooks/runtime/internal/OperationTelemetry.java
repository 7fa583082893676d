package org.contractfirst.notebooks.runtime.internal;

import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.common.AttributesBuilder;
import io.opentelemetry.api.metrics.DoubleHistogram;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanBuilder;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.ContextKey;
import io.opentelemetry.context.Scope;
import okhttp3.Call;
import okhttp3.EventListener;
import okhttp3.HttpUrl;
import okhttp3.Interceptor;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import org.contractfirst.notebooks.runtime.ApiException;
import retrofit2.Invocation;
import retrofit2.http.DELETE;
import retrofit2.http.GET;
import retrofit2.http.HEAD;
import retrofit2.http.PATCH;
import retrofit2.http.POST;
import retrofit2.http.PUT;

import java.io.IOException;
import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.WeakHashMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The traces and metrics of {@link ClientOptions.Builder#openTelemetry}: the only class of the runtime that uses the
 * OpenTelemetry API (an optional dependency), loaded only when a client is built with an OpenTelemetry instance.
 *
 * <p>One span of kind CLIENT per operation call, named {@code Service.operationId} (e.g.
 * {@code ModelArts.listNotebooks}), covering every attempt of the call (the retries and the waits between them);
 * HTTP semantic-convention attributes ({@code http.request.method}, {@code server.address}, {@code server.port},
 * {@code url.full} with every query value replaced by {@code REDACTED}, {@code url.template},
 * {@code http.response.status_code}, {@code error.type}, {@code http.request.resend_count}) and
 * {@code notebooks.service}, {@code notebooks.operation}, {@code notebooks.request_id}, {@code notebooks.error_code}.
 * No header value and no free text (error messages, exception messages) is recorded. Nothing is added to the request.
 * The histogram {@value #DURATION} (seconds) records the same call by service, operation, method, server, status and
 * error type.
 */
public final class OperationTelemetry implements Interceptor {

    static final String SCOPE = "org.contractfirst.notebooks";
    static final String DURATION = "notebooks.client.operation.duration";

    static final AttributeKey<String> HTTP_REQUEST_METHOD = AttributeKey.stringKey("http.request.method");
    static final AttributeKey<Long> HTTP_RESPONSE_STATUS_CODE = AttributeKey.longKey("http.response.status_code");
    static final AttributeKey<Long> HTTP_REQUEST_RESEND_COUNT = AttributeKey.longKey("http.request.resend_count");
    static final AttributeKey<String> SERVER_ADDRESS = AttributeKey.stringKey("server.address");
    static final AttributeKey<Long> SERVER_PORT = AttributeKey.longKey("server.port");
    static final AttributeKey<String> URL_FULL = AttributeKey.stringKey("url.full");
    static final AttributeKey<String> URL_TEMPLATE = AttributeKey.stringKey("url.template");
    static final AttributeKey<String> ERROR_TYPE = AttributeKey.stringKey("error.type");
    static final AttributeKey<String> SERVICE = AttributeKey.stringKey("notebooks.service");
    static final AttributeKey<String> OPERATION = AttributeKey.stringKey("notebooks.operation");
    static final AttributeKey<String> REQUEST_ID = AttributeKey.stringKey("notebooks.request_id");
    static final AttributeKey<String> ERROR_CODE = AttributeKey.stringKey("notebooks.error_code");

    static final String REDACTED = "REDACTED";
    /** The buckets the HTTP semantic conventions advise for request durations, in seconds. */
    private static final List<Double> BUCKETS = List.of(0.005, 0.01, 0.025, 0.05, 0.075, 0.1, 0.25, 0.5, 0.75, 1.0, 2.5,
            5.0, 7.5, 10.0);
    private static final Set<String> KNOWN_METHODS = Set.of("GET", "HEAD", "POST", "PUT", "DELETE", "CONNECT", "OPTIONS",
            "TRACE", "PATCH");
    /** Display names of the generated clients' packages ({@code org.contractfirst.notebooks.<package>.api}). */
    private static final Map<String, String> SERVICES = Map.of("modelarts", "ModelArts", "eihealth", "EIHealth",
            "scnet", "SCNet");
    private static final Map<Method, Operation> OPERATIONS = new ConcurrentHashMap<>();
    private static final ContextKey<CallState> CALL_STATE = ContextKey.named("notebooks-call-state");

    private final Tracer tracer;
    private final DoubleHistogram duration;
    /** The context current where each call was created (the caller's thread), for calls run by enqueue(). */
    private final Map<Call, Context> callerContexts = Collections.synchronizedMap(new WeakHashMap<>());

    private OperationTelemetry(OpenTelemetry openTelemetry) {
        String version = OperationTelemetry.class.getPackage().getImplementationVersion();
        this.tracer = openTelemetry.tracerBuilder(SCOPE).setInstrumentationVersion(version == null ? "dev" : version).build();
        this.duration = openTelemetry.meterBuilder(SCOPE).setInstrumentationVersion(version == null ? "dev" : version).build()
                .histogramBuilder(DURATION)
                .setUnit("s")
                .setDescription("Duration of a service client operation, retries and the waits between them included")
                .setExplicitBucketBoundariesAdvice(BUCKETS)
                .build();
    }

    /**
     * Adds the telemetry to a client being assembled: this interceptor outermost (it sees the typed errors and spans
     * the retries), an attempt counter right inside the {@link RetryInterceptor}, and an event listener factory that
     * remembers the caller's context (delegating to the base client's factory).
     */
    public static void install(OkHttpClient.Builder builder, OkHttpClient base, OpenTelemetry openTelemetry) {
        if (openTelemetry == OpenTelemetry.noop()) {
            return;
        }
        OperationTelemetry telemetry = new OperationTelemetry(openTelemetry);
        List<Interceptor> interceptors = builder.interceptors();
        for (int i = 0; i < interceptors.size(); i++) {
            if (interceptors.get(i) instanceof RetryInterceptor) {
                interceptors.add(i + 1, new AttemptCounter());
                break;
            }
        }
        interceptors.add(0, telemetry);
        EventListener.Factory listeners = base.eventListenerFactory();
        builder.eventListenerFactory(call -> {
            Context current = Context.current();
            if (current != Context.root()) {
                telemetry.callerContexts.put(call, current);
            }
            return listeners.create(call);
        });
    }

    @Override
    public Response intercept(Chain chain) throws IOException {
        Request request = chain.request();
        Operation operation = operation(request);
        HttpUrl url = request.url();
        String method = KNOWN_METHODS.contains(request.method()) ? request.method() : "_OTHER";
        Context parent = callerContexts.remove(chain.call());
        if (parent == null) {
            parent = Context.current();
        }
        SpanBuilder spanBuilder = tracer.spanBuilder(operation == null ? ("_OTHER".equals(method) ? "HTTP" : method) : operation.spanName)
                .setSpanKind(SpanKind.CLIENT)
                .setParent(parent)
                .setAttribute(HTTP_REQUEST_METHOD, method)
                .setAttribute(SERVER_ADDRESS, url.host())
                .setAttribute(SERVER_PORT, (long) url.port())
                .setAttribute(URL_FULL, redacted(url));
        if (operation != null) {
            spanBuilder.setAttribute(SERVICE, operation.service).setAttribute(OPERATION, operation.name);
            if (operation.template != null) {
                spanBuilder.setAttribute(URL_TEMPLATE, operation.template);
            }
        }
        long start = System.nanoTime();
        Span span = spanBuilder.startSpan();
        CallState state = new CallState(span);
        Response response;
        try (Scope ignored = parent.with(span).with(CALL_STATE, state).makeCurrent()) {
            response = chain.proceed(request);
        } catch (IOException | RuntimeException | Error e) {
            end(span, state, start, operation, method, url, null, e);
            throw e;
        }
        end(span, state, start, operation, method, url, response, null);
        return response;
    }

    private void end(Span span, CallState state, long start, Operation operation, String method, HttpUrl url,
                     Response response, Throwable failure) {
        ApiException apiError = failure instanceof ApiException a ? a : null;
        int status = response != null ? response.code() : apiError != null ? apiError.httpStatus() : 0;
        String errorType = null;
        if (failure != null) {
            errorType = apiError != null && status >= 400 ? Integer.toString(status) : failure.getClass().getName();
        }
        String requestId = response != null ? response.header("X-Request-Id") : apiError != null ? apiError.requestId() : null;
        if (status > 0) {
            span.setAttribute(HTTP_RESPONSE_STATUS_CODE, (long) status);
        }
        if (state.attempts > 1) {
            span.setAttribute(HTTP_REQUEST_RESEND_COUNT, (long) state.attempts - 1);
        }
        if (requestId != null) {
            span.setAttribute(REQUEST_ID, requestId);
        }
        if (apiError != null && apiError.errorCode() != null) {
            span.setAttribute(ERROR_CODE, apiError.errorCode());
        }
        if (errorType != null) {
            span.setAttribute(ERROR_TYPE, errorType);
            span.setStatus(StatusCode.ERROR);
        }
        span.end();

        AttributesBuilder metric = Attributes.builder()
                .put(HTTP_REQUEST_METHOD, method)
                .put(SERVER_ADDRESS, url.host())
                .put(SERVER_PORT, (long) url.port());
        if (operation != null) {
            metric.put(SERVICE, operation.service).put(OPERATION, operation.name);
        }
        if (status > 0) {
            metric.put(HTTP_RESPONSE_STATUS_CODE, (long) status);
        }
        if (errorType != null) {
            metric.put(ERROR_TYPE, errorType);
        }
        duration.record((System.nanoTime() - start) / 1e9, metric.build());
    }

    /** The URL without fragment, with user info and every query value replaced by {@value #REDACTED} (names kept). */
    static String redacted(HttpUrl url) {
        String full = url.toString();
        String query = url.encodedQuery();
        boolean userInfo = !url.encodedUsername().isEmpty() || !url.encodedPassword().isEmpty();
        if (userInfo || url.encodedFragment() != null) {
            HttpUrl.Builder builder = url.newBuilder().fragment(null).query(null);
            if (userInfo) {
                builder.username(REDACTED).password(REDACTED);
            }
            for (int i = 0; i < url.querySize(); i++) {
                builder.addQueryParameter(url.queryParameterName(i), url.queryParameterValue(i) == null ? null : REDACTED);
            }
            return builder.build().toString();
        }
        if (query == null) {
            return full;
        }
        // The common case, on the per-call path: the encoded query's names as sent, each value replaced.
        StringBuilder redacted = new StringBuilder(full.length() + 8 * url.querySize()).append(full, 0, full.indexOf('?') + 1);
        for (int start = 0; start <= query.length(); ) {
            int amp = query.indexOf('&', start);
            int end = amp < 0 ? query.length() : amp;
            int eq = query.indexOf('=', start);
            if (eq >= 0 && eq < end) {
                redacted.append(query, start, eq).append('=').append(REDACTED);
            } else {
                redacted.append(query, start, end);
            }
            if (amp >= 0) {
                redacted.append('&');
            }
            start = end + 1;
        }
        return redacted.toString();
    }

    /** The operation of a request made through a generated client (Retrofit's {@link Invocation} tag), or null. */
    private static Operation operation(Request request) {
        Invocation invocation = request.tag(Invocation.class);
        return invocation == null ? null : OPERATIONS.computeIfAbsent(invocation.method(), Operation::of);
    }

    /** Service and operation id of an API method, and its path template from the Retrofit annotation. */
    record Operation(String service, String name, String spanName, String template) {

        static Operation of(Method method) {
            Class<?> api = method.getDeclaringClass();
            while (api.getEnclosingClass() != null) {
                api = api.getEnclosingClass(); // the generated API's private Calls interface -> DevEnvironApi
            }
            String pkg = api.getPackageName();
            String service = api.getSimpleName();
            if (pkg.startsWith("org.contractfirst.notebooks.") && pkg.endsWith(".api")) {
                String id = pkg.substring("org.contractfirst.notebooks.".length(), pkg.length() - ".api".length());
                service = SERVICES.getOrDefault(id, id);
            }
            String template = null;
            for (Annotation a : method.getAnnotations()) {
                String path = a instanceof GET g ? g.value() : a instanceof POST p ? p.value() : a instanceof PUT p ? p.value()
                        : a instanceof DELETE d ? d.value() : a instanceof PATCH p ? p.value() : a instanceof HEAD h ? h.value() : null;
                if (path != null && !path.contains("://")) {
                    int query = path.indexOf('?');
                    template = "/" + (query < 0 ? path : path.substring(0, query)).replaceFirst("^/", "");
                }
            }
            return new Operation(service, method.getName(), service + "." + method.getName(), template);
        }
    }

    /** Per call: its span and how many attempts were sent. */
    private static final class CallState {
        final Span span;
        int attempts;
        String lastOutcome; // status code or exception class of the previous attempt

        CallState(Span span) {
            this.span = span;
        }
    }

    /**
     * Sits right inside the {@link RetryInterceptor}: counts the attempts of the current call and adds a
     * {@code notebooks.retry} event (resend count, outcome of the attempt retried) to its span before each resend.
     */
    static final class AttemptCounter implements Interceptor {
        @Override
        public Response intercept(Chain chain) throws IOException {
            CallState state = Context.current().get(CALL_STATE);
            if (state == null) {
                return chain.proceed(chain.request());
            }
            state.attempts++;
            if (state.attempts > 1) {
                state.span.addEvent("notebooks.retry", Attributes.of(HTTP_REQUEST_RESEND_COUNT, (long) state.attempts - 1,
                        ERROR_TYPE, state.lastOutcome));
            }
            try {
                Response response = chain.proceed(chain.request());
                state.lastOutcome = Integer.toString(response.code());
                return response;
            } catch (IOException | RuntimeException e) {
                state.lastOutcome = e.getClass().getName();
                throw e;
            }
        }
    }
}
