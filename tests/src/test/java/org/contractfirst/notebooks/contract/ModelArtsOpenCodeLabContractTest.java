package org.contractfirst.notebooks.contract;

import com.fasterxml.jackson.databind.JsonNode;
import org.contractfirst.notebooks.contract.support.Clients;
import org.contractfirst.notebooks.contract.support.Prefer;
import org.contractfirst.notebooks.contract.support.PrismMock;
import org.contractfirst.notebooks.contract.support.PrismServer;
import org.contractfirst.notebooks.contract.support.ProblemJson;
import org.contractfirst.notebooks.modelarts.api.DevEnvironApi;
import org.contractfirst.notebooks.modelarts.model.Image;
import org.contractfirst.notebooks.modelarts.model.JobProgress;
import org.contractfirst.notebooks.modelarts.model.NotebookFeature;
import org.contractfirst.notebooks.modelarts.model.NotebookResp;
import org.contractfirst.notebooks.modelarts.model.NotebookStatus;
import org.contractfirst.notebooks.modelarts.model.OpenCodeLabBody;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.contractfirst.notebooks.modelarts.invoker.JSON;
import org.contractfirst.notebooks.runtime.ApiException;
import retrofit2.Call;
import retrofit2.Response;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

@PrismMock("modelarts/open-codelab.yaml")
class ModelArtsOpenCodeLabContractTest {

    private static Call<NotebookResp> open(PrismServer prism, OpenCodeLabBody body, Prefer... prefer) {
        return Clients.modelarts(prism, prefer).devEnviron()
                .openCodeLab(DevEnvironApi.OpenCodeLabRequest.builder("proj-1").body(body).build());
    }

    /** The body is optional (004: both fields optional, the example request is {@code {}}): left out, {@code {}} is sent (ledger row 58). */
    @Test
    void bodyLeftOutIsSentAsTheDocumentedEmptyObject(PrismServer prism) throws Exception {
        Response<NotebookResp> response = Clients.modelarts(prism).devEnviron()
                .openCodeLab(DevEnvironApi.OpenCodeLabRequest.builder("proj-1").build())
                .execute();

        assertThat(response.code()).as(prism.tail()).isEqualTo(200);
        assertThat(response.body().getId()).isEqualTo("f9937afa-ca78-45b6-bc12-7ecf42553c48");
        assertThat(response.body().getImage().getName()).isEqualTo("notebook2.0-mul-kernel-cpu-cp36");
    }

    @Test
    void documentedExampleDecodesFieldByField(PrismServer prism) throws Exception {
        Response<NotebookResp> response = open(prism, new OpenCodeLabBody()).execute();

        assertThat(response.code()).as(prism.tail()).isEqualTo(200);
        assertThat(response.headers().get("X-Request-Id")).isEqualTo("8f2d2a9a3d7b4f6cb1f4e0c1d2a3b4c5");
        NotebookResp notebook = response.body();
        assertThat(notebook.getId()).isEqualTo("f9937afa-ca78-45b6-bc12-7ecf42553c48");
        assertThat(notebook.getName()).isEqualTo("notebook_5ee4bf0e");
        assertThat(notebook.getStatus()).isEqualTo(NotebookStatus.CREATING);
        assertThat(notebook.getFeature()).isEqualTo(NotebookFeature.DEFAULT);
        assertThat(notebook.getFlavor()).isEqualTo("modelarts.vm.cpu.free");
        assertThat(notebook.getToken()).isEqualTo("58ba50c6-e8ff-245c-4840-49e51aa70737");
        assertThat(notebook.getWorkspaceId()).isEqualTo("0");
        assertThat(notebook.getCreateAt()).isEqualTo(1638841805440L);
        assertThat(notebook.getUpdateAt()).isEqualTo(1638841805440L);
        assertThat(notebook.getActionProgress())
                .extracting(JobProgress::getStep, JobProgress::getStatus, JobProgress::getDescription)
                .containsExactly(
                        tuple(JobProgress.StepEnum.NUMBER_1, JobProgress.StatusEnum.WAITING, "Prepare the storage."),
                        tuple(JobProgress.StepEnum.NUMBER_2, JobProgress.StatusEnum.WAITING, "Prepare the compute resource."),
                        tuple(JobProgress.StepEnum.NUMBER_3, JobProgress.StatusEnum.WAITING, "Configuring the network."),
                        tuple(JobProgress.StepEnum.NUMBER_4, JobProgress.StatusEnum.WAITING, "Initialize the notebook instance."));
        Image image = notebook.getImage();
        assertThat(image.getId()).isEqualTo("e1a07296-22a8-4f05-8bc8-e936c8e54090");
        assertThat(image.getDescription()).isEqualTo("description");
        assertThat(image.getTag()).isEqualTo("3.3.2-release_v1");
        assertThat(image.getSwrPath()).isEqualTo(".xxxx.com/atelier/notebook2.0-mul-kernel-cpu-cp36:3.3.2-release_v1");
        assertThat(image.getType()).isEqualTo(Image.TypeEnum.BUILD_IN);
        assertThat(notebook.getLease().getCreateAt()).isEqualTo(1638841805439L);
        assertThat(notebook.getLease().getUpdateAt()).isEqualTo(1638841805439L);
        assertThat(notebook.getLease().getDuration()).isEqualTo(3600000L);
        assertThat(notebook.getLease().getEnable()).isTrue();
    }

