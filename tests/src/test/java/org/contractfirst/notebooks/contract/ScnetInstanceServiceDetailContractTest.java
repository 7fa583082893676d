package org.contractfirst.notebooks.contract;

import com.fasterxml.jackson.databind.JsonNode;
import org.contractfirst.notebooks.contract.support.Clients;
import org.contractfirst.notebooks.contract.support.Prefer;
import org.contractfirst.notebooks.contract.support.PrismMock;
import org.contractfirst.notebooks.contract.support.PrismServer;
import org.contractfirst.notebooks.contract.support.ProblemJson;
import org.contractfirst.notebooks.scnet.api.ContainerInstancesApi;
import org.contractfirst.notebooks.scnet.model.ContainerPortInfo;
import org.contractfirst.notebooks.scnet.model.InstanceServiceDetail;
import org.contractfirst.notebooks.scnet.model.InstanceServiceDetailResponse;
import org.contractfirst.notebooks.scnet.model.MountInfo;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.contractfirst.notebooks.runtime.ScnetApiException;
import org.contractfirst.notebooks.scnet.invoker.JSON;
import retrofit2.Call;
import retrofit2.Response;

import static org.assertj.core.api.Assertions.assertThat;

@PrismMock("scnet/get-instance-service-detail.yaml")
class ScnetInstanceServiceDetailContractTest {

    private static final String ID = "4c1f43ddb030483e89b55413bee6c004";

    private static Call<InstanceServiceDetailResponse> detail(PrismServer prism, String id, Prefer... prefer) {
        return Clients.scnet(prism, prefer).containerInstances()
                .getInstanceServiceDetail(ContainerInstancesApi.GetInstanceServiceDetailRequest.builder(id).build());
    }

    @Test
    void documentedExampleDecodesFieldByField(PrismServer prism) throws Exception {
        Response<InstanceServiceDetailResponse> response = detail(prism, ID).execute();

        assertThat(response.code()).as(prism.tail()).isEqualTo(200);
        assertThat(response.body().getCode()).isEqualTo("0");
        assertThat(response.body().getMsg()).isEqualTo("SUCCESS");
        InstanceServiceDetail d = response.body().getData();
        assertThat(d.getId()).isEqualTo(ID);
        assertThat(d.getHeaderNotebookId()).isEqualTo("1a07f501dc89459686996a26ef521abb");
        assertThat(d.getInstanceServiceName()).isEqualTo("Instances_2205113837");
        assertThat(d.getCurrentIndex()).isEqualTo(2);
        assertThat(d.getGpuNumber()).isEqualTo(1);
        assertThat(d.getCpuNumber()).isEqualTo(3);
        assertThat(d.getRamSize()).isEqualTo(15360);
        assertThat(d.getAcceleratorType()).isEqualTo("gpu");
        assertThat(d.getResourceGroup()).isEqualTo("TeslaM40");
        assertThat(d.getResourceSpec()).isEqualTo("3 核心; 1 加速器; 15.0G 内存");
        assertThat(d.getTaskNumber()).isEqualTo("1");
        assertThat(d.getTimeoutLimit()).isEqualTo("unlimited");
        assertThat(d.getUserName()).isEqualTo("magic2");
        assertThat(d.getVersion()).isEqualTo("jupyter:4.4-py3.7-cpu");
        assertThat(d.getImagePath()).isEqualTo("10.0.35.26:5000/gpu/admin/base/jupyter:4.4-py3.7-cpu");
        assertThat(d.getStatus()).isEqualTo("Waiting");
        assertThat(d.getTaskType()).isEqualTo("ssh");
        assertThat(d.getDescription()).isEmpty();
        assertThat(d.getCreateTime()).isEqualTo("2022-05-11 19:30:34");
        assertThat(d.getStartTime()).isNull();
        assertThat(d.getEndTime()).isNull();
        assertThat(d.getDuration()).isEqualTo("--");
        assertThat(d.getRemainingTime()).isEqualTo("--");
        assertThat(d.getTensorboardId()).isNull();
        assertThat(d.getMountInfoList()).isEmpty();
        assertThat(d.getContainerPortInfoList()).isEmpty();
        assertThat(d.getUseStartScript()).isFalse();
        assertThat(d.getStartScriptContent()).isEmpty();
        assertThat(d.getStartScriptActionScope()).isEqualTo("all");
        assertThat(d.getHeaderNotebookIp()).isNull();
    }

