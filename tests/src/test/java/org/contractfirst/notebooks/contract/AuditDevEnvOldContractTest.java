package org.contractfirst.notebooks.contract;

import org.contractfirst.notebooks.contract.support.Clients;
import org.contractfirst.notebooks.contract.support.PrismMock;
import org.contractfirst.notebooks.contract.support.PrismServer;
import org.contractfirst.notebooks.modelarts.api.DevEnvironOldVersionApi;
import org.contractfirst.notebooks.modelarts.model.DeInstanceList;
import org.junit.jupiter.api.Test;
import org.contractfirst.notebooks.runtime.ApiException;
import retrofit2.Call;
import retrofit2.Response;

import static org.assertj.core.api.Assertions.assertThat;

/** Audit decisions on seed 002 (specs/DISCREPANCIES.md), against a Prism mock of the spec with request validation on. */
@PrismMock("modelarts/list-devenv-instances.yaml")
class AuditDevEnvOldContractTest {

    private static Call<DeInstanceList> list(PrismServer prism, Integer offset, Integer limit) {
        return Clients.modelarts(prism).devEnvironOldVersion()
                .listDevEnvInstances(DevEnvironOldVersionApi.ListDevEnvInstancesRequest.builder("proj-1").offset(offset).limit(limit).build());
    }

    /** The page's "range (0, ∞)" would exclude its own default 0 ("returns all"): 0 is accepted. */
    @Test
    void limitZeroTheDocumentedDefaultIsAccepted(PrismServer prism) throws Exception {
        Response<DeInstanceList> response = list(prism, 0, 0).execute();

        assertThat(response.code()).as(prism.tail()).isEqualTo(200);
        assertThat(response.body().getTotalCount()).isEqualTo(2);
        assertThat(response.body().getInstances()).hasSize(2);
    }

    /** `offset` is a record offset with our `minimum: 0` (the page gives no bound). */
    @Test
    void negativeOffsetIsRejectedWith422(PrismServer prism) throws Exception {
        ApiException error = Clients.apiError(list(prism, -1, null));

        var problem = org.contractfirst.notebooks.contract.support.ProblemJson.validationProblem(error);
        assertThat(problem.at("/validation/0/location").toString()).isEqualTo("[\"query\",\"offset\"]");
        assertThat(problem.at("/validation/0/code").asText()).isEqualTo("minimum");
    }
}
