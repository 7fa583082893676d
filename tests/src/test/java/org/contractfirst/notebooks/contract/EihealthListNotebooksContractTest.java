package org.contractfirst.notebooks.contract;

import com.fasterxml.jackson.databind.JsonNode;
import org.contractfirst.notebooks.contract.support.Clients;
import org.contractfirst.notebooks.contract.support.Prefer;
import org.contractfirst.notebooks.contract.support.PrismMock;
import org.contractfirst.notebooks.contract.support.PrismServer;
import org.contractfirst.notebooks.contract.support.ProblemJson;
import org.contractfirst.notebooks.eihealth.api.NotebooksApi;
import org.contractfirst.notebooks.eihealth.model.ImageInfo;
import org.contractfirst.notebooks.eihealth.model.ListNotebooksResponse;
import org.contractfirst.notebooks.eihealth.model.NotebookEntity;
import org.contractfirst.notebooks.eihealth.model.NotebookImage;
import org.contractfirst.notebooks.eihealth.model.NotebookStatus;
import org.contractfirst.notebooks.eihealth.model.TaskEventRsp;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.contractfirst.notebooks.eihealth.invoker.JSON;
import org.contractfirst.notebooks.runtime.ApiException;
import retrofit2.Call;
import retrofit2.Response;

import static org.assertj.core.api.Assertions.assertThat;

@PrismMock("eihealth/list-notebooks.yaml")
class EihealthListNotebooksContractTest {

    private static Call<ListNotebooksResponse> list(PrismServer prism, Integer limit, Prefer... prefer) {
        return Clients.eihealth(prism, prefer).notebooks()
                .listNotebooks(NotebooksApi.ListNotebooksRequest.builder("proj-1", "eih-proj-1").limit(limit).build());
    }

    @Test
    void documentedExampleDecodesFieldByField(PrismServer prism) throws Exception {
        Response<ListNotebooksResponse> response = list(prism, null).execute();

        assertThat(response.code()).as(prism.tail()).isEqualTo(200);
        assertThat(response.headers().get("X-Request-Id")).isEqualTo("8f2d2a9a3d7b4f6cb1f4e0c1d2a3b4c5");
        assertThat(response.body().getCount()).isEqualTo(1);
        assertThat(response.body().getNotebooks()).hasSize(1);
        NotebookEntity notebook = response.body().getNotebooks().get(0);
        assertThat(notebook.getId()).isEqualTo("DE-7d558ef8-c73d-11ea-964c-0255ac100033");
        assertThat(notebook.getName()).isEqualTo("notebook-example");
        assertThat(notebook.getDescription()).isEqualTo("notebook description in here");
        assertThat(notebook.getCreator()).isEqualTo("notebook_creator");
        assertThat(notebook.getUrl()).isEqualTo("https://0.0.0.0:0000/0951eb641.../notebook/e4a3b97a.../services/notebook");
        assertThat(notebook.getFlavor().getCpu()).isEqualTo(1.0f);
        assertThat(notebook.getFlavor().getGpu()).isEqualTo(0.0f);
        assertThat(notebook.getFlavor().getMemory()).isEqualTo(100.0f);
        assertThat(notebook.getStatus()).isEqualTo(NotebookStatus.RUNNING);
        assertThat(notebook.getImage().getImageType()).isEqualTo(NotebookImage.ImageTypeEnum.SYSTEM);
        ImageInfo info = notebook.getImage().getImageInfo();
        assertThat(info.getSourceProjectName()).isEqualTo("eihealth-project");
        assertThat(info.getImageName()).isEqualTo("eihealth-notebook");
        assertThat(info.getImageTag()).isEqualTo("3.1.0-latest");
        assertThat(info.getProfile()).isEqualTo(ImageInfo.ProfileEnum.PY3);
        assertThat(notebook.getStorages()).singleElement().satisfies(s -> {
            assertThat(s.getPath()).isEqualTo("project_name:/example");
            assertThat(s.getMountPath()).isEqualTo("/example");
        });
        assertThat(notebook.getCreateTime()).isEqualTo("2020-09-10T10:07:17Z");
        assertThat(notebook.getUpdateTime()).isEqualTo("2020-09-10T10:07:17Z");
        assertThat(notebook.getFailedMessage()).isEqualTo("failed massage in here");
        assertThat(notebook.getEvents()).as("not in the example: absent, not an invented empty list (row 54)").isNull();
    }

    @Test
    void namedExampleWithEventsIsSelectable(PrismServer prism) throws Exception {
        Response<ListNotebooksResponse> response = list(prism, null, Prefer.example("withEvents")).execute();

        assertThat(response.code()).as(prism.tail()).isEqualTo(200);
        NotebookEntity notebook = response.body().getNotebooks().get(0);
        assertThat(notebook.getId()).isEqualTo("DE-4b1f0c2e-5a6d-11ee-8c99-0242ac120002");
        assertThat(notebook.getStatus()).isEqualTo(NotebookStatus.ABNORMAL);
        assertThat(notebook.getFlavor().getGpu()).isEqualTo(1.0f);
        assertThat(notebook.getImage().getImageType()).isEqualTo(NotebookImage.ImageTypeEnum.CUSTOMER);
        assertThat(notebook.getImage().getImageInfo().getProfile()).isNull();
        assertThat(notebook.getStorages()).isEmpty();
        assertThat(notebook.getEvents()).extracting(TaskEventRsp::getType, TaskEventRsp::getCount, TaskEventRsp::getReason,
                        TaskEventRsp::getFirstTimestamp, TaskEventRsp::getLastTimestamp)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("Warning", 3, "FailedScheduling",
                        "2023-10-01T08:01:00Z", "2023-10-01T08:04:00Z"));
    }

    @ParameterizedTest(name = "HTTP {0} -> {1}")
    @CsvSource({
            "401, APIGW.0301, Incorrect IAM authentication information.",
            "403, EIHealth.00000001, No permission to access the project."})
    void documentedErrorStatusesAreSelectable(int status, String errorCode, String errorMsg, PrismServer prism) throws Exception {
        ApiException error = Clients.apiError(list(prism, null, Prefer.code(status)));

        ProblemJson.assertHuaweiError(error, status, errorCode, errorMsg);
    }

    @Test
    void missingTokenIsRejectedWith401(PrismServer prism) throws Exception {
        // Bare Retrofit: the public client always sends credentials; this checks that the spec requires them.
        Response<ListNotebooksResponse> response = new NotebooksApi(Clients.withoutCredentials(prism, new JSON().getMapper()))
                .listNotebooks(NotebooksApi.ListNotebooksRequest.builder("proj-1", "eih-proj-1").build()).execute();

        ProblemJson.assertHuaweiError(response, 401, "APIGW.0301", "Incorrect IAM authentication information.");
    }

    @ParameterizedTest(name = "limit={0}")
    @ValueSource(ints = {0, 1001})
    void limitOutsideOneToThousandIsRejectedWith422(int limit, PrismServer prism) throws Exception {
        ApiException error = Clients.apiError(list(prism, limit));

        JsonNode problem = ProblemJson.validationProblem(error);
        assertThat(problem.at("/validation/0/location").toString()).isEqualTo("[\"query\",\"limit\"]");
        assertThat(problem.at("/validation/0/code").asText()).isEqualTo(limit == 0 ? "minimum" : "maximum");
    }

    @Test
    void limitAtItsBoundsIsAccepted(PrismServer prism) throws Exception {
        assertThat(list(prism, 1).execute().code()).isEqualTo(200);
        assertThat(list(prism, 1000).execute().code()).isEqualTo(200);
    }
}