    @Test
    void namedExampleRunningIsSelectable(PrismServer prism) throws Exception {
        Response<InstanceServiceDetailResponse> response = detail(prism, ID, Prefer.example("running")).execute();

        assertThat(response.code()).as(prism.tail()).isEqualTo(200);
        InstanceServiceDetail d = response.body().getData();
        assertThat(d.getId()).isEqualTo("9d2e6a3b1c4f4e5a8b7c6d5e4f3a2b1c");
        assertThat(d.getStatus()).isEqualTo("Running");
        assertThat(d.getStartTime()).isEqualTo("2023-11-23 01:02:00");
        assertThat(d.getMountInfoList()).extracting(MountInfo::getSourcePath, MountInfo::getTargetPath, MountInfo::getType)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("/public/home/magic2", "/mnt/magic2", "data"));
        assertThat(d.getContainerPortInfoList())
                .extracting(ContainerPortInfo::getAccessUrl, ContainerPortInfo::getContainerPort, ContainerPortInfo::getProtocolType)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(
                        "https://api01.xxx.com:65106/notebook/9d2e6a3b/lab", "8888", "https"));
    }

    /**
     * SCNet reports errors in an HTTP 200 envelope: every documented code is a named example, and the client
     * reports it as a ScnetApiException with the envelope's code and msg.
     */
    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
            "internalError, 10001, 内部异常(其他异常)",
            "missingParameters, 10003, 参数不全",
            "invalidParameter, 10004, 参数无效",
            "userFrozen, 10007, 用户已被冻结",
            "insufficientPermissions, 10008, 权限不足",
            "noApiAccess, 10009, 没有权限访问接口",
            "fileCheckFailed, 10010, 文件校验失败",
            "fileTooLarge, 10011, 文件过大",
            "connectionInterrupted, 10012, 连接中断"})
    void documentedErrorCodesAreSelectable(String example, String code, String msg, PrismServer prism) throws Exception {
        var error = Clients.apiError(detail(prism, ID, Prefer.example(example)));

        assertThat(error).as(prism.tail()).isInstanceOf(ScnetApiException.class);
        assertThat(error.httpStatus()).isEqualTo(200);
        assertThat(error.errorCode()).isEqualTo(code);
        assertThat(error.errorMessage()).isEqualTo(msg);
        InstanceServiceDetailResponse envelope = new JSON().getMapper().readValue(error.rawBody(), InstanceServiceDetailResponse.class);
        assertThat(envelope.getCode()).isEqualTo(code);
        assertThat(envelope.getMsg()).isEqualTo(msg);
        assertThat(envelope.getData()).isNull();
    }

    @Test
    void missingTokenIsRejectedWith401(PrismServer prism) throws Exception {
        // Bare Retrofit: the public client always sends credentials; this checks that the spec requires them.
        Response<InstanceServiceDetailResponse> response = new ContainerInstancesApi(Clients.withoutCredentials(prism, new JSON().getMapper()))
                .getInstanceServiceDetail(ContainerInstancesApi.GetInstanceServiceDetailRequest.builder(ID).build()).execute();

        assertThat(response.code()).isEqualTo(401);
        JsonNode problem = ProblemJson.errorBody(response);
        assertThat(problem.at("/status").asInt()).isEqualTo(401);
        assertThat(problem.at("/title").asText()).isEqualTo("Invalid security scheme used");
    }

    @Test
    void idThatIsNotOnePathSegmentIsRejectedWith422(PrismServer prism) throws Exception {
        var error = Clients.apiError(detail(prism, "not an id!"));

        JsonNode problem = ProblemJson.validationProblem(error);
        assertThat(problem.at("/validation/0/location").toString()).isEqualTo("[\"path\",\"id\"]");
        assertThat(problem.at("/validation/0/code").asText()).isEqualTo("pattern");
    }
}
