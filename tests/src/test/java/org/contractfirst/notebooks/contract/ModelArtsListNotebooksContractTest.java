package org.contractfirst.notebooks.contract;

import com.fasterxml.jackson.databind.JsonNode;
import org.contractfirst.notebooks.contract.support.Clients;
import org.contractfirst.notebooks.contract.support.Prefer;
import org.contractfirst.notebooks.contract.support.PrismMock;
import org.contractfirst.notebooks.contract.support.PrismServer;
import org.contractfirst.notebooks.contract.support.ProblemJson;
import org.contractfirst.notebooks.modelarts.api.DevEnvironApi;
import org.contractfirst.notebooks.modelarts.invoker.JSON;
import org.contractfirst.notebooks.modelarts.model.EndpointsRes;
import org.contractfirst.notebooks.modelarts.model.ErrorResponse;
import org.contractfirst.notebooks.modelarts.model.Image;
import org.contractfirst.notebooks.modelarts.model.JobProgress;
import org.contractfirst.notebooks.modelarts.model.ListNotebooksResponse;
import org.contractfirst.notebooks.modelarts.model.NotebookFeature;
import org.contractfirst.notebooks.modelarts.model.NotebookResp;
import org.contractfirst.notebooks.modelarts.model.NotebookStatus;
import org.contractfirst.notebooks.modelarts.model.VolumeRes;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.contractfirst.notebooks.runtime.ApiException;
import retrofit2.Call;
import retrofit2.Response;

import static org.assertj.core.api.Assertions.assertThat;

@PrismMock("modelarts/list-notebooks.yaml")
class ModelArtsListNotebooksContractTest {

    private static Call<ListNotebooksResponse> list(PrismServer prism, Prefer... prefer) {
        return Clients.modelarts(prism, prefer).devEnviron()
                .listNotebooks(DevEnvironApi.ListNotebooksRequest.builder("proj-1").build());
    }

    @Test
    void documentedExampleDecodesFieldByField(PrismServer prism) throws Exception {
        Response<ListNotebooksResponse> response = list(prism).execute();

        assertThat(response.code()).as(prism.tail()).isEqualTo(200);
        assertThat(response.headers().get("X-Request-Id")).isEqualTo("8f2d2a9a3d7b4f6cb1f4e0c1d2a3b4c5");
        ListNotebooksResponse page = response.body();
        assertThat(page.getCurrent()).isZero();
        assertThat(page.getPages()).isEqualTo(1);
        assertThat(page.getSize()).isEqualTo(10);
        assertThat(page.getTotal()).isEqualTo(2L);
        assertThat(page.getData()).extracting(NotebookResp::getId, NotebookResp::getName, NotebookResp::getFeature, NotebookResp::getFlavor)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("f9937afa-ca78-45b6-bc12-7ecf42553c48", "notebook_5ee4bf0e", NotebookFeature.DEFAULT, "modelarts.vm.cpu.free"),
                        org.assertj.core.groups.Tuple.tuple("f9937afa-4451-42db-a76b-72d624749f66", "notebooks_test", NotebookFeature.NOTEBOOK, "modelarts.vm.cpu.2u"));

