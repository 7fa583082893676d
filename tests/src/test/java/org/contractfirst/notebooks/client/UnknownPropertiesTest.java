package org.contractfirst.notebooks.client;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.contractfirst.notebooks.modelarts.model.NotebookResp;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

import java.lang.reflect.Modifier;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every generated model keeps the JSON properties its schema does not declare (templates/Java/pojo.mustache):
 * readable through getAdditionalProperties(), written back unchanged, part of equals/hashCode, and only
 * their names in toString().
 */
class UnknownPropertiesTest {

    private static final ObjectMapper MODELARTS = new org.contractfirst.notebooks.modelarts.invoker.JSON().getMapper();

    @Test
    void unknownPropertiesAreKeptInOrderAndWrittenBackUnchanged() throws Exception {
        String sent = "{\"id\":\"nb-1\",\"status\":\"RUNNING\",\"billing\":{\"mode\":\"spot\",\"tiers\":[1,2.5,null]},"
                + "\"zone\":\"cn-north-4a\",\"retries\":3}";
        NotebookResp notebook = MODELARTS.readValue(sent, NotebookResp.class);

        assertThat(notebook.getId()).isEqualTo("nb-1");
        assertThat(notebook.getAdditionalProperties()).containsOnlyKeys("billing", "zone", "retries");
        assertThat(List.copyOf(notebook.getAdditionalProperties().keySet())).containsExactly("billing", "zone", "retries");
        assertThat(notebook.getAdditionalProperty("billing").get("tiers").get(1).asDouble()).isEqualTo(2.5);
        assertThat(notebook.getAdditionalProperty("zone").asText()).isEqualTo("cn-north-4a");
        assertThat(notebook.getAdditionalProperty("retries").asInt()).isEqualTo(3);
        assertThat(notebook.getAdditionalProperty("absent")).isNull();

        // Every property sent comes back as sent (absent arrays are written as [], the generator's default).
        JsonNode written = MODELARTS.readTree(MODELARTS.writeValueAsString(notebook));
        MODELARTS.readTree(sent).fields().forEachRemaining(f -> assertThat(written.get(f.getKey())).as(f.getKey()).isEqualTo(f.getValue()));
        assertThat(List.copyOf(iterable(written.fieldNames()))).endsWith("billing", "zone", "retries");
    }

    @Test
    void unknownPropertiesTakePartInEqualityAndOnlyTheirNamesArePrinted() throws Exception {
        NotebookResp a = MODELARTS.readValue("{\"id\":\"nb-1\",\"session_key\":\"s3cr3t-value-7f\"}", NotebookResp.class);
        NotebookResp b = MODELARTS.readValue("{\"id\":\"nb-1\",\"session_key\":\"s3cr3t-value-7f\"}", NotebookResp.class);
        NotebookResp c = MODELARTS.readValue("{\"id\":\"nb-1\",\"session_key\":\"other\"}", NotebookResp.class);
        NotebookResp plain = MODELARTS.readValue("{\"id\":\"nb-1\"}", NotebookResp.class);

        assertThat(a).isEqualTo(b).hasSameHashCodeAs(b).isNotEqualTo(c).isNotEqualTo(plain);
        assertThat(plain).isEqualTo(new NotebookResp().id("nb-1"));
        assertThat(plain.getAdditionalProperties()).isEmpty();
        assertThat(a.toString()).contains("additionalProperties: [session_key]").doesNotContain("s3cr3t-value-7f");
    }

    private static <T> List<T> iterable(java.util.Iterator<T> it) {
        List<T> list = new ArrayList<>();
        it.forEachRemaining(list::add);
        return list;
    }

    static Stream<Class<?>> models() throws Exception {
        List<Class<?>> models = new ArrayList<>();
        for (Class<?> anchor : List.of(NotebookResp.class, org.contractfirst.notebooks.eihealth.model.NotebookEntity.class,
                org.contractfirst.notebooks.scnet.model.InstanceServiceDetail.class)) {
            models.addAll(classesOf(anchor));
        }
        assertThat(models).hasSizeGreaterThan(40);
        return models.stream();
    }

    /** Every model class of every client: an unknown property survives decoding and encoding. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("models")
    void everyModelKeepsAnUnknownProperty(Class<?> model) throws Exception {
        ObjectMapper mapper = mapperOf(model);
        Object decoded = mapper.readValue("{\"x_not_in_the_spec\":{\"n\":42}}", model);

        JsonNode kept = (JsonNode) model.getMethod("getAdditionalProperty", String.class).invoke(decoded, "x_not_in_the_spec");
        assertThat(kept.get("n").asInt()).isEqualTo(42);
        assertThat(mapper.readTree(mapper.writeValueAsString(decoded)).get("x_not_in_the_spec").get("n").asInt()).isEqualTo(42);
        assertThat(decoded).isNotEqualTo(mapper.readValue("{}", model));
    }

    private static ObjectMapper mapperOf(Class<?> model) {
        String service = model.getPackageName().split("\\.")[3];
        return switch (service) {
            case "modelarts" -> MODELARTS;
            case "eihealth" -> new org.contractfirst.notebooks.eihealth.invoker.JSON().getMapper();
            case "scnet" -> new org.contractfirst.notebooks.scnet.invoker.JSON().getMapper();
            default -> throw new IllegalArgumentException(service);
        };
    }

    /** The object models (not the open enums) of the anchor's package, read from its jar or classes folder. */
    private static List<Class<?>> classesOf(Class<?> anchor) throws Exception {
        String pkg = anchor.getPackageName();
        List<String> names = new ArrayList<>();
        Path location = location(anchor);
        if (Files.isDirectory(location)) {
            try (Stream<Path> files = Files.list(location.resolve(pkg.replace('.', '/')))) {
                files.map(f -> f.getFileName().toString()).forEach(names::add);
            }
        } else {
            try (JarFile jar = new JarFile(location.toFile())) {
                for (Enumeration<JarEntry> e = jar.entries(); e.hasMoreElements(); ) {
                    String n = e.nextElement().getName();
                    if (n.startsWith(pkg.replace('.', '/') + "/") && n.indexOf('/', pkg.length() + 1) < 0) {
                        names.add(n.substring(pkg.length() + 1));
                    }
                }
            }
        }
        List<Class<?>> classes = new ArrayList<>();
        for (String n : names) {
            if (n.endsWith(".class") && !n.contains("$")) {
                Class<?> c = Class.forName(pkg + "." + n.substring(0, n.length() - ".class".length()));
                boolean openEnum = Modifier.isFinal(c.getModifiers()) && hasStatic(c, "fromValue");
                if (!openEnum) {
                    classes.add(c);
                }
            }
        }
        classes.sort(java.util.Comparator.comparing(Class::getName));
        return classes;
    }

    private static boolean hasStatic(Class<?> c, String method) {
        return java.util.Arrays.stream(c.getDeclaredMethods())
                .anyMatch(m -> m.getName().equals(method) && Modifier.isStatic(m.getModifiers()));
    }

    private static Path location(Class<?> c) throws URISyntaxException {
        return Path.of(c.getProtectionDomain().getCodeSource().getLocation().toURI());
    }
}
