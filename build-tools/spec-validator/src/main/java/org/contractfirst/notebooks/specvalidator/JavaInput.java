package org.contractfirst.notebooks.specvalidator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The input of OUR Java generator: a copy of a published bundle with three rewrites, so that the Java jars keep
 * their types while the published bundles stay plain OpenAPI for every language (docs/contracts-and-gates.md, "The pipeline"):
 *
 * <ol>
 *   <li>{@code x-extensible-enum: [values]} (an open response enum, Zalando's convention; stock generators see a
 *       plain string) becomes {@code enum: [values]}: our {@code modelEnum}/{@code modelInnerEnum} templates
 *       generate open enum classes from it ({@code fromValue} keeps unknown values, {@code isKnown()}).</li>
 *   <li>A schema whose {@code anyOf}/{@code oneOf} alternatives are all scalars (a value sent as a number or as a
 *       string) collapses to its FIRST alternative, the documented type, keeping the schema's own description: the
 *       generated JSON mapper coerces the other form (scalar coercion, {@code JSON_jackson.mustache}).</li>
 *   <li>{@code additionalProperties: true} on a schema that declares {@code properties} (response objects say that
 *       they may carry fields not listed, so that stock typescript-fetch clients keep them) is removed: our
 *       {@code pojo.mustache} keeps unknown properties of every model already, and the marker would turn on
 *       upstream's map handling ({@code @JsonFormat(shape = OBJECT)}, the {@code additional_properties} partial), so
 *       the generated Java stays as it was. A map without {@code properties} (e.g. {@code params}) keeps it.</li>
 * </ol>
 *
 * The build writes {@code specs/target/java-input/<service>.yaml} from each bundle (specs/pom.xml, execution
 * {@code java-input}); the API evolution matrix applies the same {@link #transform} before generating.
 *
 * <p>Usage: {@code JavaInput <bundles folder> <output folder> (<service> ... | --registry=<services.yaml>)}; with
 * {@code --registry} every service of the registry that has a Java client.
 */
public final class JavaInput {

    private static final Set<String> SCALARS = Set.of("string", "number", "integer", "boolean");
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    private JavaInput() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length < 3) {
            throw new IllegalArgumentException("usage: JavaInput <bundles folder> <output folder> (<service> ... | --registry=<file>)");
        }
        Path bundles = Path.of(args[0]);
        Path out = Path.of(args[1]);
        Files.createDirectories(out);
        List<String> services = new ArrayList<>();
        for (int i = 2; i < args.length; i++) {
            if (args[i].startsWith("--registry=")) {
                ServiceRegistry.read(Path.of(args[i].substring("--registry=".length()))).stream()
                        .filter(s -> s.client().isPresent()).forEach(s -> services.add(s.id()));
            } else {
                services.add(args[i]);
            }
        }
        for (String service : services) {
            Path source = bundles.resolve(service + ".yaml");
            Path target = out.resolve(service + ".yaml");
            write(source, target);
            System.out.println("[java-input] " + source + " -> " + target);
        }
    }

    /** Reads a bundle (YAML or JSON), transforms it and writes it as YAML. */
    public static void write(Path bundle, Path target) throws IOException {
        JsonNode tree = YAML.readTree(bundle.toFile());
        transform(tree);
        Files.writeString(target, SpecBundler.toYaml(tree));
    }

    /** Applies the three rewrites in place, everywhere in the document. */
    public static JsonNode transform(JsonNode node) {
        if (node.isObject()) {
            ObjectNode object = (ObjectNode) node;
            JsonNode extensible = object.get("x-extensible-enum");
            if (extensible != null && extensible.isArray()) {
                object.remove("x-extensible-enum");
                if (!object.has("enum")) {
                    object.set("enum", extensible);
                }
            }
            JsonNode additional = object.get("additionalProperties");
            if (additional != null && additional.isBoolean() && additional.booleanValue() && object.has("properties")) {
                object.remove("additionalProperties");
            }
            for (String composition : new String[] {"anyOf", "oneOf"}) {
                JsonNode alternatives = object.get(composition);
                if (alternatives instanceof ArrayNode list && !list.isEmpty() && allScalars(list)) {
                    object.remove(composition);
                    Iterator<Map.Entry<String, JsonNode>> first = list.get(0).fields();
                    while (first.hasNext()) {
                        Map.Entry<String, JsonNode> e = first.next();
                        if (!object.has(e.getKey())) {
                            object.set(e.getKey(), e.getValue());
                        }
                    }
                }
            }
            object.elements().forEachRemaining(JavaInput::transform);
        } else if (node.isArray()) {
            node.elements().forEachRemaining(JavaInput::transform);
        }
        return node;
    }

    private static boolean allScalars(ArrayNode alternatives) {
        for (JsonNode alternative : alternatives) {
            if (!alternative.isObject() || alternative.has("$ref") || alternative.has("properties")
                    || !SCALARS.contains(alternative.path("type").asText())) {
                return false;
            }
        }
        return true;
    }
}
