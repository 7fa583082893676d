package org.contractfirst.notebooks.specvalidator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The bundle -> Java input transform: what OUR generator reads instead of the published bundle. */
class JavaInputTest {

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    private static JsonNode transformed(String yaml) throws Exception {
        return JavaInput.transform(YAML.readTree(yaml));
    }

    @Test
    void extensibleEnumBecomesAnEnumForOurOpenEnumTemplates() throws Exception {
        JsonNode status = transformed("""
                type: string
                description: Status.
                x-extensible-enum: [RUNNING, STOPPED]
                """);

        assertThat(status.has("x-extensible-enum")).isFalse();
        assertThat(status.get("enum").toString()).isEqualTo("[\"RUNNING\",\"STOPPED\"]");
        assertThat(status.get("description").asText()).isEqualTo("Status.");
    }

    @Test
    void scalarAnyOfCollapsesToItsFirstAlternativeKeepingTheOwnDescription() throws Exception {
        JsonNode cpu = transformed("""
                description: CPU cores, a number or a decimal string.
                anyOf:
                  - type: number
                    format: float
                    minimum: 1
                  - type: string
                    pattern: '^[0-9]+$'
                    description: As a string.
                """);

        assertThat(cpu.has("anyOf")).isFalse();
        assertThat(cpu.get("type").asText()).isEqualTo("number");
        assertThat(cpu.get("format").asText()).isEqualTo("float");
        assertThat(cpu.get("minimum").asInt()).isEqualTo(1);
        assertThat(cpu.has("pattern")).isFalse();
        assertThat(cpu.get("description").asText()).isEqualTo("CPU cores, a number or a decimal string.");
    }

    @Test
    void compositionsOfObjectsOrRefsAreLeftAlone() throws Exception {
        JsonNode node = transformed("""
                properties:
                  a:
                    oneOf:
                      - $ref: '#/components/schemas/A'
                      - type: string
                  b:
                    anyOf:
                      - type: object
                        properties: {x: {type: string}}
                      - type: string
                """);

        assertThat(node.at("/properties/a/oneOf").size()).isEqualTo(2);
        assertThat(node.at("/properties/b/anyOf").size()).isEqualTo(2);
    }

    @Test
    void anExistingEnumIsKept() throws Exception {
        JsonNode node = transformed("""
                type: string
                enum: [A]
                x-extensible-enum: [A, B]
                """);

        assertThat(node.get("enum").toString()).isEqualTo("[\"A\"]");
        assertThat(node.has("x-extensible-enum")).isFalse();
    }

    @Test
    void additionalPropertiesTrueIsRemovedFromObjectsWithPropertiesOnly() throws Exception {
        JsonNode node = transformed("""
                type: object
                additionalProperties: true
                properties:
                  params:
                    type: object
                    additionalProperties: true
                  labels:
                    type: object
                    additionalProperties:
                      type: string
                  nested:
                    type: object
                    additionalProperties: true
                    properties:
                      x: {type: string}
                  closed:
                    type: object
                    additionalProperties: false
                    properties:
                      y: {type: string}
                """);

        assertThat(node.has("additionalProperties")).isFalse();
        assertThat(node.at("/properties/nested").has("additionalProperties")).isFalse();
        assertThat(node.at("/properties/nested/properties/x/type").asText()).isEqualTo("string");
        assertThat(node.at("/properties/params/additionalProperties").asBoolean()).isTrue();
        assertThat(node.at("/properties/labels/additionalProperties/type").asText()).isEqualTo("string");
        assertThat(node.at("/properties/closed/additionalProperties").asBoolean(true)).isFalse();
    }
}
