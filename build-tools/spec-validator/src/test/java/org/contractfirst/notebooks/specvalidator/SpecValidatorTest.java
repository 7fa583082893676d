package org.contractfirst.notebooks.specvalidator;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class SpecValidatorTest {

    private static final Path RESOURCES = Path.of("src/test/resources");
    private static final Path SPECS = Path.of("../../specs");

    @Test
    void brokenDocumentIsReportedWithFileAndLocation() {
        List<String> problems = SpecValidator.validate(RESOURCES.resolve("broken.yaml"), RESOURCES);

        assertThat(problems).anySatisfy(p -> assertThat(p)
                .startsWith("broken.yaml: ")
                .contains("paths.'/things'(get).responses is missing"));
        assertThat(problems).contains("broken.yaml: paths.'/things'(get).operationId is missing");
        assertThat(problems).anySatisfy(p -> assertThat(p).startsWith("broken.yaml: ").contains("missing.yaml"));
    }

    @Test
    void everyProjectSpecIsFoundAndValid() throws Exception {
        List<Path> documents = SpecValidator.findDocuments(SPECS);

        assertThat(documents).extracting(d -> SPECS.relativize(d).toString().replace('\\', '/'))
                .containsExactly(
                        "eihealth/list-notebooks.yaml",
                        "modelarts/list-devenv-instances.yaml",
                        "modelarts/list-notebooks.yaml",
                        "modelarts/modelarts.yaml",
                        "modelarts/open-codelab.yaml",
                        "scnet/get-instance-service-detail.yaml");
        for (Path d : documents) {
            assertThat(SpecValidator.validate(d, SPECS)).as(d.toString()).isEmpty();
        }
    }
}
