package org.contractfirst.notebooks.contract;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.examples.Example;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.core.util.Json;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 16, "done when": 100 % of what the services are known to send validates against the PUBLISHED bundles
 * ({@code specs/target/bundles}) with a neutral OpenAPI 3.0 validator (not our Java clients): every response
 * example of each bundle, and every entry of {@code wire-corpus.json} (vendor examples, other public sources,
 * ledger observations). A violation fails with file + JSON pointer + message.
 */
class WireCorpusValidationTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TestFactory
    Stream<DynamicTest> everyWireCorpusEntryValidatesAgainstItsPublishedBundle() throws IOException {
        return WireCorpus.entries().stream().map(entry -> DynamicTest.dynamicTest(entry.file() + " -> " + entry.service()
                + " #/components/schemas/" + entry.schema(), () -> {
            OpenAPI api = WireCorpus.parse(WireCorpus.bundle(entry.service()));
            assertThat(api.getComponents().getSchemas()).as("schema %s in the %s bundle", entry.schema(), entry.service())
                    .containsKey(entry.schema());
            List<String> violations = WireCorpus.violations(api, WireCorpus.ref(entry.schema()), WireCorpus.payload(entry),
                    entry.file());
            assertThat(violations).as("violations of %s (%s)", entry.file(), entry.source()).isEmpty();
        }));
    }

    @TestFactory
    Stream<DynamicTest> everyResponseExampleOfEveryBundleValidates() {
        List<DynamicTest> tests = new ArrayList<>();
        for (String service : List.of("modelarts", "eihealth", "scnet")) {
            OpenAPI api = WireCorpus.parse(WireCorpus.bundle(service));
            api.getPaths().forEach((path, item) -> item.readOperationsMap().forEach((method, op) ->
                    responses(api, op).forEach((status, response) -> {
                        if (response.getContent() == null) {
                            return;
                        }
                        response.getContent().forEach((type, media) -> examples(api, media).forEach((name, value) -> {
                            String where = service + ".yaml " + method + " " + path + " " + status + " " + type + " example " + name;
                            tests.add(DynamicTest.dynamicTest(where, () ->
                                    assertThat(WireCorpus.violations(api, media.getSchema(), value, where)).isEmpty()));
                        }));
                    })));
        }
        assertThat(tests).as("response examples found in the bundles").hasSizeGreaterThan(20);
        return tests.stream();
    }

    /** No language-specific code in a published bundle (ledger rows 1, 2, 32): no Java annotations, no x-java extensions. */
    @Test
    void noBundleCarriesJava() throws IOException {
        for (String service : List.of("modelarts", "eihealth", "scnet")) {
            String text = java.nio.file.Files.readString(WireCorpus.bundle(service));
            assertThat(text).as(service + ".yaml").doesNotContain("x-setter-extra-annotation", "x-field-extra-annotation",
                    "x-class-extra-annotation", "x-java-", "@com.fasterxml", "JsonAlias");
        }
    }

    /** The validator can fail: a payload that breaks the bundle names the file, the JSON pointer and the problem. */
    @Test
    void aViolationIsReportedWithFileJsonPointerAndMessage() throws IOException {
        OpenAPI api = WireCorpus.parse(WireCorpus.bundle("eihealth"));
        JsonNode bad = JSON.readTree("{\"count\":\"one\",\"notebooks\":[{\"id\":\"n1\",\"flavor\":{\"cpu\":true}}]}");

        List<String> violations = WireCorpus.violations(api, WireCorpus.ref("ListNotebooksResponse"), bad, "bad.json");

        assertThat(violations).anySatisfy(v -> assertThat(v).startsWith("bad.json /count: ")
                .contains("allowed: [\"integer\"]").contains("[validation.wire.schema.type]"));
        assertThat(violations).anySatisfy(v -> assertThat(v).startsWith("bad.json /notebooks/0/flavor/cpu: "));
        // An undeclared field is a violation too: the spec must say what the wire carries.
        assertThat(WireCorpus.violations(api, WireCorpus.ref("FlavorInfo"), JSON.readTree("{\"npu\":1}"), "npu.json"))
                .singleElement().asString().startsWith("npu.json /: ").contains("npu");
    }

    /** Open response enums: a status no page lists yet validates; a closed request filter would not. */
    @Test
    void anUnknownResponseStatusValidatesAndAnUnknownFilterValueDoesNot() throws IOException {
        OpenAPI api = WireCorpus.parse(WireCorpus.bundle("modelarts"));

        assertThat(WireCorpus.violations(api, WireCorpus.ref("NotebookResp"),
                JSON.readTree("{\"id\":\"a\",\"status\":\"HIBERNATING\"}"), "new-status.json")).isEmpty();
        assertThat(WireCorpus.violations(api, WireCorpus.ref("NotebookStatusFilter"),
                JSON.readTree("\"HIBERNATING\""), "filter.json")).singleElement().asString().contains("HIBERNATING");
    }

    private static Map<String, ApiResponse> responses(OpenAPI api, Operation op) {
        Map<String, ApiResponse> resolved = new java.util.LinkedHashMap<>();
        op.getResponses().forEach((status, r) -> resolved.put(status, r.get$ref() == null ? r
                : api.getComponents().getResponses().get(r.get$ref().substring(r.get$ref().lastIndexOf('/') + 1))));
        return resolved;
    }

    private static Map<String, JsonNode> examples(OpenAPI api, MediaType media) {
        Map<String, JsonNode> values = new java.util.LinkedHashMap<>();
        if (media.getExample() != null) {
            values.put("(example)", Json.mapper().valueToTree(media.getExample()));
        }
        if (media.getExamples() != null) {
            media.getExamples().forEach((name, e) -> {
                Example example = e.get$ref() == null ? e
                        : api.getComponents().getExamples().get(e.get$ref().substring(e.get$ref().lastIndexOf('/') + 1));
                values.put(name, Json.mapper().valueToTree(example.getValue()));
            });
        }
        return values;
    }
}
