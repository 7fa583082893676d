package org.contractfirst.notebooks.contractdiff;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.parameters.Parameter;
import org.contractfirst.notebooks.specvalidator.ServiceRegistry;
import org.openapitools.openapidiff.core.OpenApiCompare;
import org.openapitools.openapidiff.core.compare.OpenApiDiffOptions;
import org.openapitools.openapidiff.core.model.Changed;
import org.openapitools.openapidiff.core.model.ChangedApiResponse;
import org.openapitools.openapidiff.core.model.ChangedContent;
import org.openapitools.openapidiff.core.model.ChangedMediaType;
import org.openapitools.openapidiff.core.model.ChangedOpenApi;
import org.openapitools.openapidiff.core.model.ChangedOperation;
import org.openapitools.openapidiff.core.model.ChangedParameter;
import org.openapitools.openapidiff.core.model.ChangedParameters;
import org.openapitools.openapidiff.core.model.ChangedRequestBody;
import org.openapitools.openapidiff.core.model.ChangedResponse;
import org.openapitools.openapidiff.core.model.ChangedSchema;
import org.openapitools.openapidiff.core.model.ComposedChanged;
import org.openapitools.openapidiff.core.model.Endpoint;
import org.openapitools.openapidiff.core.model.schema.ChangedEnum;
import org.openapitools.openapidiff.core.model.schema.ChangedRequired;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The breaking-change gate. Compares each service's bundled spec with the bundle of the last released
 * contract ({@code contracts/baseline/<version>/<service>.yaml}, the highest version there) using
 * openapi-diff, and classifies every change with the direction it travels in:
 *
 * <ul>
 *   <li>Request (parameters, request bodies): removing a parameter or field, renaming one (= removed +
 *       added), a new required parameter or field, making one required, removing an enum value, and
 *       changing a type or format are breaking, and so is restricting a free value to an enum; new optional
 *       parameters/fields and new enum values are not.</li>
 *   <li>Response: removing a field, a status or a media type, a field that stops being required, and changing
 *       a type or format are breaking; new fields are not. Response enums are open in the contract when declared
 *       {@code x-extensible-enum} (Zalando's convention; stock generators see a plain string): a value added there
 *       is reported, not breaking, and so is turning a closed {@code enum} into an open one. A value added to a
 *       closed response {@code enum}, a free value becoming a closed enum, and an open enum becoming closed are
 *       breaking: stock clients (Python pydantic, Go) reject a value they do not know, whatever our Java enums
 *       do. Removing a response enum value is compatible.</li>
 *   <li>Operations: a removed operation or a changed operationId (it is the generated method's name) is
 *       breaking; a new operation is not.</li>
 * </ul>
 *
 * A string gaining or losing {@code format: password} (how the specs mark a secret, with {@code x-sensitive}) is
 * reported as compatible: the wire value, the Java type and the TypeScript type stay the same.
 *
 * <p>openapi-diff alone treats a removed optional response field, a narrowed enum in a query parameter and a
 * changed format as compatible and ignores operationIds by default; the checks above cover them. Anything
 * else openapi-diff reports as incompatible (a narrowed maxLength or range in a request, a changed pattern,
 * security...) is reported too.
 *
 * <p>A breaking change fails the build unless acknowledged by a major version bump: the project version's
 * major is higher than the baseline version's, or the service document's {@code info.version} major is
 * higher than the baseline bundle's.
 *
 * <p>The gate fails closed: a service without its released bundle, a client without its released jar, or no
 * baseline folder at all fails the build with a message naming the missing file. The one legitimate case, a
 * service with no release yet, is named explicitly: {@code --no-baseline=<service>,...} (Maven property
 * {@code contract.baseline.none}); naming a service that has a baseline, or no bundle, fails too.
 *
 * <p>Usage: {@code ContractDiff <baseline root> <bundles folder> <project version> [<service>=<source document> ...]
 * [--baseline-version=<version>] [--no-baseline=<service>,...]
 * [--java-baseline=<local repository group folder> --clients=<artifactId>,...]};
 * the source documents name the file to edit in the report; {@code --baseline-version} must be the latest
 * baseline folder (the version the client jars are compared with); {@code --java-baseline} checks that each
 * client's baseline jar ({@code <service>-client}) is there; {@code --registry=<services.yaml>} gives the source
 * documents and the clients of every registered service instead. Throws (exit code 1) on an unacknowledged breaking
 * change or a missing baseline.
 */
public final class ContractDiff {

    /** What changed. */
    public enum Kind {
        SERVICE_REMOVED, OPERATION_REMOVED, OPERATION_ID_CHANGED,
        PARAMETER_REMOVED, REQUIRED_PARAMETER_ADDED, PARAMETER_MADE_REQUIRED,
        REQUEST_BODY_MADE_REQUIRED, REQUEST_FIELD_REMOVED, REQUIRED_REQUEST_FIELD_ADDED, REQUEST_FIELD_MADE_REQUIRED,
        RESPONSE_REMOVED, MEDIA_TYPE_REMOVED, RESPONSE_FIELD_REMOVED, RESPONSE_FIELD_MADE_OPTIONAL,
        TYPE_CHANGED, FORMAT_CHANGED, ENUM_NARROWED, ENUM_EXTENDED, CONSTRAINT_CHANGED, OTHER_INCOMPATIBLE,
        // compatible
        SERVICE_ADDED, OPERATION_ADDED, COMPATIBLE_CHANGE
    }

    /** One change of one service; {@code where} names the operation and the element. */
    public record Finding(String service, Kind kind, String where, String message, boolean breaking) {
        @Override
        public String toString() {
            return (breaking ? "BREAKING " : "ok       ") + kind + "  " + where + ": " + message;
        }
    }

    /** The gate's answer for a set of services. */
    public record Result(String baselineVersion, List<Finding> findings, Set<String> acknowledged) {
        public List<Finding> breaking() {
            return findings.stream().filter(Finding::breaking).toList();
        }

        public List<Finding> unacknowledged() {
            return breaking().stream().filter(f -> !acknowledged.contains(f.service())).toList();
        }
    }

    private enum Direction { REQUEST, RESPONSE }

    private ContractDiff() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length < 3) {
            throw new IllegalArgumentException("usage: ContractDiff <baseline root> <bundles folder> <project version>"
                    + " [<service>=<source> ...] [--baseline-version=V] [--report=<file>] [--java-baseline=<dir> --clients=a,b]");
        }
        Path baselineRoot = Path.of(args[0]).toAbsolutePath().normalize();
        Path bundles = Path.of(args[1]).toAbsolutePath().normalize();
        String projectVersion = args[2];
        Map<String, String> sources = new java.util.TreeMap<>();
        Map<String, String> options = new java.util.TreeMap<>();
        for (int i = 3; i < args.length; i++) {
            String[] kv = args[i].split("=", 2);
            (kv[0].startsWith("--") ? options : sources).put(kv[0], kv.length > 1 ? kv[1] : "");
        }
        Set<String> noBaseline = names(options.getOrDefault("--no-baseline", ""));
        if (options.containsKey("--registry")) {
            List<String> clients = new ArrayList<>();
            for (ServiceRegistry.Service service : ServiceRegistry.read(Path.of(options.get("--registry")))) {
                sources.putIfAbsent(service.id(), service.spec());
                service.client().ifPresent(c -> clients.add(c.module()));
                if (!service.released()) {
                    noBaseline.add(service.id()); // services.yaml: released: false (no release yet)
                }
            }
            options.putIfAbsent("--clients", String.join(",", clients));
        }
        Optional<Path> baseline = latestBaseline(baselineRoot);
        String expected = options.get("--baseline-version");
        if (baseline.isEmpty()) {
            Set<String> services = serviceNames(bundles);
            requireKnown(noBaseline, services);
            if (services.isEmpty() || !noBaseline.containsAll(services)) {
                throw new IllegalStateException("no released contract under " + baselineRoot + " (expected "
                        + baselineRoot.resolve(expected != null ? expected : "<version>").resolve("<service>.yaml")
                        + "), so the breaking-change gate has nothing to compare with. Restore the baseline (it is"
                        + " committed; or build with -Pbaseline-from-repository), or, for a first release, name every"
                        + " service: -D" + SWITCH + "=" + String.join(",", services) + " (contracts/README.md)");
            }
            System.out.println("[contract] no baseline under " + baselineRoot + ": " + String.join(", ", services)
                    + " not compared (" + SWITCH + ": no release yet)");
            return;
        }
        if (expected != null && !expected.equals(baseline.get().getFileName().toString())) {
            throw new IllegalStateException("contract.baseline.version is " + expected + " but the latest baseline is "
                    + baseline.get() + ": keep them in step (the client jars are compared with " + expected + ")");
        }
        if (options.containsKey("--java-baseline") && options.containsKey("--clients")) {
            javaBaselineNotice(Path.of(options.get("--java-baseline")), options.get("--clients").split(","),
                    baseline.get().getFileName().toString(), noBaseline).forEach(System.out::println);
        }
        Result result = gate(baseline.get(), bundles, projectVersion, noBaseline);
        String report = report(result, baseline.get(), bundles, projectVersion, sources);
        if (options.containsKey("--report")) {
            // The same report as a file, for the API part of CHANGELOG.md (build-tools/changelog-api.mjs).
            Path reportFile = Path.of(options.get("--report"));
            Files.createDirectories(reportFile.toAbsolutePath().getParent());
            Files.writeString(reportFile, report + "\n");
        }
        if (!result.unacknowledged().isEmpty()) {
            System.err.println(report);
            throw new IllegalStateException(result.unacknowledged().size() + " breaking change(s) against contract "
                    + result.baselineVersion() + " (" + baseline.get() + "); see the report above. Make the change"
                    + " compatible, or acknowledge it by bumping the major version (project version, or the"
                    + " service's info.version).");
        }
        System.out.println(report);
    }

    /**
     * Says, per client, which released jar the Java API gate (japicmp, in clients/pom.xml) compares it with:
     * {@code contracts/baseline/<version>/java/<client>-<version>.jar}. A missing jar fails, unless the client's
     * service ({@code <service>-client}) is in {@code noBaseline}.
     */
    static List<String> javaBaselineNotice(Path javaFolder, String[] clients, String version, Set<String> noBaseline) {
        List<String> lines = new ArrayList<>();
        List<String> missing = new ArrayList<>();
        for (String client : clients) {
            Path jar = javaFolder.resolve(client + "-" + version + ".jar");
            String service = client.endsWith("-client") ? client.substring(0, client.length() - "-client".length()) : client;
            if (Files.isRegularFile(jar)) {
                lines.add("[contract] Java API: " + client + " is compared with its baseline jar " + jar + " (japicmp)");
            } else if (noBaseline.contains(service)) {
                lines.add("[contract] Java API: " + client + " has no baseline jar (" + SWITCH + ": no release yet)");
            } else {
                missing.add(jar.toString());
            }
        }
        if (!missing.isEmpty()) {
            throw new IllegalStateException("no released client jar " + String.join(", ", missing) + ": the Java API"
                    + " gate (japicmp) would compare nothing. Restore it (contracts/README.md; or build with"
                    + " -Pbaseline-from-repository), or, for a service with no release yet, -D" + SWITCH + "=<service>");
        }
        return lines;
    }

    /** The Maven property behind {@code --no-baseline}: the services with no release yet, comma-separated. */
    static final String SWITCH = "contract.baseline.none";

    private static Set<String> names(String commaSeparated) {
        return java.util.Arrays.stream(commaSeparated.split(",")).map(String::trim).filter(n -> !n.isEmpty())
                .collect(Collectors.toCollection(TreeSet::new));
    }

    /** A name in the switch that is no service of this build is a typo: fail rather than ignore it. */
    private static void requireKnown(Set<String> noBaseline, Set<String> services) {
        Set<String> unknown = new TreeSet<>(noBaseline);
        unknown.removeAll(services);
        if (!unknown.isEmpty()) {
            throw new IllegalStateException(SWITCH + " names " + String.join(", ", unknown) + ", which this build has no"
                    + " bundle for (services: " + String.join(", ", services) + ")");
        }
    }

    /** The highest version folder under {@code root} (for example {@code contracts/baseline/0.1.0}). */
    public static Optional<Path> latestBaseline(Path root) throws IOException {
        if (!Files.isDirectory(root)) {
            return Optional.empty();
        }
        try (Stream<Path> dirs = Files.list(root)) {
            return dirs.filter(Files::isDirectory)
                    .filter(d -> d.getFileName().toString().matches("\\d+(\\.\\d+)*"))
                    .max(Comparator.comparing(d -> d.getFileName().toString(), ContractDiff::compareVersions));
        }
    }

    /** Compares every service bundle of {@code baselineDir} with the same-named bundle in {@code bundlesDir}. */
    public static Result gate(Path baselineDir, Path bundlesDir, String projectVersion) throws IOException {
        return gate(baselineDir, bundlesDir, projectVersion, Set.of());
    }

    /**
     * As {@link #gate(Path, Path, String)}; a bundle without its released bundle in {@code baselineDir} fails with
     * an {@link IllegalStateException} naming the missing file, unless its service is in {@code noBaseline} (no
     * release yet: reported as a new service). A name in {@code noBaseline} that has a baseline, or no bundle, fails.
     */
    public static Result gate(Path baselineDir, Path bundlesDir, String projectVersion, Set<String> noBaseline)
            throws IOException {
        String baselineVersion = baselineDir.getFileName().toString();
        Set<String> released = serviceNames(baselineDir);
        Set<String> built = serviceNames(bundlesDir);
        requireKnown(noBaseline, built);
        Set<String> stale = new TreeSet<>(noBaseline);
        stale.retainAll(released);
        if (!stale.isEmpty()) {
            throw new IllegalStateException(SWITCH + " names " + String.join(", ", stale) + ", released in "
                    + baselineDir + ": remove it from " + SWITCH + " so that the gate compares it");
        }
        List<String> missing = built.stream().filter(s -> !released.contains(s) && !noBaseline.contains(s))
                .map(s -> baselineDir.resolve(s + ".yaml").toString()).toList();
        if (!missing.isEmpty()) {
            throw new IllegalStateException("no released contract " + String.join(", ", missing) + ": the breaking-change"
                    + " gate would compare nothing. Restore it (contracts/README.md; or build with"
                    + " -Pbaseline-from-repository), or, for a service with no release yet, -D" + SWITCH + "=<service>");
        }
        Set<String> services = new TreeSet<>(released);
        services.addAll(built);
        List<Finding> findings = new ArrayList<>();
        Set<String> acknowledged = new TreeSet<>();
        boolean projectMajorBumped = major(projectVersion) > major(baselineVersion);
        for (String service : services) {
            Path old = baselineDir.resolve(service + ".yaml");
            Path current = bundlesDir.resolve(service + ".yaml");
            if (!Files.exists(current)) {
                findings.add(new Finding(service, Kind.SERVICE_REMOVED, service, "no bundle any more for a released service", true));
            } else if (!Files.exists(old)) {
                findings.add(new Finding(service, Kind.SERVICE_ADDED, service, "new service, no release yet (" + SWITCH + ")", false));
            } else {
                ChangedOpenApi diff = diff(old, current);
                findings.addAll(classify(service, diff));
                if (projectMajorBumped || infoMajorBumped(diff)) {
                    acknowledged.add(service);
                }
            }
            if (projectMajorBumped) {
                acknowledged.add(service);
            }
        }
        return new Result(baselineVersion, findings, acknowledged);
    }

    /** openapi-diff of two documents, with operationId changes switched on. */
    public static ChangedOpenApi diff(Path oldDocument, Path newDocument) {
        OpenApiDiffOptions options = OpenApiDiffOptions.builder()
                .configProperty("incompatible.operation.id.changed", "true")
                .build();
        return OpenApiCompare.fromLocations(oldDocument.toUri().toString(), newDocument.toUri().toString(), null, options);
    }

    /** Every change of one service's diff, breaking or not. */
    public static List<Finding> classify(String service, ChangedOpenApi diff) {
        Classifier c = new Classifier(service);
        for (Endpoint e : diff.getMissingEndpoints()) {
            c.add(Kind.OPERATION_REMOVED, operation(e.getMethod().name(), e.getPathUrl(), e.getOperation().getOperationId()),
                    "operation removed", true);
        }
        for (Endpoint e : diff.getNewEndpoints()) {
            c.add(Kind.OPERATION_ADDED, operation(e.getMethod().name(), e.getPathUrl(), e.getOperation().getOperationId()),
                    "new operation", false);
        }
        for (ChangedOperation op : diff.getChangedOperations()) {
            c.operation(op);
        }
        // openapi-diff also calls a new response enum value incompatible; that one is classified (as compatible) above.
        if (diff.isCoreChanged().isIncompatible()
                && c.findings.stream().noneMatch(f -> f.breaking() || f.kind() == Kind.ENUM_EXTENDED)) {
            c.add(Kind.OTHER_INCOMPATIBLE, service, "openapi-diff reports an incompatible change not classified here", true);
        }
        return c.findings;
    }

    private static String operation(String method, String path, String operationId) {
        return method.toUpperCase() + " " + path + (operationId == null ? "" : " (" + operationId + ")");
    }

    /** Walks openapi-diff's result with the direction of each element. */
    private static final class Classifier {
        private final String service;
        private final List<Finding> findings = new ArrayList<>();
        private final Set<Object> walking = Collections.newSetFromMap(new IdentityHashMap<>());

        Classifier(String service) {
            this.service = service;
        }

        void add(Kind kind, String where, String message, boolean breaking) {
            findings.add(new Finding(service, kind, where, message, breaking));
        }

        void operation(ChangedOperation op) {
            String where = ContractDiff.operation(op.getHttpMethod().name(), op.getPathUrl(), op.getOldOperation().getOperationId());
            String oldId = op.getOldOperation().getOperationId();
            String newId = op.getNewOperation().getOperationId();
            if (!Objects.equals(oldId, newId)) {
                add(Kind.OPERATION_ID_CHANGED, where, "operationId changed from " + oldId + " to " + newId
                        + " (the generated method is renamed)", true);
            }
            if (op.getParameters() != null) {
                parameters(where, op.getParameters());
            }
            if (op.getRequestBody() != null) {
                requestBody(where, op.getRequestBody());
            }
            if (op.getApiResponses() != null) {
                responses(where, op.getApiResponses());
            }
            if (op.getSecurityRequirements() != null && op.getSecurityRequirements().isIncompatible()) {
                add(Kind.CONSTRAINT_CHANGED, where, "security requirements changed incompatibly", true);
            }
        }

        void parameters(String op, ChangedParameters params) {
            for (Parameter p : params.getMissing()) {
                String renamed = params.getIncreased().stream().filter(n -> Objects.equals(n.getIn(), p.getIn()))
                        .map(n -> "'" + n.getName() + "'").collect(Collectors.joining(", "));
                add(Kind.PARAMETER_REMOVED, op + " parameter '" + p.getName() + "' (" + p.getIn() + ")",
                        "parameter removed" + (renamed.isEmpty() ? "" : " or renamed (new " + p.getIn() + " parameter "
                                + renamed + ")"), true);
            }
            for (Parameter p : params.getIncreased()) {
                boolean required = Boolean.TRUE.equals(p.getRequired());
                add(required ? Kind.REQUIRED_PARAMETER_ADDED : Kind.COMPATIBLE_CHANGE,
                        op + " parameter '" + p.getName() + "' (" + p.getIn() + ")",
                        required ? "new required parameter" : "new optional parameter", required);
            }
            for (ChangedParameter p : params.getChanged()) {
                String where = op + " parameter '" + p.getName() + "' (" + p.getIn() + ")";
                int before = findings.size();
                if (p.isChangeRequired() && Boolean.TRUE.equals(p.getNewParameter().getRequired())) {
                    add(Kind.PARAMETER_MADE_REQUIRED, where, "parameter is now required", true);
                }
                if (p.getSchema() != null) {
                    schema(where, "", p.getSchema(), Direction.REQUEST);
                }
                otherwise(before, where, p);
            }
        }

        void requestBody(String op, ChangedRequestBody body) {
            String where = op + " request body";
            int before = findings.size();
            if (body.isChangeRequired() && body.getNewRequestBody() != null
                    && Boolean.TRUE.equals(body.getNewRequestBody().getRequired())) {
                add(Kind.REQUEST_BODY_MADE_REQUIRED, where, "request body is now required", true);
            }
            if (body.getContent() != null) {
                content(where, body.getContent(), Direction.REQUEST);
            }
            otherwise(before, where, body);
        }

        void responses(String op, ChangedApiResponse responses) {
            responses.getMissing().keySet().forEach(status ->
                    add(Kind.RESPONSE_REMOVED, op + " response " + status, "response removed", true));
            responses.getIncreased().keySet().forEach(status ->
                    add(Kind.COMPATIBLE_CHANGE, op + " response " + status, "new response", false));
            for (Map.Entry<String, ChangedResponse> e : responses.getChanged().entrySet()) {
                String where = op + " response " + e.getKey();
                int before = findings.size();
                if (e.getValue().getContent() != null) {
                    content(where, e.getValue().getContent(), Direction.RESPONSE);
                }
                if (e.getValue().getHeaders() != null && e.getValue().getHeaders().isIncompatible()) {
                    add(Kind.CONSTRAINT_CHANGED, where, "response headers changed incompatibly", true);
                }
                otherwise(before, where, e.getValue());
            }
        }

        void content(String where, ChangedContent content, Direction direction) {
            content.getMissing().keySet().forEach(type ->
                    add(Kind.MEDIA_TYPE_REMOVED, where + " " + type, "media type removed", true));
            for (Map.Entry<String, ChangedMediaType> e : content.getChanged().entrySet()) {
                if (e.getValue().getSchema() != null) {
                    schema(where + " " + e.getKey(), "", e.getValue().getSchema(), direction);
                }
            }
        }

        void schema(String where, String field, ChangedSchema s, Direction direction) {
            // Recursive schemas: stop where the walk meets a schema it is already inside.
            if (!walking.add(s)) {
                return;
            }
            try {
                schemaChanges(where, field, s, direction);
            } finally {
                walking.remove(s);
            }
        }

        private void schemaChanges(String where, String field, ChangedSchema s, Direction direction) {
            String at = field.isEmpty() ? where : where + ": " + field;
            int before = findings.size();
            Schema<?> oldSchema = s.getOldSchema();
            Schema<?> newSchema = s.getNewSchema();
            boolean sameTypeName = Objects.equals(typeName(oldSchema), typeName(newSchema));
            if (s.isChangedType() && !sameTypeName) {
                add(Kind.TYPE_CHANGED, at, "type changed from " + type(oldSchema) + " to " + type(newSchema), true);
            }
            // A string that gains or loses format "password" (a secret marked as such, docs/security.md): an
            // annotation, the wire value and the Java and TypeScript types stay; reported, not breaking.
            if (passwordHintOnly(s, oldSchema, newSchema)) {
                add(Kind.COMPATIBLE_CHANGE, at, "format changed from " + format(oldSchema) + " to " + format(newSchema)
                        + " (marks a secret; same wire value and Java type; Python pydantic-v1 types it SecretStr)", false);
            } else if ((s.isChangedType() && sameTypeName) || s.isChangeFormat()) {
                add(Kind.FORMAT_CHANGED, at, "format changed from " + format(oldSchema) + " to " + format(newSchema)
                        + " (the generated Java type changes)", true);
            }
            ChangedEnum<?> enumeration = s.getEnumeration();
            boolean oldClosed = closedEnum(oldSchema);
            boolean newClosed = closedEnum(newSchema);
            if (enumeration != null) {
                if (direction == Direction.REQUEST && !enumeration.getMissing().isEmpty()) {
                    add(Kind.ENUM_NARROWED, at, "enum values removed from a request: " + enumeration.getMissing(), true);
                }
                if (direction == Direction.REQUEST && !oldClosed && newClosed) {
                    add(Kind.ENUM_NARROWED, at, "a request value that was free is now restricted to " + newSchema.getEnum()
                            + " (clients that sent another value are refused)", true);
                }
                // A closed response enum is a promise that no other value comes: stock clients (Python pydantic, Go)
                // reject a value they do not know. Open response enums are declared x-extensible-enum (below).
                if (direction == Direction.RESPONSE && !enumeration.getIncreased().isEmpty() && newClosed) {
                    add(Kind.ENUM_EXTENDED, at, (oldClosed
                            ? "values added to a closed response enum: " + enumeration.getIncreased()
                            : "a response value is now a closed enum " + newSchema.getEnum())
                            + " (stock clients reject values they do not know; declare open response enums x-extensible-enum)", true);
                }
            }
            if (direction == Direction.RESPONSE) {
                List<String> oldOpen = extensibleEnum(oldSchema);
                List<String> newOpen = extensibleEnum(newSchema);
                if (oldOpen != null && newOpen != null) {
                    List<String> added = newOpen.stream().filter(v -> !oldOpen.contains(v)).toList();
                    if (!added.isEmpty()) {
                        add(Kind.ENUM_EXTENDED, at, "values added to an open response enum (x-extensible-enum): " + added
                                + " (clients accept values they do not know)", false);
                    }
                }
                if (oldClosed && !newClosed && newOpen != null) {
                    add(Kind.COMPATIBLE_CHANGE, at, "response enum opened (enum -> x-extensible-enum " + newOpen
                            + "): every value valid before stays valid", false);
                }
                if (oldOpen != null && newClosed && (enumeration == null || enumeration.getIncreased().isEmpty())) {
                    add(Kind.ENUM_EXTENDED, at, "open response enum (x-extensible-enum) made closed " + newSchema.getEnum()
                            + " (stock clients then reject values they do not know)", true);
                }
            }
            Set<String> oldRequired = required(oldSchema);
            Set<String> newRequired = required(newSchema);
            for (String name : s.getMissingProperties().keySet()) {
                add(direction == Direction.RESPONSE ? Kind.RESPONSE_FIELD_REMOVED : Kind.REQUEST_FIELD_REMOVED,
                        at + (field.isEmpty() ? ": " : ".") + name, "field removed", true);
            }
            for (String name : s.getIncreasedProperties().keySet()) {
                boolean required = direction == Direction.REQUEST && newRequired.contains(name);
                add(required ? Kind.REQUIRED_REQUEST_FIELD_ADDED : Kind.COMPATIBLE_CHANGE,
                        at + (field.isEmpty() ? ": " : ".") + name,
                        required ? "new required request field" : "new optional field", required);
            }
            ChangedRequired changedRequired = s.getRequired();
            if (changedRequired != null) {
                for (Object name : changedRequired.getIncreased()) {
                    if (direction == Direction.REQUEST && !s.getIncreasedProperties().containsKey(String.valueOf(name))) {
                        add(Kind.REQUEST_FIELD_MADE_REQUIRED, at + (field.isEmpty() ? ": " : ".") + name,
                                "request field is now required", true);
                    }
                }
                for (Object name : changedRequired.getMissing()) {
                    if (direction == Direction.RESPONSE && !s.getMissingProperties().containsKey(String.valueOf(name))
                            && oldRequired.contains(String.valueOf(name))) {
                        add(Kind.RESPONSE_FIELD_MADE_OPTIONAL, at + (field.isEmpty() ? ": " : ".") + name,
                                "response field is no longer required (clients may get null)", true);
                    }
                }
            }
            for (Map.Entry<String, ChangedSchema> p : s.getChangedProperties().entrySet()) {
                schema(where, field.isEmpty() ? p.getKey() : field + "." + p.getKey(), p.getValue(), direction);
            }
            if (s.getItems() != null) {
                schema(where, field + "[]", s.getItems(), direction);
            }
            if (s.getAddProp() != null) {
                schema(where, field + "{}", s.getAddProp(), direction);
            }
            // Constraints (maxLength, range, pattern, readOnly, oneOf...) that openapi-diff itself finds incompatible.
            for (Changed element : s.getChangedElements()) {
                if (element != null && !(element instanceof ComposedChanged) && !(element instanceof ChangedEnum)
                        && !(element instanceof ChangedRequired) && element.isIncompatible()) {
                    add(Kind.CONSTRAINT_CHANGED, at, element.getClass().getSimpleName().replaceFirst("^Changed", "")
                            + " changed incompatibly (" + direction.name().toLowerCase() + ")", true);
                }
            }
            if (s.getOneOfSchema() != null && s.getOneOfSchema().isIncompatible()) {
                add(Kind.CONSTRAINT_CHANGED, at, "oneOf changed incompatibly", true);
            }
            if (findings.size() == before && s.isCoreChanged().isIncompatible()) {
                add(Kind.OTHER_INCOMPATIBLE, at, "openapi-diff reports an incompatible schema change", true);
            }
        }

        /** Reports what openapi-diff found incompatible at this element if nothing more precise was. */
        private void otherwise(int before, String where, ComposedChanged element) {
            boolean explained = findings.subList(before, findings.size()).stream().anyMatch(Finding::breaking);
            if (!explained && element.isCoreChanged().isIncompatible()) {
                add(Kind.OTHER_INCOMPATIBLE, where, "openapi-diff reports an incompatible change ("
                        + element.getClass().getSimpleName() + ")", true);
            }
        }

        private static boolean closedEnum(Schema<?> schema) {
            return schema != null && schema.getEnum() != null && !schema.getEnum().isEmpty();
        }

        /** The values of an open response enum ({@code x-extensible-enum}, Zalando's convention), or null. */
        private static List<String> extensibleEnum(Schema<?> schema) {
            Object values = schema == null || schema.getExtensions() == null ? null : schema.getExtensions().get("x-extensible-enum");
            return values instanceof List<?> list ? list.stream().map(String::valueOf).toList() : null;
        }

        private static Set<String> required(Schema<?> schema) {
            return schema == null || schema.getRequired() == null ? Set.of() : new TreeSet<>(schema.getRequired());
        }

        private static String typeName(Schema<?> schema) {
            if (schema == null) {
                return "nothing";
            }
            return schema.getType() != null ? schema.getType()
                    : schema.getTypes() != null ? String.join("|", schema.getTypes()) : "any";
        }

        private static String type(Schema<?> schema) {
            String type = typeName(schema);
            return schema == null || schema.getFormat() == null ? type : type + " (" + schema.getFormat() + ")";
        }

        private static boolean passwordHintOnly(ChangedSchema s, Schema<?> oldSchema, Schema<?> newSchema) {
            return (s.isChangeFormat() || s.isChangedType()) && "string".equals(typeName(oldSchema))
                    && "string".equals(typeName(newSchema))
                    && Set.of("none", "password").contains(format(oldSchema))
                    && Set.of("none", "password").contains(format(newSchema));
        }

        private static String format(Schema<?> schema) {
            return schema == null || schema.getFormat() == null ? "none" : schema.getFormat();
        }
    }

    /** The human-readable report of a gate run. */
    public static String report(Result result, Path baseline, Path bundles, String projectVersion, Map<String, String> sources) {
        StringBuilder out = new StringBuilder();
        out.append("[contract] ").append(bundles).append(" vs released contract ").append(result.baselineVersion())
                .append(" (").append(baseline).append("), project version ").append(projectVersion).append('\n');
        Map<String, List<Finding>> byService = result.findings().stream()
                .collect(Collectors.groupingBy(Finding::service, java.util.TreeMap::new, Collectors.toList()));
        Set<String> services = new TreeSet<>(byService.keySet());
        services.addAll(serviceNamesQuietly(baseline));
        for (String service : services) {
            List<Finding> findings = byService.getOrDefault(service, List.of());
            long breaking = findings.stream().filter(Finding::breaking).count();
            String source = sources.containsKey(service) ? " (edit " + sources.get(service) + ")" : "";
            out.append("[contract] ").append(service).append(source).append(": ");
            if (findings.isEmpty()) {
                out.append("no change\n");
                continue;
            }
            out.append(breaking).append(" breaking, ").append(findings.size() - breaking).append(" compatible");
            if (breaking > 0) {
                out.append(result.acknowledged().contains(service)
                        ? " - ACKNOWLEDGED by a major version bump" : " - NOT acknowledged: the build fails");
            }
            out.append('\n');
            findings.forEach(f -> out.append("[contract]   ").append(f).append('\n'));
        }
        return out.toString().stripTrailing();
    }

    private static boolean infoMajorBumped(ChangedOpenApi diff) {
        return major(version(diff.getNewSpecOpenApi())) > major(version(diff.getOldSpecOpenApi()));
    }

    private static String version(OpenAPI api) {
        return api == null || api.getInfo() == null || api.getInfo().getVersion() == null ? "0" : api.getInfo().getVersion();
    }

    static int major(String version) {
        String digits = version.replaceFirst("^[vV]", "").split("[.\\-+]", 2)[0];
        try {
            return Integer.parseInt(digits);
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    static int compareVersions(String a, String b) {
        String[] x = a.split("\\.");
        String[] y = b.split("\\.");
        for (int i = 0; i < Math.max(x.length, y.length); i++) {
            int c = Integer.compare(i < x.length ? Integer.parseInt(x[i]) : 0, i < y.length ? Integer.parseInt(y[i]) : 0);
            if (c != 0) {
                return c;
            }
        }
        return 0;
    }

    private static Set<String> serviceNames(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            return Set.of();
        }
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(f -> f.getFileName().toString()).filter(n -> n.endsWith(".yaml"))
                    .map(n -> n.substring(0, n.length() - ".yaml".length())).collect(Collectors.toCollection(TreeSet::new));
        }
    }

    private static Set<String> serviceNamesQuietly(Path dir) {
        try {
            return serviceNames(dir);
        } catch (IOException e) {
            return Set.of();
        }
    }
}
