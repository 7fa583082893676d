package org.contractfirst.notebooks.contract;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import org.contractfirst.notebooks.eihealth.model.NotebookEntity;
import org.contractfirst.notebooks.modelarts.model.DeFlavorDetails;
import org.contractfirst.notebooks.modelarts.model.DeStorageLocation;
import org.contractfirst.notebooks.modelarts.model.Image;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Ledger row 54: a documented response default is documentation. A decoded model reports an absent field as
 * absent (null), and no response schema of any published bundle declares a {@code default}.
 */
class NoInventedValuesTest {

    private static final ObjectMapper EIHEALTH = new org.contractfirst.notebooks.eihealth.invoker.JSON().getMapper();
    private static final ObjectMapper MODELARTS = new org.contractfirst.notebooks.modelarts.invoker.JSON().getMapper();

    @Test
    void eihealthFlavorWithoutCpuAndMemoryReadsThemAbsent() throws IOException {
        NotebookEntity notebook = EIHEALTH.readValue("{\"id\":\"n1\",\"flavor\":{\"gpu\":\"1\"}}", NotebookEntity.class);

        assertThat(notebook.getFlavor().getGpu()).isEqualTo(1f);   // sent as a string (row 5), decoded
        assertThat(notebook.getFlavor().getCpu()).isNull();        // documented default 1: not invented
        assertThat(notebook.getFlavor().getMemory()).isNull();     // documented default 2: not invented
        assertThat(notebook.getStorages()).isNull();               // an absent array is absent, not empty
        assertThat(notebook.getEvents()).isNull();
    }

    @Test
    void modelartsFieldsWithDocumentedDefaultsReadAbsentWhenAbsent() throws IOException {
        assertThat(MODELARTS.readValue("{\"id\":\"i\"}", Image.class).getOrigin()).isNull();
        assertThat(MODELARTS.readValue("{\"name\":\"f\"}", DeFlavorDetails.class).getStoreTime()).isNull();
        DeStorageLocation location = MODELARTS.readValue("{\"path\":\"/p\"}", DeStorageLocation.class);
        assertThat(location.getVolumeSize()).isNull();
        assertThat(location.getMountPath()).isNull();
        assertThat(location.getAccessModes()).isNull();
    }

    @Test
    void noResponseSchemaOfAnyBundleHasADefault() throws IOException {
        ObjectMapper yaml = new ObjectMapper(new YAMLFactory());
        List<String> defaults = new ArrayList<>();
        for (String service : List.of("modelarts", "eihealth", "scnet")) {
            JsonNode bundle = yaml.readTree(WireCorpus.bundle(service).toFile());
            for (String schema : WireCorpus.responseSchemas(bundle)) {
                collectDefaults(bundle.path("components").path("schemas").path(schema),
                        service + " #/components/schemas/" + schema, defaults);
            }
        }
        assertThat(defaults).as("response schemas with a default (write 'documented default: X' in the description)").isEmpty();
    }

    @Test
    void theDefaultCheckFindsADefault() {
        JsonNode schema = new ObjectMapper().createObjectNode().set("properties", new ObjectMapper().createObjectNode()
                .set("cpu", new ObjectMapper().createObjectNode().put("type", "number").put("default", 1)));
        List<String> found = new ArrayList<>();
        collectDefaults(schema, "X", found);
        assertThat(found).containsExactly("X/properties/cpu: default 1");
    }

    private static void collectDefaults(JsonNode node, String where, List<String> found) {
        if (node.isObject()) {
            if (node.has("default") && !node.get("default").isContainerNode()) {
                found.add(where + ": default " + node.get("default"));
            }
            node.fields().forEachRemaining(e -> {
                if (!e.getKey().equals("example") && !e.getKey().equals("examples")) {
                    collectDefaults(e.getValue(), where + "/" + e.getKey(), found);
                }
            });
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                collectDefaults(node.get(i), where + "/" + i, found);
            }
        }
    }

}
