package org.contractfirst.notebooks.runtime.internal;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.model.Request.Method;
import com.atlassian.oai.validator.model.SimpleRequest;
import com.atlassian.oai.validator.model.SimpleResponse;
import com.atlassian.oai.validator.report.LevelResolver;
import com.atlassian.oai.validator.report.ValidationReport;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.swagger.v3.core.util.Yaml;
import okhttp3.Call;
import okhttp3.Connection;
import okhttp3.HttpUrl;
import okhttp3.Interceptor;
import okhttp3.MediaType;
import okhttp3.Request;
import okhttp3.Response;
import okio.Buffer;
import org.contractfirst.notebooks.runtime.contract.ContractCheck;
import org.contractfirst.notebooks.runtime.contract.ContractDeviation;
import org.contractfirst.notebooks.runtime.contract.ContractViolationException;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URLConnection;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

/** Validates each exchange against the spec; see {@link ContractCheck}. Only loaded while the check is on. */
public final class ContractCheckInterceptor implements Interceptor {

    private static final System.Logger LOG = System.getLogger(ContractCheck.LOGGER);
    /** Bodies are validated up to this size; a larger one is cut and reported as unreadable by the validator. */
    private static final long MAX_BODY = 8L * 1024 * 1024;
    private static final Pattern SECRET_POINTER = Pattern.compile("(?i).*(token|secret|password|passwd|key|credential|authorization).*");
    private static final Pattern QUOTED = Pattern.compile("\"[^\"]*\"");

    private final String service;
    private final ContractCheck.Mode mode;
    private final Interceptor inner;
    private final OpenApiInteractionValidator validator;

    ContractCheckInterceptor(String service, String specLocation, ContractCheck.Mode mode, Interceptor inner) {
        this.service = service;
        this.mode = mode;
        this.inner = inner;
        this.validator = OpenApiInteractionValidator.createForInlineApiSpecification(withUnlistedFieldsReported(specLocation))
                .withLevelResolver(LevelResolver.create()
                        .withDefaultLevel(ValidationReport.Level.ERROR)
                        // AK/SK signing replaces the X-Auth-Token the specs declare: auth is the runtime's concern.
                        .withLevel("validation.request.security", ValidationReport.Level.IGNORE)
                        // Unknown fields are tolerated by the clients (forward compatibility) but reported.
                        .withLevel("validation.response.body.schema.additionalProperties", ValidationReport.Level.WARN)
                        .withLevel("validation.request.body.schema.additionalProperties", ValidationReport.Level.WARN)
                        // A JSON number that loses precision as a float is no contract breach (the spec says float).
                        .withLevel("validation.response.body.schema.format.float", ValidationReport.Level.WARN)
                        .withLevel("validation.request.body.schema.format.float", ValidationReport.Level.WARN)
                        .build())
                .build();
    }

    /**
     * The spec at {@code specLocation} as JSON, without {@code additionalProperties: true} on the schemas that list
     * {@code properties}: the bundles declare it on every response object (unknown fields are allowed, so that every
     * stock client keeps them), and the validator would then no longer report a field the spec does not list. Without
     * the marker it reports one as {@code ...schema.additionalProperties} (WARN, tolerated), as it always did.
     */
    static String withUnlistedFieldsReported(String specLocation) {
        JsonNode spec;
        try {
            URLConnection connection = URI.create(specLocation).toURL().openConnection();
            connection.setUseCaches(false);
            try (InputStream in = connection.getInputStream()) {
                spec = Yaml.mapper().readTree(in);
            }
        } catch (IOException | IllegalArgumentException e) {
            throw new IllegalStateException("the contract check cannot read the spec " + specLocation + ": " + e.getMessage(), e);
        }
        dropOpenObjectMarker(spec);
        return spec.toString();
    }

    private static void dropOpenObjectMarker(JsonNode node) {
        if (node instanceof ObjectNode object) {
            JsonNode additional = object.get("additionalProperties");
            if (additional != null && additional.isBoolean() && additional.booleanValue() && object.has("properties")) {
                object.remove("additionalProperties");
            }
        }
        if (node.isContainerNode()) {
            node.elements().forEachRemaining(ContractCheckInterceptor::dropOpenObjectMarker);
        }
    }

    @Override
    public Response intercept(Chain chain) throws IOException {
        return inner == null ? exchange(chain, chain.request()) : inner.intercept(new CheckingChain(chain));
    }