    @Test
    void requestWithImageAndShareUrlIsAccepted(PrismServer prism) throws Exception {
        OpenCodeLabBody body = new OpenCodeLabBody()
                .imageId("e1a07296-22a8-4f05-8bc8-e936c8e54090")
                .shareUrl("aHR0cHM6Ly9leGFtcGxlLmNvbS9kZW1vLmlweW5i");

        Response<NotebookResp> response = open(prism, body).execute();

        assertThat(response.code()).as(prism.tail()).isEqualTo(200);
        assertThat(response.body().getId()).isEqualTo("f9937afa-ca78-45b6-bc12-7ecf42553c48");
    }

    @Test
    void createdStatusWithItsExampleIsSelectable(PrismServer prism) throws Exception {
        Response<NotebookResp> response = open(prism, new OpenCodeLabBody(), Prefer.code(201)).execute();

        assertThat(response.code()).as(prism.tail()).isEqualTo(201);
        NotebookResp notebook = response.body();
        assertThat(notebook.getId()).isEqualTo("5a3e3c51-8d5e-4a4b-9d0e-1f4b2c6d7e8f");
        assertThat(notebook.getName()).isEqualTo("notebook_codelab");
        assertThat(notebook.getStatus()).isEqualTo(NotebookStatus.RUNNING);
        assertThat(notebook.getUrl()).isEqualTo("https://modelarts-notebook.xxxxxx.com/5a3e3c51-8d5e-4a4b-9d0e-1f4b2c6d7e8f/lab");
        assertThat(notebook.getActionProgress()).as("not in the example: absent, not an invented empty list (row 54)").isNull();
    }

    @ParameterizedTest(name = "HTTP {0} -> {1}")
    @CsvSource({
            "401, APIGW.0301, Incorrect IAM authentication information.",
            "403, ModelArts.0106, Insufficient permissions. Grant the ModelArts permissions to the IAM user and try again.",
            "404, ModelArts.6309, The notebook instance does not exist."})
    void documentedErrorStatusesAreSelectable(int status, String errorCode, String errorMsg, PrismServer prism) throws Exception {
        ApiException error = Clients.apiError(open(prism, new OpenCodeLabBody(), Prefer.code(status)));

        ProblemJson.assertHuaweiError(error, status, errorCode, errorMsg);
    }

    @Test
    void missingTokenIsRejectedWith401(PrismServer prism) throws Exception {
        // Bare Retrofit: the public client always sends credentials; this checks that the spec requires them.
        Response<NotebookResp> response = new DevEnvironApi(Clients.withoutCredentials(prism, new JSON().getMapper()))
                .openCodeLab(DevEnvironApi.OpenCodeLabRequest.builder("proj-1").body(new OpenCodeLabBody()).build()).execute();

        ProblemJson.assertHuaweiError(response, 401, "APIGW.0301", "Incorrect IAM authentication information.");
    }

    @Test
    void imageIdThatIsNotAUuidIsRejectedWith422(PrismServer prism) throws Exception {
        ApiException error = Clients.apiError(open(prism, new OpenCodeLabBody().imageId("latest")));

        JsonNode problem = ProblemJson.validationProblem(error);
        assertThat(problem.at("/status").asInt()).isEqualTo(422);
        assertThat(problem.at("/validation/0/location").toString()).isEqualTo("[\"body\",\"image_id\"]");
        assertThat(problem.at("/validation/0/code").asText()).isEqualTo("pattern");
    }
}
