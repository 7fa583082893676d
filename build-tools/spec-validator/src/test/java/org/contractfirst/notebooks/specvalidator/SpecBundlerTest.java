package org.contractfirst.notebooks.specvalidator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

class SpecBundlerTest {

    private static final Path SPECS = Path.of("../../specs");

    @Test
    void modelArtsServiceBundlesIntoOneSelfContainedDocument(@TempDir Path out) throws Exception {
        SpecBundler.main(new String[] {SPECS.toString(), out.toString(), "modelarts=modelarts/modelarts.yaml"});

        String yaml = Files.readString(out.resolve("modelarts.yaml"));
        assertThat(yaml).doesNotContain(".yaml#");
        JsonNode bundle = SpecBundler.bundle(SPECS.resolve("modelarts/modelarts.yaml"));
        assertThat(bundle.at("/paths").size()).isEqualTo(3);
        // Schemas of the component files become local components; the inlined ProjectId parameter is pruned.
        assertThat(SpecBundler.componentNames(bundle))
                .contains("schemas/ListNotebooksResponse", "schemas/ErrorResponse", "responses/NotFound",
                        "headers/X-Request-Id", "securitySchemes/TokenAuth")
                .doesNotContain("parameters/ProjectId");
        assertThat(bundle.at("/paths/~1v1~1{project_id}~1notebooks/get/responses/404/$ref").asText())
                .isEqualTo("#/components/responses/NotFound");
        assertThat(SpecBundler.check(SPECS.resolve("modelarts/modelarts.yaml"), out.resolve("modelarts.json"))).isEmpty();
    }

    @Test
    void bundleThatDiffersFromItsSourceIsReported(@TempDir Path out) throws Exception {
        Path source = SPECS.resolve("scnet/get-instance-service-detail.yaml");
        ObjectNode bundle = (ObjectNode) SpecBundler.bundle(source);
        ((ObjectNode) bundle.at("/components/schemas/InstanceServiceDetail/properties")).remove("taskNumber");
        Path tampered = out.resolve("scnet.yaml");
        Files.writeString(tampered, SpecBundler.toYaml(bundle));

        assertThat(SpecBundler.check(source, tampered)).singleElement().asString()
                .startsWith("scnet.yaml: does not resolve to the same API as")
                .contains("/properties/taskNumber");
    }

    @Test
    void numbersAndDateLikeStringsSurviveYamlReaders() throws Exception {
        String yaml = SpecBundler.toYaml(SpecBundler.bundle(SPECS.resolve("scnet/get-instance-service-detail.yaml")));

        assertThat(yaml).contains("createTime: \"2022-05-11 19:30:34\"", "code: \"0\"");
        String eihealth = SpecBundler.toYaml(SpecBundler.bundle(SPECS.resolve("eihealth/list-notebooks.yaml")));
        assertThat(eihealth).contains("maximum: 1000").doesNotContain("E+");
    }

    @Test
    void theRegistryNamesTheBundlesAndAServiceNoLongerListedLeavesNone(@TempDir Path out) throws Exception {
        Files.writeString(out.resolve("gone.yaml"), "openapi: 3.0.3\n");
        Files.writeString(out.resolve("gone.json"), "{}\n");

        SpecBundler.main(new String[] {SPECS.toString(), out.toString(), "--registry=" + SPECS.resolve("../services.yaml")});

        try (var files = Files.list(out)) {
            assertThat(files.map(f -> f.getFileName().toString()).sorted().toList()).containsExactly(
                    "eihealth.json", "eihealth.yaml", "modelarts.json", "modelarts.yaml", "scnet.json", "scnet.yaml");
        }
        assertThat(Files.readString(out.resolve("scnet.json"))).contains("\"operationId\" : \"getInstanceServiceDetail\"");
    }
}