    private Response exchange(Chain chain, Request request) throws IOException {
        SimpleRequest checked = toValidatorRequest(request);
        report(validator.validateRequest(checked), "request", request, 0, null);
        Response response = chain.proceed(request);
        SimpleResponse.Builder answer = SimpleResponse.Builder.status(response.code());
        MediaType type = response.body() != null ? response.body().contentType() : null;
        if (type != null) {
            answer.withContentType(type.toString());
        }
        response.headers().names().forEach(name -> answer.withHeader(name, response.headers(name)));
        if (response.body() != null) {
            answer.withBody(response.peekBody(MAX_BODY).string());
        }
        report(validator.validateResponse(checked.getPath(), checked.getMethod(), answer.build()), "response", request,
                response.code(), response.header("X-Request-Id"));
        return response;
    }

    private static SimpleRequest toValidatorRequest(Request request) throws IOException {
        HttpUrl url = request.url();
        SimpleRequest.Builder builder = new SimpleRequest.Builder(Method.valueOf(request.method().toUpperCase(Locale.ROOT)), url.encodedPath());
        for (String name : url.queryParameterNames()) {
            builder.withQueryParam(name, url.queryParameterValues(name));
        }
        request.headers().names().forEach(name -> builder.withHeader(name, request.headers(name)));
        if (request.body() != null) {
            Buffer buffer = new Buffer();
            request.body().writeTo(buffer);
            MediaType type = request.body().contentType();
            if (type != null) {
                builder.withContentType(type.toString());
            }
            builder.withBody(buffer.readString(StandardCharsets.UTF_8));
        }
        return builder.build();
    }

    private void report(ValidationReport report, String direction, Request request, int status, String requestId)
            throws ContractViolationException {
        List<ContractDeviation> errors = new ArrayList<>();
        for (ValidationReport.Message m : report.getMessages()) {
            if (m.getLevel() == ValidationReport.Level.IGNORE || m.getLevel() == ValidationReport.Level.INFO) {
                continue;
            }
            ContractDeviation d = deviation(m, direction, request);
            LOG.log(System.Logger.Level.WARNING, "contract deviation: {0}", d);
            if (m.getLevel() == ValidationReport.Level.ERROR) {
                errors.add(d);
            }
        }
        if (mode == ContractCheck.Mode.THROW && !errors.isEmpty()) {
            throw Exceptions.contractViolation(errors, status, requestId, request.method(), request.url().encodedPath());
        }
    }

    private ContractDeviation deviation(ValidationReport.Message m, String direction, Request request) {
        var context = m.getContext();
        String operation = context.flatMap(ValidationReport.MessageContext::getApiOperation)
                .map(op -> op.getOperation().getOperationId())
                .orElse(request.method() + " " + request.url().encodedPath());
        // A parameter's own place first (its "instance" pointer is the root of the parameter value).
        String pointer = context.flatMap(ValidationReport.MessageContext::getParameter)
                .map(p -> "/" + p.getIn() + "/" + p.getName())
                .orElseGet(() -> context.flatMap(ValidationReport.MessageContext::getPointers)
                        .map(ValidationReport.MessageContext.Pointers::getInstance)
                        .filter(p -> !p.isEmpty())
                        .map(p -> (p.startsWith("/") ? "" : "/") + p)
                        .orElse(m.getKey().contains(".status") ? "/status" : ""));
        String message = m.getMessage();
        if (SECRET_POINTER.matcher(pointer).matches()) {
            message = QUOTED.matcher(message).replaceAll("\"***\"");
        }
        return new ContractDeviation(service, operation, direction, pointer, m.getKey(), m.getLevel().name(), message);
    }

    /** The chain the authentication interceptor proceeds on: what it sends is what gets checked. */
    private final class CheckingChain implements Chain {
        private final Chain delegate;

        CheckingChain(Chain delegate) {
            this.delegate = delegate;
        }

        @Override
        public Request request() {
            return delegate.request();
        }

        @Override
        public Response proceed(Request request) throws IOException {
            return exchange(delegate, request);
        }

        @Override
        public Connection connection() {
            return delegate.connection();
        }

        @Override
        public Call call() {
            return delegate.call();
        }

        @Override
        public int connectTimeoutMillis() {
            return delegate.connectTimeoutMillis();
        }

        @Override
        public Chain withConnectTimeout(int timeout, TimeUnit unit) {
            return new CheckingChain(delegate.withConnectTimeout(timeout, unit));
        }

        @Override
        public int readTimeoutMillis() {
            return delegate.readTimeoutMillis();
        }

        @Override
        public Chain withReadTimeout(int timeout, TimeUnit unit) {
            return new CheckingChain(delegate.withReadTimeout(timeout, unit));
        }

        @Override
        public int writeTimeoutMillis() {
            return delegate.writeTimeoutMillis();
        }

        @Override
        public Chain withWriteTimeout(int timeout, TimeUnit unit) {
            return new CheckingChain(delegate.withWriteTimeout(timeout, unit));
        }
    }
}