        NotebookResp first = page.getData().get(0);
        assertThat(first.getStatus()).isEqualTo(NotebookStatus.CREATING);
        assertThat(first.getDescription()).isEqualTo("api-test");
        assertThat(first.getToken()).isEqualTo("58ba50c6-e8ff-245c-4840-49e51aa70737");
        assertThat(first.getWorkspaceId()).isEqualTo("0");
        assertThat(first.getImage().getId()).isEqualTo("e1a07296-22a8-4f05-8bc8-e936c8e54090");
        assertThat(first.getImage().getName()).isEqualTo("notebook2.0-mul-kernel-cpu-cp36");
        assertThat(first.getImage().getSwrPath()).isEqualTo("swr.xxxxx.com/atelier/notebook2.0-mul-kernel-cpu-cp36:3.3.2-release_v1");
        assertThat(first.getImage().getType()).isEqualTo(Image.TypeEnum.BUILD_IN);
        assertThat(first.getLease().getCreateAt()).isEqualTo(1638841805439L);
        assertThat(first.getLease().getUpdateAt()).isEqualTo(1638841805439L);
        assertThat(first.getLease().getDuration()).isEqualTo(3600000L);
        assertThat(first.getLease().getEnable()).isTrue();
        assertThat(first.getVolume().getCategory()).isEqualTo(VolumeRes.CategoryEnum.EVS);
        assertThat(first.getVolume().getOwnership()).isEqualTo(VolumeRes.OwnershipEnum.MANAGED);
        assertThat(first.getVolume().getMountPath()).isEqualTo("/home/ma-user/work/");
        assertThat(first.getVolume().getCapacity()).isEqualTo(50);
        assertThat(page.getData().get(1).getLease().getCreateAt()).isEqualTo(1638841744515L);
    }

    @Test
    void namedExampleEmptyIsSelectable(PrismServer prism) throws Exception {
        Response<ListNotebooksResponse> response = list(prism, Prefer.example("empty")).execute();

        assertThat(response.code()).as(prism.tail()).isEqualTo(200);
        assertThat(response.body().getData()).isEmpty();
        assertThat(response.body().getTotal()).isZero();
        assertThat(response.body().getPages()).isZero();
        assertThat(response.body().getSize()).isEqualTo(10);
    }

    @Test
    void namedExampleSshInstanceCarriesPageAndSdkEndpointFields(PrismServer prism) throws Exception {
        Response<ListNotebooksResponse> response = list(prism, Prefer.example("sshInstance")).execute();

        assertThat(response.code()).as(prism.tail()).isEqualTo(200);
        NotebookResp notebook = response.body().getData().get(0);
        assertThat(notebook.getId()).isEqualTo("0b7a6c0e-3f2d-4d7e-9a8b-5c4d3e2f1a0b");
        assertThat(notebook.getStatus()).isEqualTo(NotebookStatus.RUNNING);
        assertThat(notebook.getActionProgress()).singleElement().satisfies(p -> {
            assertThat(p.getNotebookId()).isEqualTo("0b7a6c0e-3f2d-4d7e-9a8b-5c4d3e2f1a0b");
            assertThat(p.getStep()).isEqualTo(JobProgress.StepEnum.NUMBER_4);
            assertThat(p.getStatus()).isEqualTo(JobProgress.StatusEnum.COMPLETED);
        });
        EndpointsRes endpoint = notebook.getEndpoints().get(0);
        assertThat(endpoint.getDevService()).isEqualTo(EndpointsRes.DevServiceEnum.SSH);
        assertThat(endpoint.getAllowedAccessIps()).containsExactly("192.0.2.10");
        assertThat(endpoint.getSshKeys()).containsExactly("KeyPair-notebook");
        assertThat(endpoint.getService()).isEqualTo("SSH");
        assertThat(endpoint.getUri()).isEqualTo("ssh://192.0.2.20:30022");
        assertThat(endpoint.getKeyPairNames()).containsExactly("KeyPair-notebook");
        assertThat(notebook.getPool().getId()).isEqualTo("pool-7d9f0a3c");
        assertThat(notebook.getPool().getName()).isEqualTo("dedicated-gpu-pool");
        assertThat(notebook.getImage().getArch()).isEqualTo(Image.ArchEnum.X86_64);
        assertThat(notebook.getImage().getDevServices()).containsExactly(Image.DevServicesEnum.NOTEBOOK, Image.DevServicesEnum.SSH);
        assertThat(notebook.getImage().getServiceType()).isEqualTo(Image.ServiceTypeEnum.DEV);
        assertThat(notebook.getImage().getSize()).isEqualTo(4194304L);
        assertThat(notebook.getVolume().getCategory()).isEqualTo(VolumeRes.CategoryEnum.EVS);
        assertThat(notebook.getVolume().getOwnership()).isEqualTo(VolumeRes.OwnershipEnum.MANAGED);
        assertThat(notebook.getVolume().getStatus()).isEqualTo("RESIZING");
    }

    @ParameterizedTest(name = "HTTP {0} -> {1}")
    @CsvSource({
            "401, APIGW.0301, Incorrect IAM authentication information.",
            "403, ModelArts.0106, Insufficient permissions. Grant the ModelArts permissions to the IAM user and try again.",
            "404, ModelArts.6309, The notebook instance does not exist."})
    void documentedErrorStatusesAreSelectable(int status, String errorCode, String errorMsg, PrismServer prism) throws Exception {
        ApiException error = Clients.apiError(list(prism, Prefer.code(status)));

        ProblemJson.assertHuaweiError(error, status, errorCode, errorMsg);
    }

    @Test
    void missingTokenIsRejectedWith401(PrismServer prism) throws Exception {
        // Bare Retrofit: the public client always sends credentials; this checks that the spec requires them.
        Response<ListNotebooksResponse> response = new DevEnvironApi(Clients.withoutCredentials(prism, new JSON().getMapper()))
                .listNotebooks(DevEnvironApi.ListNotebooksRequest.builder("proj-1").build()).execute();

        assertThat(response.code()).isEqualTo(401);
        ErrorResponse error = new JSON().getMapper().readValue(response.errorBody().string(), ErrorResponse.class);
        assertThat(error.getErrorCode()).isEqualTo("APIGW.0301");
        assertThat(error.getRequestId()).isEqualTo("8f2d2a9a3d7b4f6cb1f4e0c1d2a3b4c5");
    }

    @Test
    void statusOutsideItsEnumIsRejectedWith422(PrismServer prism) throws Exception {
        // The generated method takes the NotebookStatus enum, so the bad value goes through the sort_dir string.
        ApiException error = Clients.apiError(Clients.modelarts(prism).devEnviron()
                .listNotebooks(DevEnvironApi.ListNotebooksRequest.builder("proj-1").sortDir("SIDEWAYS").build()));

        JsonNode problem = ProblemJson.validationProblem(error);
        assertThat(problem.at("/status").asInt()).isEqualTo(422);
        assertThat(problem.at("/validation/0/location/1").asText()).isEqualTo("sort_dir");
        assertThat(problem.at("/validation/0/code").asText()).isEqualTo("enum");
    }

    @Test
    void ownerLongerThan32CharactersIsRejectedWith422(PrismServer prism) throws Exception {
        ApiException error = Clients.apiError(Clients.modelarts(prism).devEnviron()
                .listNotebooks(DevEnvironApi.ListNotebooksRequest.builder("proj-1").owner("0123456789abcdef0123456789abcdef0").build()));

        JsonNode problem = ProblemJson.validationProblem(error);
        assertThat(problem.at("/validation/0/location/1").asText()).isEqualTo("owner");
        assertThat(problem.at("/validation").toString()).contains("maxLength");
    }
}
