package org.contractfirst.notebooks.contract;

import com.fasterxml.jackson.databind.JsonNode;
import org.contractfirst.notebooks.contract.support.Clients;
import org.contractfirst.notebooks.contract.support.PrismMock;
import org.contractfirst.notebooks.contract.support.PrismServer;
import org.contractfirst.notebooks.contract.support.ProblemJson;
import org.contractfirst.notebooks.modelarts.api.DevEnvironApi;
import org.contractfirst.notebooks.modelarts.model.NotebookResp;
import org.contractfirst.notebooks.modelarts.model.OpenCodeLabBody;
import org.junit.jupiter.api.Test;
import org.contractfirst.notebooks.runtime.ApiException;
import retrofit2.Call;
import retrofit2.Response;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Audit finding 4 (specs/DISCREPANCIES.md): "if image_id is left blank, a multi-kernel CPU instance is opened".
 * Blank means left out; the empty string does not match the UUID pattern.
 */
@PrismMock("modelarts/open-codelab.yaml")
class AuditOpenCodeLabContractTest {

    private static Call<NotebookResp> open(PrismServer prism, OpenCodeLabBody body) {
        return Clients.modelarts(prism).devEnviron().openCodeLab(DevEnvironApi.OpenCodeLabRequest.builder("proj-1").body(body).build());
    }

    @Test
    void imageIdLeftOutOpensTheDefaultInstance(PrismServer prism) throws Exception {
        Response<NotebookResp> response = open(prism, new OpenCodeLabBody()).execute();

        assertThat(response.code()).as(prism.tail()).isEqualTo(200);
        assertThat(response.body().getImage().getName()).isEqualTo("notebook2.0-mul-kernel-cpu-cp36");
    }

    @Test
    void emptyImageIdIsRejectedWith422(PrismServer prism) throws Exception {
        ApiException error = Clients.apiError(open(prism, new OpenCodeLabBody().imageId("")));

        JsonNode problem = ProblemJson.validationProblem(error);
        assertThat(problem.at("/validation/0/location").toString()).isEqualTo("[\"body\",\"image_id\"]");
        assertThat(problem.at("/validation/0/code").asText()).isEqualTo("pattern");
    }
}
