package org.contractfirst.notebooks.inventory;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import org.contractfirst.notebooks.modelarts.model.DeInstance;
import org.contractfirst.notebooks.modelarts.model.DeInstanceStatus;
import org.contractfirst.notebooks.modelarts.model.NotebookResp;
import org.contractfirst.notebooks.modelarts.model.NotebookStatus;
import org.contractfirst.notebooks.runtime.state.NotebookState;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Driven by the specs' own status enums (the bundles the build writes, specs/target/bundles): every documented
 * status of every platform has a row in its table and maps to a state other than UNKNOWN (except the platform's
 * own "unknown", listed in {@link StateMappings#VENDOR_UNKNOWN}); a value added to a spec fails here until mapped.
 */
class StateMappingSpecTest {

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    /** Platform -> (bundle, schema of the instance whose {@code status} is read). */
    private static final Map<Platform, String[]> STATUS_SOURCES = Map.of(
            Platform.MODELARTS, new String[]{"modelarts.yaml", "NotebookResp"},
            Platform.MODELARTS_OLD, new String[]{"modelarts.yaml", "DeInstance"},
            Platform.EIHEALTH, new String[]{"eihealth.yaml", "NotebookEntity"},
            Platform.SCNET, new String[]{"scnet.yaml", "InstanceServiceDetail"});

    @Test
    void everyDocumentedStatusOfEveryPlatformIsMapped() throws IOException {
        for (Platform platform : Platform.values()) {
            Set<String> documented = documentedStatuses(platform);
            assertThat(documented).as("documented statuses of %s", platform).isNotEmpty();
            for (String value : documented) {
                assertThat(StateMappings.table(platform)).as("%s status %s has a row in StateMappings", platform, value)
                        .containsKey(value);
                NotebookState expected = StateMappings.table(platform).get(value);
                if (value.equals(StateMappings.VENDOR_UNKNOWN.get(platform))) {
                    assertThat(expected).isEqualTo(NotebookState.UNKNOWN);
                } else {
                    assertThat(expected).as("%s status %s", platform, value).isNotEqualTo(NotebookState.UNKNOWN);
                }
                assertThat(StateMappings.map(platform, value)).isEqualTo(expected);
            }
            // and no row for a value the spec does not document: the table is the spec's list, mapped
            assertThat(StateMappings.table(platform).keySet()).as("rows of %s", platform)
                    .containsExactlyInAnyOrderElementsOf(documented);
        }
    }

    @Test
    void theSpecsListTheStatusesThisTestExpects() throws IOException {
        // Pins what the test above reads, so that a spec change that moves the enum is noticed, not skipped.
        assertThat(documentedStatuses(Platform.MODELARTS)).hasSize(14).contains("SNAPSHOTTING", "FROZEN");
        assertThat(documentedStatuses(Platform.MODELARTS_OLD)).hasSize(15).contains("START_QUEUING", "READY_TO_START",
                "UNAVAILABLE", "RESIZING");
        assertThat(documentedStatuses(Platform.EIHEALTH)).hasSize(11).contains("Running", "Hibernate", "Unknown");
        assertThat(documentedStatuses(Platform.SCNET)).containsExactlyInAnyOrder("Waiting", "Running");
    }

    @Test
    void aValueNoSpecKnowsIsUnknownAndKeepsItsRawValue() {
        NotebookResp n = new NotebookResp().id("n-1").status(NotebookStatus.fromValue("HIBERNATING"));
        NotebookInstance i = Normalize.modelArts("ma", n);
        assertThat(i.state()).isEqualTo(NotebookState.UNKNOWN);
        assertThat(i.rawStatus()).isEqualTo("HIBERNATING");
        assertThat(i.raw()).isSameAs(n);

        DeInstance d = new DeInstance().id("DE-1").status(DeInstanceStatus.fromValue("MIGRATING"));
        assertThat(Normalize.modelArtsOld("old", d).state()).isEqualTo(NotebookState.UNKNOWN);
        assertThat(Normalize.modelArtsOld("old", d).rawStatus()).isEqualTo("MIGRATING");

        assertThat(StateMappings.map(Platform.SCNET, "Terminated")).isEqualTo(NotebookState.UNKNOWN);
        assertThat(StateMappings.map(Platform.EIHEALTH, "running")).as("matching is exact").isEqualTo(NotebookState.UNKNOWN);
        assertThat(StateMappings.map(Platform.MODELARTS, null)).isEqualTo(NotebookState.UNKNOWN);
    }

    @Test
    void theReadmeTableIsTheCodeTable() throws IOException {
        // README "Normalized states": one row per (platform, status) -> state, the same set as StateMappings.
        String readme = Files.readString(home().resolve("README.md"));
        int start = readme.indexOf("<!-- state-table:start -->");
        int end = readme.indexOf("<!-- state-table:end -->");
        assertThat(start).as("README state table markers").isPositive();
        assertThat(end).isGreaterThan(start);
        Set<String> documented = new LinkedHashSet<>();
        for (String line : readme.substring(start, end).split("\n")) {
            if (!line.startsWith("| `")) {
                continue;
            }
            String[] cells = line.split("\\|");
            String state = cells[1].trim().replace("`", "");
            for (int c = 2; c < cells.length; c++) {
                Platform platform = Platform.values()[c - 2];
                for (String raw : cells[c].split(",")) {
                    String v = raw.trim().replace("`", "");
                    if (!v.isEmpty() && !v.equals("-")) {
                        documented.add(platform.id() + " " + v + " " + state);
                    }
                }
            }
        }
        Set<String> code = new LinkedHashSet<>();
        for (Platform p : Platform.values()) {
            StateMappings.table(p).forEach((raw, state) -> code.add(p.id() + " " + raw + " " + state));
        }
        assertThat(documented).containsExactlyInAnyOrderElementsOf(code);
    }

    /** The statuses a platform's spec documents: its enum, or (SCNet, a free string) the values of its examples. */
    static Set<String> documentedStatuses(Platform platform) throws IOException {
        String[] where = STATUS_SOURCES.get(platform);
        JsonNode bundle = YAML.readTree(bundles().resolve(where[0]).toFile());
        JsonNode status = bundle.path("components").path("schemas").path(where[1]).path("properties").path("status");
        assertThat(status.isMissingNode()).as("%s.status in %s", where[1], where[0]).isFalse();
        if (status.has("$ref")) {
            String ref = status.get("$ref").asText();
            status = bundle.path("components").path("schemas").path(ref.substring(ref.lastIndexOf('/') + 1));
        }
        Set<String> values = new LinkedHashSet<>();
        // A response status is an open enum (x-extensible-enum, the specs' convention); a closed enum is read too.
        for (String keyword : List.of("x-extensible-enum", "enum")) {
            if (status.has(keyword)) {
                status.get(keyword).forEach(v -> values.add(v.asText()));
                return values;
            }
        }
        List<JsonNode> examples = new ArrayList<>();
        bundle.path("paths").forEach(item -> item.forEach(op -> op.path("responses").forEach(r ->
                r.path("content").forEach(media -> media.path("examples").forEach(examples::add)))));
        for (JsonNode e : examples) {
            JsonNode s = e.path("value").path("data").path("status");
            if (s.isTextual()) {
                values.add(s.asText());
            }
        }
        return values;
    }

    static Path bundles() {
        Path dir = Path.of(System.getProperty("bundles.dir", "../specs/target/bundles"));
        assertThat(dir.resolve("modelarts.yaml")).as("bundles (built by the specs module)").exists();
        return dir;
    }

    static Path home() {
        return Path.of(System.getProperty("notebooks.home", ".."));
    }
}
