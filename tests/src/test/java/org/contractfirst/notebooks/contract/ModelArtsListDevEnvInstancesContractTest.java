package org.contractfirst.notebooks.contract;

import com.fasterxml.jackson.databind.JsonNode;
import org.contractfirst.notebooks.contract.support.Clients;
import org.contractfirst.notebooks.contract.support.Prefer;
import org.contractfirst.notebooks.contract.support.PrismMock;
import org.contractfirst.notebooks.contract.support.PrismServer;
import org.contractfirst.notebooks.contract.support.ProblemJson;
import org.contractfirst.notebooks.modelarts.api.DevEnvironOldVersionApi;
import org.contractfirst.notebooks.modelarts.model.DeFlavorDetails;
import org.contractfirst.notebooks.modelarts.model.DeInstance;
import org.contractfirst.notebooks.modelarts.model.DeInstanceList;
import org.contractfirst.notebooks.modelarts.model.DeInstanceStatus;
import org.contractfirst.notebooks.modelarts.model.DeProfile;
import org.contractfirst.notebooks.modelarts.model.DeStorage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.contractfirst.notebooks.modelarts.invoker.JSON;
import org.contractfirst.notebooks.runtime.ApiException;
import retrofit2.Call;
import retrofit2.Response;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

@PrismMock("modelarts/list-devenv-instances.yaml")
class ModelArtsListDevEnvInstancesContractTest {

    private static Call<DeInstanceList> list(PrismServer prism, String deType, Integer limit, Prefer... prefer) {
        return Clients.modelarts(prism, prefer).devEnvironOldVersion()
                .listDevEnvInstances(DevEnvironOldVersionApi.ListDevEnvInstancesRequest.builder("proj-1").deType(deType).limit(limit).build());
    }

    @Test
    void documentedExampleDecodesFieldByField(PrismServer prism) throws Exception {
        Response<DeInstanceList> response = list(prism, "Notebook", null).execute();

        assertThat(response.code()).as(prism.tail()).isEqualTo(200);
        DeInstanceList list = response.body();
        assertThat(list.getTotalCount()).isEqualTo(2);
        assertThat(list.getInstances()).extracting(DeInstance::getId, DeInstance::getName, DeInstance::getStatus)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("DE-7d558ef8-c73d-11ea-964c-0255ac100033", "notebook-c6fd", DeInstanceStatus.RUNNING),
                        org.assertj.core.groups.Tuple.tuple("DE-7936a360-c734-11ea-a72b-0255ac100033", "notebook-b1b8", DeInstanceStatus.STOPPED));

        DeInstance gpu = list.getInstances().get(0);
        assertThat(gpu.getAiProject().getId()).isEqualTo("default-ai-project");
        assertThat(gpu.getCreationTimestamp()).isEqualTo("1594887749962");
        assertThat(gpu.getLatestUpdateTimestamp()).isEqualTo("1594887749962");
        assertThat(gpu.getDescription()).isEmpty();
        assertThat(gpu.getFlavor()).isEqualTo("modelarts.bm.gpu.v100NV32");
        DeFlavorDetails flavor = gpu.getFlavorDetails();
        assertThat(flavor.getName()).isEqualTo("modelarts.bm.gpu.v100NV32");
        assertThat(flavor.getStatus()).isEqualTo(DeFlavorDetails.StatusEnum.ON_SALE);
        assertThat(flavor.getType()).isEqualTo(DeFlavorDetails.TypeEnum.GPU);
        assertThat(flavor.getParams()).containsExactlyInAnyOrderEntriesOf(
                Map.of("CPU", 8, "GPU", 1, "gpu_type", "v100NV32", "memory", "64GiB"));
        DeProfile profile = gpu.getProfile();
        assertThat(profile.getId()).isEqualTo("Multi-Engine 1.0 (python3)-gpu");
        assertThat(profile.getDeType()).isEqualTo("Notebook");
        assertThat(profile.getFlavorType()).isEqualTo(DeProfile.FlavorTypeEnum.GPU);
        assertThat(profile.getProvision().getType()).isEqualTo("Docker");
        assertThat(profile.getProvision().getAnnotations())
                .containsExactlyInAnyOrderEntriesOf(Map.of("category", "Multi-Engine 1.0 (python3)", "type", "system"));
        assertThat(profile.getProvision().getSpec().getEngine()).isEqualTo("CCE");
        assertThat(profile.getProvision().getSpec().getParams().getImageName()).isEqualTo("mul-kernel-gpu-cuda-cp36");
        assertThat(profile.getProvision().getSpec().getParams().getImageTag()).isEqualTo("2.0.5-B003");
        assertThat(profile.getProvision().getSpec().getParams().getNamespace()).isEqualTo("atelier");
        assertThat(gpu.getSpec().getAnnotations()).containsEntry("target_domain", "https://modelarts-notebook-2.xxxxxx.com");
        assertThat(gpu.getSpec().getAutoStop().getDuration()).isEqualTo(3600);
        assertThat(gpu.getSpec().getAutoStop().getEnable()).isTrue();
        assertThat(gpu.getSpec().getAutoStop().getPrompt()).isTrue();
        assertThat(gpu.getSpec().getAutoStop().getRemainTime()).isEqualTo(3450);
        assertThat(gpu.getSpec().getAutoStop().getStopTimestamp()).isEqualTo(1594891408723L);
        assertThat(gpu.getSpec().getFailedReasons()).isNull();
        assertThat(gpu.getSpec().getStorage().getType()).isEqualTo(DeStorage.TypeEnum.EVS);
        assertThat(gpu.getSpec().getStorage().getLocation().getPath()).isEqualTo("/home/ma-user/work");
        assertThat(gpu.getSpec().getStorage().getLocation().getVolumeSize()).isEqualTo(5);
        assertThat(gpu.getUser().getId()).isEqualTo("15dda26361214ca2a5953917d2f48ffb");
        assertThat(gpu.getUser().getName()).isEqualTo("ops_dev_env");
        assertThat(gpu.getWorkspace().getId()).isEqualTo("0");

