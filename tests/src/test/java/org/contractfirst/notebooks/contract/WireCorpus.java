package org.contractfirst.notebooks.contract;

import com.atlassian.oai.validator.report.MessageResolver;
import com.atlassian.oai.validator.report.ValidationReport;
import com.atlassian.oai.validator.schema.SchemaValidator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.swagger.v3.core.util.Yaml;
import io.swagger.parser.OpenAPIParser;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.parser.core.models.ParseOptions;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The published bundles ({@code specs/target/bundles}) and the wire-corpus manifest
 * ({@code tests/src/test/resources/wire-corpus.json}), with a neutral validator: Atlassian's
 * {@code SchemaValidator} (OpenAPI 3.0 schema semantics; unknown keywords such as {@code x-extensible-enum} are
 * annotations). Undeclared properties are reported too: the corpus must not carry a field the spec lacks. For that,
 * {@link #parse} reads a bundle without the {@code additionalProperties: true} of its response objects (the published
 * contract allows unknown fields, ledger row 61; a known payload must still have none): the validator then treats an
 * unlisted field as a violation, as before that marker.
 */
final class WireCorpus {

    static final Path RESOURCES = Path.of("src/test/resources");
    static final Path MANIFEST = RESOURCES.resolve("wire-corpus.json");
    private static final ObjectMapper JSON = new ObjectMapper();

    private WireCorpus() {
    }

    static Path bundle(String service) {
        return Path.of(System.getProperty("specs.dir", "../specs")).resolve("target/bundles/" + service + ".yaml");
    }

    static OpenAPI parse(Path bundle) {
        ParseOptions options = new ParseOptions();
        options.setResolve(false);
        JsonNode tree;
        try {
            tree = Yaml.mapper().readTree(bundle.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + bundle, e);
        }
        dropOpenObjectMarker(tree);
        OpenAPI api = new OpenAPIParser().readContents(tree.toString(), null, options).getOpenAPI();
        if (api == null) {
            throw new IllegalStateException("not a readable OpenAPI document: " + bundle);
        }
        return api;
    }

    /** Removes {@code additionalProperties: true} from every schema that lists {@code properties}. */
    private static void dropOpenObjectMarker(JsonNode node) {
        if (node instanceof ObjectNode object) {
            JsonNode additional = object.get("additionalProperties");
            if (additional != null && additional.isBoolean() && additional.booleanValue() && object.has("properties")) {
                object.remove("additionalProperties");
            }
        }
        if (node.isContainerNode()) {
            node.elements().forEachRemaining(WireCorpus::dropOpenObjectMarker);
        }
    }

    /** One manifest entry: a payload file (relative to the manifest), its service and bundle component schema. */
    record Entry(String file, String service, String schema, String source) {
    }

    static List<Entry> entries() throws IOException {
        List<Entry> entries = new ArrayList<>();
        for (JsonNode e : JSON.readTree(MANIFEST.toFile()).path("entries")) {
            entries.add(new Entry(e.path("file").asText(), e.path("service").asText(), e.path("schema").asText(),
                    e.path("source").asText()));
        }
        return entries;
    }

    static JsonNode payload(Entry entry) throws IOException {
        return JSON.readTree(MANIFEST.getParent().resolve(entry.file()).toFile());
    }

    /**
     * Every violation of {@code value} against {@code schema}, one line each: {@code <where> <JSON pointer>: <message>
     * [<key>]}; empty when it validates.
     */
    static List<String> violations(OpenAPI api, Schema<?> schema, JsonNode value, String where) {
        SchemaValidator validator = new SchemaValidator(api, new MessageResolver());
        ValidationReport report = validator.validate(() -> value, schema, "wire");
        List<String> lines = new ArrayList<>();
        for (ValidationReport.Message m : report.getMessages()) {
            if (m.getLevel() != ValidationReport.Level.ERROR) {
                continue;
            }
            String pointer = m.getContext().flatMap(ValidationReport.MessageContext::getPointers)
                    .map(ValidationReport.MessageContext.Pointers::getInstance).orElse("");
            lines.add(where + " " + (pointer.isEmpty() ? "/" : pointer) + ": " + m.getMessage() + " [" + m.getKey() + "]");
        }
        return lines;
    }

    static Schema<?> ref(String component) {
        return new Schema<>().$ref("#/components/schemas/" + component);
    }

    /** The component schemas reachable from any response of the bundle (transitively through $ref). */
    static Set<String> responseSchemas(JsonNode bundle) {
        Set<String> found = new LinkedHashSet<>();
        List<JsonNode> roots = new ArrayList<>();
        bundle.path("paths").forEach(item -> item.forEach(op -> op.path("responses").forEach(roots::add)));
        bundle.path("components").path("responses").forEach(roots::add);
        List<JsonNode> work = new ArrayList<>();
        roots.forEach(r -> r.path("content").forEach(media -> work.add(media.path("schema"))));
        while (!work.isEmpty()) {
            JsonNode node = work.remove(work.size() - 1);
            node.findValues("$ref").forEach(ref -> {
                String r = ref.asText();
                if (r.startsWith("#/components/schemas/")) {
                    String name = r.substring("#/components/schemas/".length());
                    if (found.add(name)) {
                        work.add(bundle.path("components").path("schemas").path(name));
                    }
                }
            });
        }
        return found;
    }
}
