package org.contractfirst.notebooks.specvalidator;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import io.swagger.parser.OpenAPIParser;
import io.swagger.v3.core.util.Json;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.parser.core.models.ParseOptions;
import io.swagger.v3.parser.core.models.SwaggerParseResult;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Bundles a service's OpenAPI document and every file it references into one self-contained document:
 * Swagger Parser resolves the external {@code $ref}s into local {@code #/components/...} refs
 * ({@code resolve=true}, not {@code resolveFully}, so shared schemas stay components), components left
 * unreferenced by the inlining are pruned, and the result is written as {@code <name>.yaml} and
 * {@code <name>.json}.
 *
 * <p>Each bundle is then checked: it parses without messages, has no external {@code $ref} left, and
 * resolves to exactly the same API as its source documents (both fully resolved, compared as JSON).
 *
 * <p>Usage: {@code SpecBundler <specs folder> <output folder> (<name>=<document relative to specs> ... |
 * --registry=<services.yaml>)}; with {@code --registry} every service of the registry, its {@code spec}.
 * Throws (exit code 1) on any problem.
 */
public final class SpecBundler {

    // Numbers as written (1000, not 1E+3: YAML 1.1 readers take "1E+3" for a string).
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT)
            .enable(JsonGenerator.Feature.WRITE_BIGDECIMAL_AS_PLAIN);
    private static final ObjectMapper YAML = new ObjectMapper(YAMLFactory.builder()
            // Every string value quoted: unquoted "2023-11-23 01:02:00" is a timestamp to YAML 1.1 readers (PyYAML).
            .disable(YAMLGenerator.Feature.MINIMIZE_QUOTES)
            .enable(YAMLGenerator.Feature.LITERAL_BLOCK_STYLE)
            .disable(YAMLGenerator.Feature.SPLIT_LINES)
            .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
            .build())
            .enable(JsonGenerator.Feature.WRITE_BIGDECIMAL_AS_PLAIN);

    private SpecBundler() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length < 3) {
            throw new IllegalArgumentException("usage: SpecBundler <specs folder> <output folder> (<name>=<document> ... | --registry=<file>)");
        }
        Path specs = Path.of(args[0]);
        Path out = Path.of(args[1]);
        Files.createDirectories(out);
        List<String> documents = new ArrayList<>();
        for (int i = 2; i < args.length; i++) {
            if (args[i].startsWith("--registry=")) {
                ServiceRegistry.read(Path.of(args[i].substring("--registry=".length())))
                        .forEach(s -> documents.add(s.id() + "=" + s.specUnderSpecs()));
            } else {
                documents.add(args[i]);
            }
        }
        // A service no longer listed leaves no bundle behind (the gate and the attached artifacts list the folder).
        Set<String> names = new TreeSet<>();
        documents.forEach(d -> names.add(d.split("=", 2)[0]));
        try (var files = Files.list(out)) {
            for (Path stale : files.filter(f -> f.getFileName().toString().matches("[^.]+\\.(yaml|json)"))
                    .filter(f -> !names.contains(f.getFileName().toString().replaceFirst("\\.(yaml|json)$", ""))).toList()) {
                Files.delete(stale);
            }
        }
        List<String> problems = new ArrayList<>();
        for (String argument : documents) {
            String[] nameAndDocument = argument.split("=", 2);
            if (nameAndDocument.length != 2) {
                throw new IllegalArgumentException("expected <name>=<document>, got " + argument);
            }
            String name = nameAndDocument[0];
            Path source = specs.resolve(nameAndDocument[1]);
            List<String> found = new ArrayList<>();
            try {
                JsonNode bundle = bundle(source);
                Path yaml = out.resolve(name + ".yaml");
                Path json = out.resolve(name + ".json");
                Files.writeString(yaml, toYaml(bundle));
                Files.writeString(json, JSON.writeValueAsString(bundle) + "\n");
                found.addAll(check(source, yaml));
                found.addAll(check(source, json));
                if (found.isEmpty()) {
                    System.out.println("[bundle] " + name + ": " + specs.relativize(source) + " -> " + yaml + ", "
                            + json.getFileName() + " (valid, no external $ref, same API as the source)");
                }
            } catch (RuntimeException e) {
                found.add(e.getMessage());
            }
            found.forEach(p -> problems.add(name + ": " + p));
        }
        if (!problems.isEmpty()) {
            problems.forEach(p -> System.err.println("[bundle] " + p));
            throw new IllegalStateException(problems.size() + " bundle problem(s):\n  " + String.join("\n  ", problems));
        }
    }

    /**
     * swagger-core's mapper orders some keys of an object by reflection order (e.g. where {@code default} lands in a
     * schema), which differs from one JVM run to the next; with the properties of each object sorted the bundle is
     * the same bytes for the same sources. Maps (paths, properties, responses, ...) keep their source order.
     */
    private static final ObjectMapper CANONICAL = Json.mapper().copy()
            .configure(MapperFeature.SORT_PROPERTIES_ALPHABETICALLY, true);

    /** The bundled document of {@code source} as a JSON tree (external refs made local, unused components pruned). */
    public static JsonNode bundle(Path source) {
        OpenAPI api = parse(source, false);
        ObjectNode sorted = CANONICAL.valueToTree(api);
        ObjectNode tree = sorted.objectNode(); // "openapi" and "info" first, as people write them
        tree.set("openapi", sorted.get("openapi"));
        tree.set("info", sorted.get("info"));
        tree.setAll(sorted);
        pruneUnusedComponents(tree);
        return tree;
    }

    /** The bundle in YAML, block style, every string value double-quoted (multi-line ones as literal blocks). */
    public static String toYaml(JsonNode bundle) throws JsonProcessingException {
        return YAML.writeValueAsString(bundle);
    }

    /**
     * Problems of a written bundle: Swagger Parser messages, external refs, and any difference between the
     * fully resolved bundle and the fully resolved source.
     */
    public static List<String> check(Path source, Path bundleFile) {
        List<String> problems = new ArrayList<>();
        String name = bundleFile.getFileName().toString();
        ParseOptions options = new ParseOptions();
        options.setResolve(true);
        SwaggerParseResult result = new OpenAPIParser().readLocation(bundleFile.toUri().toString(), null, options);
        if (result.getMessages() != null) {
            result.getMessages().forEach(m -> problems.add(name + ": " + m));
        }
        if (result.getOpenAPI() == null) {
            problems.add(name + ": not a readable OpenAPI document");
            return problems;
        }
        try {
            Set<String> external = new TreeSet<>();
            ObjectMapper reader = name.endsWith(".json") ? JSON : YAML;
            collectRefs(reader.readTree(bundleFile.toFile()), external);
            external.removeIf(ref -> ref.startsWith("#/"));
            external.forEach(ref -> problems.add(name + ": external $ref left: " + ref));
        } catch (IOException e) {
            problems.add(name + ": " + e.getMessage());
        }
        JsonNode expected = apiSurface(parse(source, true));
        JsonNode actual = apiSurface(parse(bundleFile, true));
        if (!expected.equals(actual)) {
            problems.add(name + ": does not resolve to the same API as " + source + " (first difference at "
                    + firstDifference(expected, actual, "") + ")");
        }
        return problems;
    }

    private static OpenAPI parse(Path document, boolean resolveFully) {
        ParseOptions options = new ParseOptions();
        options.setResolve(true);
        options.setResolveFully(resolveFully);
        SwaggerParseResult result = new OpenAPIParser().readLocation(document.toUri().toString(), null, options);
        if (result.getOpenAPI() == null || (result.getMessages() != null && !result.getMessages().isEmpty())) {
            throw new IllegalStateException(document + ": cannot be bundled: " + result.getMessages());
        }
        return result.getOpenAPI();
    }

    /**
     * The fully resolved document as JSON, for comparison: components are dropped except the security
     * schemes (everything else is inlined where it is used, and unused components carry no API).
     */
    private static JsonNode apiSurface(OpenAPI fullyResolved) {
        ObjectNode tree = Json.mapper().valueToTree(fullyResolved);
        JsonNode components = tree.get("components");
        if (components != null && components.isObject()) {
            ((ObjectNode) components).retain("securitySchemes");
        }
        return withoutDefaultStyles(tree);
    }

    /**
     * Drops {@code style}/{@code explode} where they are the OpenAPI defaults for the parameter's location
     * (or a header): Swagger Parser fills them in for inline parameters but not for referenced ones, which
     * is no difference in the API.
     */
    static JsonNode withoutDefaultStyles(JsonNode node) {
        if (node.isObject()) {
            ObjectNode object = (ObjectNode) node;
            if (object.has("style") && object.has("schema")) {
                String in = object.path("in").asText("header");
                String style = object.get("style").asText();
                boolean explode = object.path("explode").asBoolean(style.equals("form"));
                boolean defaults = switch (in) {
                    case "query", "cookie" -> style.equals("form") && explode;
                    default -> style.equals("simple") && !explode;
                };
                if (defaults) {
                    object.remove("style");
                    object.remove("explode");
                }
            }
            object.elements().forEachRemaining(SpecBundler::withoutDefaultStyles);
        } else if (node.isArray()) {
            node.elements().forEachRemaining(SpecBundler::withoutDefaultStyles);
        }
        return node;
    }

    /** Removes components that no {@code $ref} reaches any more (security schemes are referenced by name and kept). */
    static void pruneUnusedComponents(ObjectNode tree) {
        JsonNode components = tree.get("components");
        if (components == null || !components.isObject()) {
            return;
        }
        boolean removed = true;
        while (removed) {
            removed = false;
            Set<String> refs = new TreeSet<>();
            collectRefs(tree, refs);
            Iterator<Map.Entry<String, JsonNode>> sections = components.fields();
            while (sections.hasNext()) {
                Map.Entry<String, JsonNode> section = sections.next();
                if (section.getKey().equals("securitySchemes") || !section.getValue().isObject()) {
                    continue;
                }
                Iterator<String> names = section.getValue().fieldNames();
                while (names.hasNext()) {
                    String ref = "#/components/" + section.getKey() + "/" + names.next();
                    if (!refs.contains(ref)) {
                        names.remove();
                        removed = true;
                    }
                }
                if (section.getValue().isEmpty()) {
                    sections.remove();
                }
            }
        }
    }

    private static void collectRefs(JsonNode node, Set<String> refs) {
        if (node.isObject()) {
            node.fields().forEachRemaining(e -> {
                if (e.getKey().equals("$ref") && e.getValue().isTextual()) {
                    refs.add(e.getValue().asText());
                } else {
                    collectRefs(e.getValue(), refs);
                }
            });
        } else if (node.isArray()) {
            node.forEach(child -> collectRefs(child, refs));
        }
    }

    private static String firstDifference(JsonNode expected, JsonNode actual, String path) {
        if (expected == null || actual == null || expected.getNodeType() != actual.getNodeType()) {
            return path.isEmpty() ? "/" : path;
        }
        if (expected.isObject()) {
            Map<String, JsonNode> union = new LinkedHashMap<>();
            expected.fields().forEachRemaining(e -> union.put(e.getKey(), e.getValue()));
            actual.fieldNames().forEachRemaining(k -> union.putIfAbsent(k, null));
            for (String key : union.keySet()) {
                if (!java.util.Objects.equals(expected.get(key), actual.get(key))) {
                    return firstDifference(expected.get(key), actual.get(key), path + "/" + key);
                }
            }
        } else if (expected.isArray()) {
            for (int i = 0; i < Math.max(expected.size(), actual.size()); i++) {
                if (!java.util.Objects.equals(expected.get(i), actual.get(i))) {
                    return firstDifference(expected.get(i), actual.get(i), path + "/" + i);
                }
            }
        }
        return path.isEmpty() ? "/" : path;
    }

    /** Exposed for tests: the components a bundle keeps, as {@code section/name}. */
    static Set<String> componentNames(JsonNode bundle) {
        Set<String> names = new TreeSet<>();
        JsonNode components = bundle.get("components");
        if (components != null) {
            components.fields().forEachRemaining(s -> s.getValue().fieldNames()
                    .forEachRemaining(n -> names.add(s.getKey() + "/" + n)));
        }
        return names;
    }
}
