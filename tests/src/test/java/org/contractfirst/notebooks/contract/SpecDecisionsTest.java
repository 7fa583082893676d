package org.contractfirst.notebooks.contract;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.parameters.Parameter;
import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.ParseOptions;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Decisions of specs/DISCREPANCIES.md that live in the specs themselves (defaults, nullable, patterns, enums,
 * descriptions) and that no request or decoding test can observe: read from the endpoint files, fully resolved.
 */
class SpecDecisionsTest {

    private static OpenAPI spec(String file) {
        ParseOptions options = new ParseOptions();
        options.setResolve(true);
        options.setResolveFully(true);
        Path specs = Path.of(System.getProperty("specs.dir", "../specs"));
        OpenAPI api = new OpenAPIV3Parser().read(specs.resolve(file).toString(), null, options);
        assertThat(api).as(file).isNotNull();
        return api;
    }

    private static Parameter query(OpenAPI api, String path, String name) {
        List<Parameter> parameters = api.getPaths().get(path).getGet().getParameters();
        return parameters.stream().filter(p -> p.getName().equals(name)).findFirst().orElseThrow();
    }

    @SuppressWarnings("rawtypes")
    private static Schema property(Schema schema, String... names) {
        Schema s = schema;
        for (String name : names) {
            s = (Schema) s.getProperties().get(name);
            if (s.getItems() != null) {
                s = s.getItems();
            }
        }
        return s;
    }

    @SuppressWarnings("rawtypes")
    private static Schema okSchema(OpenAPI api, String path) {
        var op = api.getPaths().get(path).getGet() != null ? api.getPaths().get(path).getGet() : api.getPaths().get(path).getPost();
        return op.getResponses().get("200").getContent().get("application/json").getSchema();
    }

    /** Finding 9: the documented workspace default "0" is encoded in every workspace query parameter. */
    @Test
    void workspaceQueryParametersDefaultToZero() {
        OpenAPI list = spec("modelarts/list-notebooks.yaml");
        OpenAPI old = spec("modelarts/list-devenv-instances.yaml");

        assertThat(query(list, "/v1/{project_id}/notebooks", "workspace_id").getSchema().getDefault()).isEqualTo("0");
        assertThat(query(list, "/v1/{project_id}/notebooks", "workspaceId").getSchema().getDefault()).isEqualTo("0");
        assertThat(query(old, "/v1/{project_id}/demanager/instances", "workspace_id").getSchema().getDefault()).isEqualTo("0");
    }

    /** Finding 9: formats are enforced on what clients send, described (not enforced) on what services answer. */
    @Test
    void imageIdAndNameArePatternedInRequestsOnlyAndQueuingFlavorIsNoEnum() {
        OpenAPI open = spec("modelarts/open-codelab.yaml");
        OpenAPI list = spec("modelarts/list-notebooks.yaml");
        OpenAPI old = spec("modelarts/list-devenv-instances.yaml");

        Schema<?> request = open.getComponents().getSchemas().get("OpenCodeLabRequest");
        assertThat(property(request, "image_id").getPattern())
                .isEqualTo("^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$");
        Schema<?> notebook = property(okSchema(list, "/v1/{project_id}/notebooks"), "data");
        assertThat(property(notebook, "image", "id").getPattern()).isNull();
        assertThat(property(notebook, "image", "id").getDescription()).isEqualTo("ID of the image (UUID).");
        assertThat(property(notebook, "image", "name").getPattern()).isNull();
        assertThat(property(notebook, "image", "name").getMaxLength()).isEqualTo(512);
        Schema<?> instance = property(okSchema(old, "/v1/{project_id}/demanager/instances"), "instances");
        assertThat(property(instance, "queuing_info", "flavor").getEnum()).isNull();
        assertThat(property(instance, "queuing_info", "flavor").getDescription()).contains("for example modelarts.vm.cpu.free");
    }

    /** Findings 1 and 8: what may be sent as null. */
    @Test
    void nullableDecisionsOfTheOldDevEnvironSpec() {
        OpenAPI old = spec("modelarts/list-devenv-instances.yaml");
        var schemas = old.getComponents().getSchemas();

        assertThat(schemas.get("DeStorageLocation").getNullable()).isTrue();
        assertThat(schemas.get("DeRepository").getNullable()).isTrue();
        assertThat(property(schemas.get("DeProfile"), "labels").getNullable()).isTrue();
        assertThat(property(schemas.get("DeNotebookSpec"), "annotations").getNullable()).isTrue();
        // Finding 8: the response status has the query filter's 15 values, open in the contract (x-extensible-enum,
        // row 25); the query filter keeps them closed.
        assertThat(property(schemas.get("DeInstance"), "status").getEnum()).isNull();
        assertThat((List<Object>) property(schemas.get("DeInstance"), "status").getExtensions().get("x-extensible-enum"))
                .hasSize(15).contains("RUNNING", "RESIZE_FAILED");
        assertThat(schemas.get("DeInstanceStatusFilter").getEnum()).hasSize(15).contains("RUNNING", "RESIZE_FAILED");
        // Finding 10: the page's Integer timestamps are int64, and say so.
        assertThat(property(schemas.get("DeQueuingInfo"), "begin_timestamp").getFormat()).isEqualTo("int64");
        assertThat(property(schemas.get("DeQueuingInfo"), "begin_timestamp").getDescription()).contains("typed Integer on the page");
        assertThat(property(schemas.get("DeQueuingInfo"), "end_timestamp").getDescription()).contains("typed Integer on the page");
        assertThat(property(schemas.get("DeNotebookSpec"), "resource_reserved_timestamp").getFormat()).isEqualTo("int64");
    }

    /** Finding 10 / row 24: every list operation says its offset counts records; 002's minimum 0 and limit 0 are ours. */
    @Test
    void offsetsAreRecordOffsetsInEveryDescription() {
        assertThat(query(spec("modelarts/list-notebooks.yaml"), "/v1/{project_id}/notebooks", "offset").getDescription())
                .contains("number of records to skip");
        assertThat(query(spec("eihealth/list-notebooks.yaml"), "/v1/{project_id}/eihealth-projects/{eihealth_project_id}/notebooks", "offset")
                .getDescription()).contains("record offset");
        Parameter offset = query(spec("modelarts/list-devenv-instances.yaml"), "/v1/{project_id}/demanager/instances", "offset");
        assertThat(offset.getDescription()).contains("record offset").contains("`minimum: 0` is ours");
        assertThat(offset.getSchema().getMinimum()).isEqualByComparingTo("0");
        Parameter limit = query(spec("modelarts/list-devenv-instances.yaml"), "/v1/{project_id}/demanager/instances", "limit");
        assertThat(limit.getSchema().getMinimum()).isEqualByComparingTo("0");
        assertThat(limit.getSchema().getDefault()).isEqualTo(0);
    }

    /** Finding 10: SCNet's envelope requires only `code`, ours (the page marks nothing mandatory). */
    @Test
    void scnetEnvelopeRequiresOnlyCode() {
        OpenAPI scnet = spec("scnet/get-instance-service-detail.yaml");

        assertThat(scnet.getComponents().getSchemas().get("InstanceServiceDetailResponse").getRequired()).containsExactly("code");
    }
}
