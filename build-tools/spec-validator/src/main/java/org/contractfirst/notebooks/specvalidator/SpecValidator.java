package org.contractfirst.notebooks.specvalidator;

import io.swagger.parser.OpenAPIParser;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.parser.core.models.ParseOptions;
import io.swagger.v3.parser.core.models.SwaggerParseResult;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Validates every OpenAPI document under a folder with Swagger Parser (references resolved), and
 * reports each problem as {@code file: location: message}. Component files (YAML without an
 * {@code openapi} key) are checked through the documents that reference them.
 *
 * <p>Usage: {@code SpecValidator <specs folder>}; throws (exit code 1) when any document has a problem.
 */
public final class SpecValidator {

    private SpecValidator() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length != 1) {
            throw new IllegalArgumentException("usage: SpecValidator <specs folder>");
        }
        Path root = Path.of(args[0]);
        List<Path> documents = findDocuments(root);
        List<String> problems = new ArrayList<>();
        for (Path document : documents) {
            problems.addAll(validate(document, root));
        }
        if (documents.isEmpty()) {
            problems.add(root + ": no OpenAPI document found");
        }
        if (!problems.isEmpty()) {
            problems.forEach(p -> System.err.println("[spec] " + p));
            // An exception rather than System.exit: it fails the Maven build (exec:java runs in-process).
            throw new IllegalStateException(problems.size() + " problem(s) in the OpenAPI documents under " + root
                    + ":\n  " + String.join("\n  ", problems));
        }
        System.out.println("[spec] " + documents.size() + " OpenAPI document(s) valid: "
                + documents.stream().map(d -> root.relativize(d).toString()).sorted().toList());
    }

    /** The YAML/JSON files under {@code root} that are OpenAPI documents (have a top-level {@code openapi} key). */
    static List<Path> findDocuments(Path root) throws IOException {
        try (Stream<Path> files = Files.walk(root)) {
            return files.filter(Files::isRegularFile)
                    .filter(p -> !root.relativize(p).toString().replace('\\', '/').matches("(.*/)?(target|node_modules)/.*"))
                    .filter(p -> p.toString().matches(".*\\.(ya?ml|json)$"))
                    .filter(SpecValidator::isOpenApiDocument)
                    .sorted()
                    .toList();
        }
    }

    private static boolean isOpenApiDocument(Path file) {
        try (Stream<String> lines = Files.lines(file)) {
            return lines.anyMatch(l -> l.startsWith("openapi:") || l.startsWith("\"openapi\""));
        } catch (IOException | java.io.UncheckedIOException e) {
            return false;
        }
    }

    /**
     * Problems of one document, each prefixed with its path relative to {@code root}. Besides Swagger
     * Parser's own messages (which name the location, e.g. {@code attribute paths.'/x'(get).responses
     * is missing}), checks that every operation has an operationId unique within the document.
     */
    public static List<String> validate(Path document, Path root) {
        String name = root.relativize(document).toString().replace('\\', '/');
        ParseOptions options = new ParseOptions();
        options.setResolve(true);
        SwaggerParseResult result = new OpenAPIParser().readLocation(document.toUri().toString(), null, options);
        List<String> problems = new ArrayList<>();
        if (result.getMessages() != null) {
            result.getMessages().forEach(m -> problems.add(name + ": " + m));
        }
        OpenAPI api = result.getOpenAPI();
        if (api == null) {
            if (problems.isEmpty()) {
                problems.add(name + ": not a readable OpenAPI document");
            }
            return problems;
        }
        if (api.getPaths() == null || api.getPaths().isEmpty()) {
            problems.add(name + ": paths: no path defined");
            return problems;
        }
        Map<String, String> operationIds = new HashMap<>();
        api.getPaths().forEach((path, item) -> {
            for (Map.Entry<PathItem.HttpMethod, Operation> e : item.readOperationsMap().entrySet()) {
                String where = "paths.'" + path + "'(" + e.getKey().name().toLowerCase() + ")";
                String id = e.getValue().getOperationId();
                if (id == null || id.isBlank()) {
                    problems.add(name + ": " + where + ".operationId is missing");
                } else if (operationIds.putIfAbsent(id, where) != null) {
                    problems.add(name + ": " + where + ".operationId '" + id + "' is already used by "
                            + operationIds.get(id));
                }
            }
        });
        return problems;
    }
}
