package org.contractfirst.notebooks.evolution;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import org.contractfirst.notebooks.contractdiff.ContractDiff;
import org.contractfirst.notebooks.specvalidator.ServiceRegistry;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The evolution matrix (issue 9): each case changes copies of the service bundles
 * ({@code specs/target/bundles}), regenerates the affected clients with the build's own generator options,
 * compiles them with their hand-written entry points, and asks both gates: the contract gate
 * ({@link ContractDiff#gate}, as the build runs it) and japicmp (binary and source compatibility of the
 * public and protected API, as the build's java-api-gate runs it). Both must give the case's expected
 * verdict. The unchanged bundles are a case too (both gates must be silent), and in the case that touches
 * every service the example programs ({@code examples/}) must still compile against the changed clients,
 * i.e. consumer code written against the current jars compiles unchanged. Report: target/evolution-report.txt.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class EvolutionMatrixTest {

    enum Verdict { COMPATIBLE, BREAKING }

    /** Service id to client module: the services.yaml entries with {@code evolution: true} and a Java client. */
    private static final Map<String, String> MODULES = new LinkedHashMap<>();
    static {
        try {
            for (ServiceRegistry.Service s : ServiceRegistry.read(
                    Path.of(System.getProperty("repo.root", "../.."), "services.yaml"))) {
                if (s.evolution()) {
                    s.client().ifPresent(c -> MODULES.put(s.id(), c.module()));
                }
            }
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** The same change for every service of the matrix. */
    private static Map<String, Consumer<ObjectNode>> everyService(Consumer<ObjectNode> change) {
        Map<String, Consumer<ObjectNode>> changes = new LinkedHashMap<>();
        MODULES.keySet().forEach(service -> changes.put(service, change));
        return changes;
    }

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    /** Something to check with the clients before (old) and after (new) the change, each in a class loader of its own. */
    interface Check {
        void run(ClassLoader oldClient, ClassLoader newClient) throws Exception;
    }

    /** One spec change: what it does to which service bundles, the verdict both gates must give, and an optional check. */
    record Case(String name, Verdict expected, Map<String, Consumer<ObjectNode>> changes, Check check) {
        Case(String name, Verdict expected, Map<String, Consumer<ObjectNode>> changes) {
            this(name, expected, changes, null);
        }

        @Override
        public String toString() {
            return name;
        }
    }

    private final Path root = Path.of(System.getProperty("repo.root", "../..")).toAbsolutePath().normalize();
    private final Path work = Path.of(System.getProperty("evolution.work", "target/evolution")).toAbsolutePath();
    private final Map<String, ClientGeneration> generation = new LinkedHashMap<>();
    private final Map<String, Path> baselineJars = new LinkedHashMap<>();
    private final List<String> report = new ArrayList<>();

    @BeforeAll
    void generateTheUnchangedClients() throws Exception {
        deleteRecursively(work);
        for (Map.Entry<String, String> e : MODULES.entrySet()) {
            ClientGeneration g = ClientGeneration.of(root, e.getValue());
            generation.put(e.getKey(), g);
            Path bundle = root.resolve("specs/target/bundles/" + e.getKey() + ".yaml");
            assertThat(bundle).as("bundle of %s (built by the specs module)", e.getKey()).exists();
            baselineJars.put(e.getKey(), build(e.getKey(), "baseline", bundle));
        }
    }

    static Stream<Case> cases() {
        return Stream.of(
                new Case("unchanged bundles", Verdict.COMPATIBLE, everyService(api -> { })),
                // --- compatible ---
                new Case("new optional query and header parameter on every operation", Verdict.COMPATIBLE,
                        everyService(EvolutionMatrixTest::addOptionalQueryAndHeaderParameters)),
                new Case("new optional response field (ModelArts NotebookResp.energy_saving)", Verdict.COMPATIBLE, Map.of(
                        "modelarts", api -> properties(api, "NotebookResp").set("energy_saving",
                                YAML.createObjectNode().put("type", "boolean").put("description", "new field"))),
                        EvolutionMatrixTest::theNewFieldIsReadableBeforeAndAfterRegeneration),
                new Case("new optional response field (SCNet InstanceServiceDetail.nodeName)", Verdict.COMPATIBLE, Map.of(
                        "scnet", api -> properties(api, "InstanceServiceDetail").set("nodeName",
                                YAML.createObjectNode().put("type", "string").put("description", "new field")))),
                new Case("new response enum value (EIHealth NotebookStatus Frozen, x-extensible-enum)", Verdict.COMPATIBLE, Map.of(
                        "eihealth", api -> ((ArrayNode) schema(api, "NotebookStatus").get("x-extensible-enum")).add("Frozen"))),
                new Case("new optional request-body field (ModelArts OpenCodeLabRequest.flavor)", Verdict.COMPATIBLE, Map.of(
                        "modelarts", api -> properties(api, "OpenCodeLabRequest").set("flavor",
                                YAML.createObjectNode().put("type", "string").put("description", "new field")))),
                new Case("new operation (ModelArts GET /v1/{project_id}/notebooks/{id} showNotebook)", Verdict.COMPATIBLE, Map.of(
                        "modelarts", EvolutionMatrixTest::addShowNotebookOperation)),
                new Case("new schema (EIHealth NotebookQuota)", Verdict.COMPATIBLE, Map.of(
                        "eihealth", api -> ((ObjectNode) api.at("/components/schemas")).set("NotebookQuota",
                                YAML.createObjectNode().put("type", "object").put("description", "new schema")
                                        .set("properties", YAML.createObjectNode().set("max",
                                                YAML.createObjectNode().put("type", "integer")))))),
                // --- breaking ---
                new Case("removed parameter (ModelArts listNotebooks owner)", Verdict.BREAKING, Map.of(
                        "modelarts", api -> removeParameter(api, "/v1/{project_id}/notebooks", "get", "owner"))),
                new Case("renamed parameter (EIHealth listNotebooks name -> notebook_name)", Verdict.BREAKING, Map.of(
                        "eihealth", api -> parameter(api, "/v1/{project_id}/eihealth-projects/{eihealth_project_id}/notebooks",
                                "get", "name").put("name", "notebook_name"))),
                new Case("removed response field (SCNet InstanceServiceDetail.imagePath)", Verdict.BREAKING, Map.of(
                        "scnet", api -> properties(api, "InstanceServiceDetail").remove("imagePath"))),
                new Case("renamed response field (EIHealth NotebookEntity.creator -> owner)", Verdict.BREAKING, Map.of(
                        "eihealth", api -> rename(properties(api, "NotebookEntity"), "creator", "owner"))),
                new Case("changed type (ModelArts NotebookResp.description string -> integer)", Verdict.BREAKING, Map.of(
                        "modelarts", api -> ((ObjectNode) properties(api, "NotebookResp").get("description"))
                                .put("type", "integer"))),
                new Case("new required parameter (EIHealth listNotebooks query workspace)", Verdict.BREAKING, Map.of(
                        "eihealth", api -> parameters(api, "/v1/{project_id}/eihealth-projects/{eihealth_project_id}/notebooks", "get")
                                .add(queryParameter("workspace", true)))),
                new Case("removed operation (ModelArts openCodeLab)", Verdict.BREAKING, Map.of(
                        "modelarts", api -> ((ObjectNode) api.get("paths")).remove("/v1/{project_id}/notebooks/open"))));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void bothGatesGiveTheExpectedVerdict(Case c) throws Exception {
        String slug = c.name().replaceAll("[^A-Za-z0-9]+", "-").replaceAll("^-|-$", "").toLowerCase();
        Path caseDir = work.resolve(slug);
        Path baselineBundles = caseDir.resolve("baseline/1.0.0"); // the gate reads the version from the folder name
        Path changedBundles = caseDir.resolve("changed");
        Files.createDirectories(baselineBundles);
        Files.createDirectories(changedBundles);
        List<String> contractBreaks = new ArrayList<>();
        List<String> contractChanges = new ArrayList<>();
        List<String> javaBreaks = new ArrayList<>();
        Map<String, Path> changedJars = new LinkedHashMap<>();

        for (Map.Entry<String, Consumer<ObjectNode>> change : new java.util.TreeMap<>(c.changes()).entrySet()) {
            String service = change.getKey();
            Path original = root.resolve("specs/target/bundles/" + service + ".yaml");
            Files.copy(original, baselineBundles.resolve(service + ".yaml"));
            ObjectNode api = (ObjectNode) YAML.readTree(original.toFile());
            change.getValue().accept(api);
            Path changed = changedBundles.resolve(service + ".yaml");
            YAML.writeValue(changed.toFile(), api);

            Path jar = build(service, slug, changed);
            changedJars.put(service, jar);
            javaBreaks.addAll(JavaBuild.incompatibilities(baselineJars.get(service), jar));
        }
        ContractDiff.Result gate = ContractDiff.gate(baselineBundles, changedBundles, "1.0.0");
        gate.unacknowledged().forEach(f -> contractBreaks.add(f.toString()));
        gate.findings().stream().filter(f -> !f.breaking()).forEach(f -> contractChanges.add(f.toString()));

        if (c.check() != null) {
            String service = c.changes().keySet().iterator().next();
            try (java.net.URLClassLoader before = loader(baselineJars.get(service));
                 java.net.URLClassLoader after = loader(changedJars.get(service))) {
                c.check().run(before, after);
            }
        }
        if (changedJars.size() == MODULES.size()) {
            // Consumer code written against the current clients: the example programs.
            JavaBuild.compileToJar(List.of(root.resolve("examples/src/main/java")), List.copyOf(changedJars.values()),
                    caseDir.resolve("examples-classes"), caseDir.resolve("examples.jar"));
        }

        Verdict contract = contractBreaks.isEmpty() ? Verdict.COMPATIBLE : Verdict.BREAKING;
        Verdict java = javaBreaks.isEmpty() ? Verdict.COMPATIBLE : Verdict.BREAKING;
        boolean ok = contract == c.expected() && java == c.expected();
        report.add(String.format("%-4s %-80s expected %-10s contract gate %-10s japicmp %-10s%n"
                        + "       contract gate: %s%n       japicmp:       %s",
                ok ? "OK" : "FAIL", c.name(), c.expected(), contract, java,
                contractBreaks.isEmpty() ? (contractChanges.isEmpty() ? "no change" : "compatible: " + first(contractChanges)) : first(contractBreaks),
                javaBreaks.isEmpty() ? "binary and source compatible" : first(javaBreaks)));

        assertThat(contract).as("contract gate verdict for '%s': %s %s", c.name(), contractBreaks, contractChanges)
                .isEqualTo(c.expected());
        assertThat(java).as("japicmp verdict for '%s': %s", c.name(), javaBreaks).isEqualTo(c.expected());
    }

    @AfterAll
    void writeReport() throws IOException {
        long failed = report.stream().filter(l -> l.startsWith("FAIL")).count();
        String text = "API evolution matrix: " + report.size() + " cases, " + (report.size() - failed) + " as expected, "
                + failed + " where a gate disagrees\n\n" + String.join("\n", report) + "\n";
        Path out = Path.of(System.getProperty("evolution.report", "target/evolution-report.txt"));
        Files.createDirectories(out.toAbsolutePath().getParent());
        Files.writeString(out, text, StandardCharsets.UTF_8);
        System.out.println(text);
    }

    private Path build(String service, String caseName, Path bundle) throws Exception {
        ClientGeneration g = generation.get(service);
        Path dir = work.resolve(caseName).resolve(service);
        g.generate(bundle, dir.resolve("generated"));
        return JavaBuild.compileToJar(List.of(dir.resolve("generated/java"), g.handWrittenSources()), List.of(),
                dir.resolve("classes"), dir.resolve(g.module + ".jar"));
    }

    /** A class loader with the client jar and what it compiles against (the test's own classes are not visible). */
    private static java.net.URLClassLoader loader(Path clientJar) throws Exception {
        List<java.net.URL> urls = new ArrayList<>();
        urls.add(clientJar.toUri().toURL());
        for (Path p : JavaBuild.classpath()) {
            urls.add(p.toUri().toURL());
        }
        return new java.net.URLClassLoader(urls.toArray(new java.net.URL[0]), ClassLoader.getPlatformClassLoader());
    }

    /**
     * What the server sends once the field exists: the client generated before the change keeps it among the unknown
     * properties, the regenerated one has a typed getter for it.
     */
    private static void theNewFieldIsReadableBeforeAndAfterRegeneration(ClassLoader oldClient, ClassLoader newClient)
            throws Exception {
        String json = "{\"id\":\"nb-1\",\"energy_saving\":true}";
        Object before = decode(oldClient, json);
        Object kept = before.getClass().getMethod("getAdditionalProperty", String.class).invoke(before, "energy_saving");
        assertThat(kept).hasToString("true");
        Object after = decode(newClient, json);
        assertThat(after.getClass().getMethod("getEnergySaving").invoke(after)).isEqualTo(Boolean.TRUE);
        assertThat(after.getClass().getMethod("getId").invoke(after)).isEqualTo("nb-1");
    }

    private static Object decode(ClassLoader client, String json) throws Exception {
        Class<?> model = client.loadClass("org.contractfirst.notebooks.modelarts.model.NotebookResp");
        Object mapper = client.loadClass("org.contractfirst.notebooks.modelarts.invoker.JSON").getConstructor().newInstance();
        Object objectMapper = mapper.getClass().getMethod("getMapper").invoke(mapper);
        return objectMapper.getClass().getMethod("readValue", String.class, Class.class).invoke(objectMapper, json, model);
    }

    // ---- spec changes ----

    private static void addOptionalQueryAndHeaderParameters(ObjectNode api) {
        for (JsonNode pathItem : api.get("paths")) {
            for (Iterator<Map.Entry<String, JsonNode>> it = pathItem.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> op = it.next();
                if (op.getValue().has("operationId")) {
                    ArrayNode parameters = (ArrayNode) op.getValue().get("parameters");
                    if (parameters == null) {
                        parameters = ((ObjectNode) op.getValue()).putArray("parameters");
                    }
                    parameters.add(queryParameter("creator", false));
                    parameters.add(YAML.createObjectNode().put("name", "X-Trace-Id").put("in", "header").put("required", false)
                            .put("description", "new optional header").set("schema", YAML.createObjectNode().put("type", "string")));
                }
            }
        }
    }

    private static void addShowNotebookOperation(ObjectNode api) {
        ObjectNode op = YAML.createObjectNode().put("operationId", "showNotebook").put("summary", "Query a notebook");
        op.putArray("tags").add("DevEnviron");
        ArrayNode parameters = op.putArray("parameters");
        parameters.add(YAML.createObjectNode().put("name", "project_id").put("in", "path").put("required", true)
                .set("schema", YAML.createObjectNode().put("type", "string")));
        parameters.add(YAML.createObjectNode().put("name", "id").put("in", "path").put("required", true)
                .set("schema", YAML.createObjectNode().put("type", "string")));
        op.putObject("responses").putObject("200").put("description", "the notebook")
                .putObject("content").putObject("application/json").putObject("schema")
                .put("$ref", "#/components/schemas/NotebookResp");
        ((ObjectNode) api.get("paths")).putObject("/v1/{project_id}/notebooks/{id}").set("get", op);
    }

    private static ObjectNode queryParameter(String name, boolean required) {
        return (ObjectNode) YAML.createObjectNode().put("name", name).put("in", "query").put("required", required)
                .put("description", "new parameter").set("schema", YAML.createObjectNode().put("type", "string"));
    }

    private static ObjectNode schema(ObjectNode api, String name) {
        JsonNode s = api.at("/components/schemas/" + name);
        if (!s.isObject()) {
            throw new IllegalStateException("no schema " + name + " in the bundle: update the matrix");
        }
        return (ObjectNode) s;
    }

    private static ObjectNode properties(ObjectNode api, String schema) {
        return (ObjectNode) schema(api, schema).get("properties");
    }

    private static ArrayNode parameters(ObjectNode api, String path, String method) {
        JsonNode p = api.at("/paths/" + path.replace("~", "~0").replace("/", "~1") + "/" + method + "/parameters");
        if (!p.isArray()) {
            throw new IllegalStateException("no parameters of " + method + " " + path + " in the bundle: update the matrix");
        }
        return (ArrayNode) p;
    }

    private static ObjectNode parameter(ObjectNode api, String path, String method, String name) {
        for (JsonNode p : parameters(api, path, method)) {
            if (name.equals(p.path("name").asText())) {
                return (ObjectNode) p;
            }
        }
        throw new IllegalStateException("no parameter " + name + " of " + method + " " + path + ": update the matrix");
    }

    private static void removeParameter(ObjectNode api, String path, String method, String name) {
        ArrayNode parameters = parameters(api, path, method);
        ObjectNode p = parameter(api, path, method, name);
        for (int i = 0; i < parameters.size(); i++) {
            if (parameters.get(i) == p) {
                parameters.remove(i);
                return;
            }
        }
    }

    private static void rename(ObjectNode properties, String from, String to) {
        JsonNode value = properties.remove(from);
        if (value == null) {
            throw new IllegalStateException("no property " + from + ": update the matrix");
        }
        properties.set(to, value);
    }

    private static String first(List<String> lines) {
        return lines.get(0) + (lines.size() > 1 ? " (+" + (lines.size() - 1) + " more)" : "");
    }

    private static void deleteRecursively(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path f : (Iterable<Path>) files.sorted(java.util.Comparator.reverseOrder())::iterator) {
                Files.delete(f);
            }
        }
    }
}
