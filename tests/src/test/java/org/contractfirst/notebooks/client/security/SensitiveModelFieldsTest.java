package org.contractfirst.notebooks.client.security;

import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.introspect.BeanPropertyDefinition;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.lang.reflect.Modifier;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.jar.JarFile;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Secrets in models: every generated model class of every client is filled through its own Jackson mapper, each
 * string with a value naming its field; no value of a property marked {@code x-sensitive: true} in the bundled
 * specs ({@code specs/target/bundles/*.yaml}) may appear in {@code toString()}, nested models included, while the
 * values of the other fields do (so toString() is really printing fields, and the fill really set them).
 */
class SensitiveModelFieldsTest {

    private static final Path BUNDLES = Path.of(System.getProperty("specs.dir", "../specs"), "target", "bundles");
    private static final String SECRET = "CANARY-SECRET-";
    private static final String PLAIN = "canary-plain-";

    /** service -> schema name -> its properties marked x-sensitive. */
    private static Map<String, Map<String, Set<String>>> marked() throws IOException {
        Map<String, Map<String, Set<String>>> marked = new TreeMap<>();
        try (Stream<Path> files = Files.list(BUNDLES)) {
            for (Path bundle : files.filter(p -> p.toString().endsWith(".yaml")).sorted().toList()) {
                String service = bundle.getFileName().toString().replace(".yaml", "");
                Map<String, Set<String>> schemas = new TreeMap<>();
                JsonNode all = new YAMLMapper().readTree(bundle.toFile()).path("components").path("schemas");
                for (Iterator<Map.Entry<String, JsonNode>> it = all.fields(); it.hasNext(); ) {
                    Map.Entry<String, JsonNode> schema = it.next();
                    Set<String> names = new TreeSet<>();
                    schema.getValue().path("properties").fields().forEachRemaining(p -> {
                        if (p.getValue().path("x-sensitive").asBoolean(false)) {
                            names.add(p.getKey());
                        }
                    });
                    Set<String> all2 = new TreeSet<>();
                    schema.getValue().path("properties").fieldNames().forEachRemaining(all2::add);
                    schemas.put(schema.getKey(), names);
                    PROPERTIES.put(service + "/" + schema.getKey(), all2);
                }
                marked.put(service, schemas);
            }
        }
        return marked;
    }

    /** service/schema -> every property name of the schema (to find a class whose name differs from its schema's). */
    private static final Map<String, Set<String>> PROPERTIES = new TreeMap<>();

    @Test
    void noSensitiveValueAppearsInAnyGeneratedModelsToString() throws Exception {
        Map<String, Map<String, Set<String>>> marked = marked();
        assertThat(marked).containsOnlyKeys("eihealth", "modelarts", "scnet");
        assertThat(marked.values().stream().flatMap(m -> m.entrySet().stream())
                .flatMap(e -> e.getValue().stream().map(p -> e.getKey() + "." + p)).toList())
                .as("the credential-like fields of the specs (review of every spec, docs/security.md)")
                .containsExactlyInAnyOrder("NotebookResp.token", "DeCredential.ssh_private_key", "DeCredential.access_token");

        List<String> leaks = new ArrayList<>();
        Set<String> covered = new TreeSet<>();
        int models = 0;
        for (String service : marked.keySet()) {
            ObjectMapper mapper = (ObjectMapper) Class.forName("org.contractfirst.notebooks." + service + ".invoker.JSON")
                    .getMethod("getMapper").invoke(Class.forName("org.contractfirst.notebooks." + service + ".invoker.JSON")
                            .getConstructor().newInstance());
            Filler filler = new Filler(service, mapper, marked.get(service), covered);
            for (Class<?> model : modelClasses(service)) {
                if (!filler.isBean(model)) {
                    continue; // open enums
                }
                models++;
                ObjectNode json = filler.fill(model, 0);
                Object decoded = mapper.treeToValue(json, model);
                String text = decoded.toString();
                String roundTrip = mapper.writeValueAsString(decoded);
                List<String> secrets = values(json).stream().filter(v -> v.startsWith(SECRET)).toList();
                List<String> plain = values(json).stream().filter(v -> v.startsWith(PLAIN)).toList();
                for (String value : values(json)) {
                    assertThat(roundTrip).as(model.getName() + " was filled").contains(value);
                }
                if (!plain.isEmpty()) {
                    assertThat(text).as(model.getName() + ".toString() prints its fields").contains(plain.get(0));
                }
                for (String secret : secrets) {
                    if (text.contains(secret)) {
                        leaks.add(model.getSimpleName() + ".toString() shows " + secret);
                    }
                }
            }
        }

        assertThat(models).as("generated model classes checked").isGreaterThanOrEqualTo(40);
        assertThat(covered).as("every marked property reached through a generated class")
                .containsExactlyInAnyOrder("modelarts/NotebookResp.token", "modelarts/DeCredential.ssh_private_key",
                        "modelarts/DeCredential.access_token");
        assertThat(leaks).as("sensitive values shown by toString()").isEmpty();
    }

    /** Every string value of a JSON tree. */
    private static List<String> values(JsonNode node) {
        List<String> out = new ArrayList<>();
        if (node.isTextual()) {
            out.add(node.asText());
        }
        node.elements().forEachRemaining(child -> out.addAll(values(child)));
        return out;
    }

    /** The top-level classes of {@code org.contractfirst.notebooks.<service>.model}, from the client's jar or classes folder. */
    private static List<Class<?>> modelClasses(String service) throws IOException, URISyntaxException, ClassNotFoundException {
        String pkg = "org.contractfirst.notebooks." + service + ".model";
        Class<?> anchor = Class.forName("org.contractfirst.notebooks." + service + ".invoker.JSON");
        Path location = Path.of(anchor.getProtectionDomain().getCodeSource().getLocation().toURI());
        List<String> names = new ArrayList<>();
        String folder = pkg.replace('.', '/') + "/";
        if (Files.isDirectory(location)) {
            try (Stream<Path> files = Files.list(location.resolve(folder))) {
                files.map(p -> p.getFileName().toString()).forEach(names::add);
            }
        } else {
            try (JarFile jar = new JarFile(location.toFile())) {
                jar.stream().map(e -> e.getName()).filter(n -> n.startsWith(folder) && n.indexOf('/', folder.length()) < 0)
                        .map(n -> n.substring(folder.length())).forEach(names::add);
            }
        }
        List<Class<?>> classes = new ArrayList<>();
        for (String name : names.stream().filter(n -> n.endsWith(".class") && !n.contains("$")).sorted().toList()) {
            classes.add(Class.forName(pkg + "." + name.substring(0, name.length() - ".class".length())));
        }
        return classes;
    }

    /** Builds a JSON document for a model class from its Jackson properties: secrets and plain strings named after their field. */
    private static final class Filler {
        private final String service;
        private final ObjectMapper mapper;
        private final Map<String, Set<String>> marked;
        private final Set<String> covered;

        Filler(String service, ObjectMapper mapper, Map<String, Set<String>> marked, Set<String> covered) {
            this.service = service;
            this.mapper = mapper;
            this.marked = marked;
            this.covered = covered;
        }

        boolean isBean(Class<?> type) {
            return type.getPackageName().startsWith("org.contractfirst.notebooks.") && !type.isEnum()
                    && !Modifier.isAbstract(type.getModifiers()) && !properties(type).isEmpty();
        }

        private List<BeanPropertyDefinition> properties(Class<?> type) {
            JavaType javaType = mapper.constructType(type);
            return mapper.getDeserializationConfig().introspect(javaType).findProperties().stream()
                    .filter(BeanPropertyDefinition::couldDeserialize).toList();
        }

        /** The schema of a class: the one of the same name, else the one with exactly its property names. */
        private String schemaOf(Class<?> type) {
            if (marked.containsKey(type.getSimpleName())) {
                return type.getSimpleName();
            }
            Set<String> names = properties(type).stream().map(BeanPropertyDefinition::getName).collect(Collectors.toCollection(TreeSet::new));
            List<String> same = marked.keySet().stream().filter(s -> names.equals(PROPERTIES.get(service + "/" + s))).toList();
            assertThat(same).as("the schema of " + type.getName()).hasSize(1);
            return same.get(0);
        }

        ObjectNode fill(Class<?> type, int depth) {
            ObjectNode node = JsonNodeFactory.instance.objectNode();
            String schema = schemaOf(type);
            for (BeanPropertyDefinition property : properties(type)) {
                String name = property.getName();
                boolean secret = marked.get(schema).contains(name);
                if (secret) {
                    covered.add(service + "/" + schema + "." + name);
                }
                JsonNode value = value(property.getPrimaryType(), (secret ? SECRET : PLAIN) + type.getSimpleName() + "." + name, depth);
                if (value != null) {
                    node.set(name, value);
                }
            }
            return node;
        }

        private JsonNode value(JavaType type, String text, int depth) {
            JsonNodeFactory f = JsonNodeFactory.instance;
            Class<?> raw = type.getRawClass();
            if (raw == String.class) {
                return f.textNode(text);
            }
            if (raw == Boolean.class || raw == boolean.class) {
                return f.booleanNode(true);
            }
            if (Number.class.isAssignableFrom(raw) || raw.isPrimitive()) {
                return f.numberNode(1);
            }
            if (type.isCollectionLikeType() || type.isArrayType()) {
                JsonNode item = value(type.getContentType(), text, depth);
                return item == null ? f.arrayNode() : f.arrayNode().add(item);
            }
            if (type.isMapLikeType()) {
                JsonNode item = value(type.getContentType(), text, depth);
                return item == null ? f.objectNode() : f.objectNode().set("key", item);
            }
            if (raw == Object.class) {
                return f.textNode(text);
            }
            if (isBean(raw)) {
                return depth >= 6 ? null : fill(raw, depth + 1);
            }
            if (raw.getPackageName().startsWith("org.contractfirst.notebooks.")) {
                // an open enum: a value of the type its fromValue takes decodes
                for (var method : raw.getMethods()) {
                    if (method.getName().equals("fromValue") && Modifier.isStatic(method.getModifiers()) && method.getParameterCount() == 1) {
                        Class<?> p = method.getParameterTypes()[0];
                        return p == String.class ? f.textNode("VALUE_NOT_IN_SPEC") : f.numberNode(1);
                    }
                }
                return null;
            }
            if (raw.getName().startsWith("java.time.")) {
                return f.textNode("2026-12-02T08:00:00Z");
            }
            return null;
        }
    }
}