        DeInstance cpu = list.getInstances().get(1);
        assertThat(cpu.getProfile().getProvision().getAnnotations()).containsEntry("category", "Multi-Engine 1.0 (python3 推荐)");
        assertThat(cpu.getFlavorDetails().getParams()).containsEntry("CPU", 2).containsEntry("GPU", 0);
        assertThat(cpu.getSpec().getAutoStop().getStopTimestamp()).isNull();
    }

    @ParameterizedTest(name = "HTTP {0} -> {1}")
    @CsvSource({
            "401, APIGW.0301, Incorrect IAM authentication information.",
            "403, ModelArts.0106, Insufficient permissions. Grant the ModelArts permissions to the IAM user and try again.",
            "404, ModelArts.6309, The notebook instance does not exist."})
    void documentedErrorStatusesAreSelectable(int status, String errorCode, String errorMsg, PrismServer prism) throws Exception {
        ApiException error = Clients.apiError(list(prism, null, null, Prefer.code(status)));

        ProblemJson.assertHuaweiError(error, status, errorCode, errorMsg);
    }

    @Test
    void missingTokenIsRejectedWith401(PrismServer prism) throws Exception {
        // Bare Retrofit: the public client always sends credentials; this checks that the spec requires them.
        Response<DeInstanceList> response = new DevEnvironOldVersionApi(Clients.withoutCredentials(prism, new JSON().getMapper()))
                .listDevEnvInstances(DevEnvironOldVersionApi.ListDevEnvInstancesRequest.builder("proj-1").build()).execute();

        ProblemJson.assertHuaweiError(response, 401, "APIGW.0301", "Incorrect IAM authentication information.");
    }

    @Test
    void deTypeIsCaseSensitiveAndRejectedOutsideItsEnumWith422(PrismServer prism) throws Exception {
        ApiException error = Clients.apiError(list(prism, "notebook", null));

        JsonNode problem = ProblemJson.validationProblem(error);
        assertThat(problem.at("/validation/0/location").toString()).isEqualTo("[\"query\",\"de_type\"]");
        assertThat(problem.at("/validation/0/code").asText()).isEqualTo("enum");
    }

    @Test
    void negativeLimitIsRejectedWith422(PrismServer prism) throws Exception {
        ApiException error = Clients.apiError(list(prism, null, -1));

        JsonNode problem = ProblemJson.validationProblem(error);
        assertThat(problem.at("/validation/0/location").toString()).isEqualTo("[\"query\",\"limit\"]");
        assertThat(problem.at("/validation/0/code").asText()).isEqualTo("minimum");
    }
}
