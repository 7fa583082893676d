package org.contractfirst.notebooks.specvalidator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The service registry ({@code services.yaml} at the repository root): each service once, with its spec document,
 * its Java client (if any) and the checks it takes part in. The build tools read it instead of naming services.
 */
public final class ServiceRegistry {

    /** A Java client: its module under {@code clients/} (also its artifactId) and its package. */
    public record Client(String module, String javaPackage) {
    }

    /**
     * One entry of {@code services.yaml}. {@code released} is false for a service with no release yet (entry
     * {@code released: false}): the breaking-change gate then has no baseline to ask for.
     */
    public record Service(String id, String title, String spec, List<String> sources, Optional<Client> client,
            boolean polyglot, boolean evolution, boolean released) {

        public Service(String id, String title, String spec, List<String> sources, Optional<Client> client,
                       boolean polyglot, boolean evolution) {
            this(id, title, spec, sources, client, polyglot, evolution, true);
        }

        /** The spec document relative to {@code specs/}, e.g. {@code modelarts/modelarts.yaml}. */
        public String specUnderSpecs() {
            return spec.startsWith("specs/") ? spec.substring("specs/".length()) : spec;
        }
    }

    private ServiceRegistry() {
    }

    /** Reads and checks {@code file}; a missing or invalid field fails with the entry and the field named. */
    public static List<Service> read(Path file) throws IOException {
        JsonNode root = new ObjectMapper(new YAMLFactory()).readTree(file.toFile());
        JsonNode entries = root == null ? null : root.get("services");
        if (entries == null || !entries.isArray() || entries.isEmpty()) {
            throw new IllegalArgumentException(file + ": expected a non-empty list 'services'");
        }
        List<Service> services = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        for (JsonNode entry : entries) {
            String id = text(file, entry, "id", "?");
            if (!id.matches("[a-z][a-z0-9]*")) {
                throw new IllegalArgumentException(file + ": service id '" + id + "' must be lower-case letters and digits");
            }
            if (!ids.add(id)) {
                throw new IllegalArgumentException(file + ": service '" + id + "' is listed twice");
            }
            List<String> sources = new ArrayList<>();
            JsonNode src = entry.get("sources");
            if (src == null || !src.isArray() || src.isEmpty()) {
                throw new IllegalArgumentException(file + ": service '" + id + "': 'sources' must list globs under specs/");
            }
            src.forEach(s -> sources.add(s.asText()));
            Optional<Client> client = Optional.empty();
            JsonNode c = entry.get("client");
            if (c != null && !c.isNull()) {
                client = Optional.of(new Client(text(file, c, "module", id + ".client"), text(file, c, "package", id + ".client")));
            }
            services.add(new Service(id, text(file, entry, "title", id), text(file, entry, "spec", id), List.copyOf(sources),
                    client, entry.path("polyglot").asBoolean(false), entry.path("evolution").asBoolean(false),
                    entry.path("released").asBoolean(true)));
        }
        return List.copyOf(services);
    }

    private static String text(Path file, JsonNode node, String field, String where) {
        JsonNode value = node.get(field);
        if (value == null || !value.isValueNode() || value.asText().isBlank()) {
            throw new IllegalArgumentException(file + ": service '" + where + "': missing '" + field + "'");
        }
        return value.asText();
    }
}
