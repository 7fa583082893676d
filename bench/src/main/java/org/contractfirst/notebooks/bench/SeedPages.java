package org.contractfirst.notebooks.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;

/**
 * Realistic 1,000-item pages of the three list operations, built from the vendors' verbatim examples
 * ({@code seed-examples/*.json}, copied from tests/src/test/resources by the build): the example's items
 * repeated in turn, each copy with its own id, name, token and timestamps and a status taken in turn from the
 * values the spec lists. Everything else (nesting, nulls, quirks such as EIHealth's string {@code cpu}) stays
 * as the vendor wrote it. Serialized compactly, as a server would send them.
 */
public final class SeedPages {

    /** Items per page in every benchmark. */
    public static final int ITEMS = 1000;

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private static final List<String> EIHEALTH_STATUSES = List.of("Running", "Hibernate", "Succeeded", "Creating",
            "Abnormal", "Updating");
    private static final List<String> NOTEBOOK_STATUSES = List.of("RUNNING", "STOPPED", "CREATING", "STARTING",
            "STOPPING", "DELETING", "ERROR", "FROZEN");
    private static final List<String> DEVENV_STATUSES = List.of("RUNNING", "STOPPED", "CREATING", "STARTING",
            "STOPPING", "CREATE_QUEUING", "START_FAILED");
    private static final int[] CPUS = {1, 2, 4, 8};
    private static final int[] GPUS = {0, 0, 1, 2};
    private static final int[] MEMORY = {100, 8, 16, 64};

    private SeedPages() {
    }

    /**
     * EIHealth ListNotebooksResponse. {@code numericFlavor == false}: {@code flavor.cpu/gpu/memory} are strings,
     * as in the vendor's example (the generated client coerces them). {@code true}: numbers, the only form the
     * official SDK accepts (its strict Float deserializer rejects the documented example).
     */
    public static byte[] eihealthNotebooks(int items, boolean numericFlavor) {
        ObjectNode seed = seed("eihealth-list-notebooks.json");
        ArrayNode out = MAPPER.createArrayNode();
        ArrayNode examples = (ArrayNode) seed.get("notebooks");
        for (int i = 0; i < items; i++) {
            ObjectNode n = examples.get(i % examples.size()).deepCopy();
            n.put("id", vary(n.get("id").asText(), i));
            n.put("name", n.get("name").asText() + "-" + i);
            n.put("status", EIHEALTH_STATUSES.get(i % EIHEALTH_STATUSES.size()));
            ObjectNode flavor = (ObjectNode) n.get("flavor");
            int k = i % CPUS.length;
            if (numericFlavor) {
                flavor.put("cpu", CPUS[k]).put("gpu", GPUS[k]).put("memory", MEMORY[k]);
            } else {
                flavor.put("cpu", Integer.toString(CPUS[k])).put("gpu", Integer.toString(GPUS[k]))
                        .put("memory", Integer.toString(MEMORY[k]));
            }
            String time = String.format("2020-09-%02dT10:%02d:%02dZ", 1 + i % 28, (i / 60) % 60, i % 60);
            n.put("create_time", time).put("update_time", time);
            out.add(n);
        }
        seed.put("count", items);
        seed.set("notebooks", out);
        return bytes(seed);
    }

    /** ModelArts ListNotebooksResponse (GET /v1/{project_id}/notebooks). */
    public static byte[] modelartsNotebooks(int items) {
        ObjectNode seed = seed("modelarts-list-notebooks.json");
        ArrayNode out = MAPPER.createArrayNode();
        ArrayNode examples = (ArrayNode) seed.get("data");
        for (int i = 0; i < items; i++) {
            ObjectNode n = examples.get(i % examples.size()).deepCopy();
            n.put("id", vary(n.get("id").asText(), i));
            n.put("name", n.get("name").asText() + "_" + i);
            n.put("token", vary(n.get("token").asText(), i));
            n.put("status", NOTEBOOK_STATUSES.get(i % NOTEBOOK_STATUSES.size()));
            ObjectNode lease = (ObjectNode) n.get("lease");
            lease.put("create_at", lease.get("create_at").asLong() + i * 1000L);
            lease.put("update_at", lease.get("update_at").asLong() + i * 1000L);
            out.add(n);
        }
        seed.put("size", items).put("total", items).put("pages", 1).put("current", 0);
        seed.set("data", out);
        return bytes(seed);
    }

    /**
     * The properties {@link #modelartsNotebooksWithUnknownFields} adds to every item, names the spec must not
     * declare ({@code BenchmarkSmokeTest} checks it: issue #10 declared the earlier {@code billing_items} and
     * {@code user}, which turned two of the three into known fields).
     */
    public static final List<String> UNKNOWN_FIELDS = List.of("quota_items", "requester", "affinity_type");

    /**
     * The ModelArts notebooks page with three properties the spec does not declare in every item (about 120 bytes
     * each: a string array, a two-field object, a string), as a newer edition of the service might send them: the
     * generated models keep them ({@code getAdditionalProperties()}).
     */
    public static byte[] modelartsNotebooksWithUnknownFields(int items) {
        try {
            ObjectNode page = (ObjectNode) MAPPER.readTree(modelartsNotebooks(items));
            int i = 0;
            for (JsonNode item : page.get("data")) {
                ObjectNode n = (ObjectNode) item;
                n.putArray("quota_items").add("PRE_PAID").add("STORAGE");
                n.putObject("requester").put("id", vary("u-0000-000000000000", i)).put("name", "user_" + i);
                n.put("affinity_type", i % 2 == 0 ? "RUNTIME" : "NONE");
                i++;
            }
            return bytes(page);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** ModelArts (old version) DeInstanceList (GET /v1/{project_id}/demanager/instances). */
    public static byte[] devEnvInstances(int items) {
        ObjectNode seed = seed("modelarts-list-devenv-instances.json");
        ArrayNode out = MAPPER.createArrayNode();
        ArrayNode examples = (ArrayNode) seed.get("instances");
        for (int i = 0; i < items; i++) {
            ObjectNode n = examples.get(i % examples.size()).deepCopy();
            n.put("id", vary(n.get("id").asText(), i));
            n.put("name", n.get("name").asText() + "-" + i);
            n.put("status", DEVENV_STATUSES.get(i % DEVENV_STATUSES.size()));
            // millisecond timestamps sent as strings, as in the example
            n.put("creation_timestamp", Long.toString(Long.parseLong(n.get("creation_timestamp").asText()) + i * 1000L));
            n.put("latest_update_timestamp", Long.toString(Long.parseLong(n.get("latest_update_timestamp").asText()) + i * 1000L));
            out.add(n);
        }
        seed.put("total_count", items);
        seed.set("instances", out);
        return bytes(seed);
    }

    /** The id with its last group replaced by the item number: {@code ...-0255ac100033} becomes {@code ...-0000000003e7}. */
    static String vary(String id, int i) {
        int dash = id.lastIndexOf('-');
        return id.substring(0, dash + 1) + String.format("%012x", i);
    }

    private static ObjectNode seed(String name) {
        try (InputStream in = SeedPages.class.getResourceAsStream("/seed-examples/" + name)) {
            if (in == null) {
                throw new IllegalStateException("seed example missing from the classpath: seed-examples/" + name);
            }
            JsonNode node = MAPPER.readTree(in);
            return (ObjectNode) node;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static byte[] bytes(JsonNode node) {
        try {
            return MAPPER.writeValueAsBytes(node);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
