package org.contractfirst.notebooks.contract;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.contractfirst.notebooks.modelarts.model.DeInstance;
import org.contractfirst.notebooks.modelarts.model.DeNotebookSpec;
import org.contractfirst.notebooks.modelarts.model.EndpointsRes;
import org.contractfirst.notebooks.modelarts.model.ErrorResponse;
import org.contractfirst.notebooks.modelarts.model.Image;
import org.contractfirst.notebooks.modelarts.model.JobProgress;
import org.contractfirst.notebooks.modelarts.model.ListNotebooksResponse;
import org.contractfirst.notebooks.modelarts.model.NotebookAffinityRule;
import org.contractfirst.notebooks.modelarts.model.NotebookCustomSpec;
import org.contractfirst.notebooks.modelarts.model.NotebookDataVolume;
import org.contractfirst.notebooks.modelarts.model.NotebookFeature;
import org.contractfirst.notebooks.modelarts.model.NotebookResp;
import org.contractfirst.notebooks.modelarts.model.NotebookStatus;
import org.contractfirst.notebooks.modelarts.model.NotebookTag;
import org.contractfirst.notebooks.modelarts.model.NotebookUserVpc;
import org.contractfirst.notebooks.modelarts.model.VolumeRes;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/**
 * Payloads of the public sources other than the seed pages (src/test/resources/source-payloads, see its README):
 * the Open Telekom Cloud examples verbatim, and one payload per SDK model with every field the SDK decodes,
 * decoded through the generated ModelArts mapper and checked field by field. Each is a row of specs/DISCREPANCIES.md.
 */
class SourcePayloadDecodingTest {

    private static final ObjectMapper MAPPER = new org.contractfirst.notebooks.modelarts.invoker.JSON().getMapper();

    private static <T> T decode(String payload, Class<T> type) throws IOException {
        try (InputStream in = SourcePayloadDecodingTest.class.getResourceAsStream("/source-payloads/" + payload)) {
            assertThat(in).as("fixture source-payloads/" + payload).isNotNull();
            return MAPPER.readValue(in, type);
        }
    }

    @Test
    void sdkNotebookRespDecodesEveryField() throws Exception {
        NotebookResp n = decode("sdk-modelarts-notebook-resp.json", NotebookResp.class);

        assertThat(n.getId()).isEqualTo("2f8d5e0a-6b1c-4c3e-9d7f-1a2b3c4d5e6f");
        assertThat(n.getName()).isEqualTo("sdk-shaped-notebook");
        assertThat(n.getDescription()).isEqualTo("sdk-shaped");
        assertThat(n.getFailReason()).isEmpty();
        assertThat(n.getFlavor()).isEqualTo("custom.flavor.spec.code");
        assertThat(n.getStatus()).isEqualTo(NotebookStatus.RUNNING);
        assertThat(n.getFeature()).isEqualTo(NotebookFeature.NOTEBOOK);
        assertThat(n.getToken()).isEqualTo("00000000-0000-0000-0000-000000000000");
        assertThat(n.getUrl()).isEqualTo("https://modelarts-notebook.example.com/2f8d5e0a-6b1c-4c3e-9d7f-1a2b3c4d5e6f/lab");
        assertThat(n.getWorkspaceId()).isEqualTo("0");
        assertThat(n.getActionProgress()).extracting(JobProgress::getStep, JobProgress::getStatus, JobProgress::getDescription)
                .containsExactly(tuple(JobProgress.StepEnum.NUMBER_4, JobProgress.StatusEnum.COMPLETED, "Initialize the notebook instance."));
        EndpointsRes endpoint = n.getEndpoints().get(0);
        assertThat(endpoint.getDevService()).isEqualTo(EndpointsRes.DevServiceEnum.SSH);
        assertThat(endpoint.getService()).isEqualTo("SSH");
        assertThat(endpoint.getUri()).isEqualTo("192.0.2.20");
        assertThat(endpoint.getKeyPairNames()).containsExactly("KeyPair-a", "KeyPair-b");
        // NotebookCustomSpecRep
        NotebookCustomSpec spec = n.getCustomSpec();
        assertThat(spec.getGpu()).isEqualTo(1.0f);
        assertThat(spec.getGpuType()).isEqualTo("nvidia-t4");
        assertThat(spec.getCpu()).isEqualTo(7.5f);
        assertThat(spec.getMemory()).isEqualTo(30720f);
        assertThat(spec.getArch()).isEqualTo(NotebookCustomSpec.ArchEnum.X86_64);
        assertThat(spec.getCategory()).isEqualTo(NotebookCustomSpec.CategoryEnum.GPU);
        assertThat(spec.getResourceFlavor()).isEqualTo("modelarts.vm.gpu.t4u8");
        // Lease: type is a plain string holding the SDK's lowercase enum value
        assertThat(n.getLease().getCreateAt()).isEqualTo(1700000002000L);
        assertThat(n.getLease().getDuration()).isEqualTo(3600000L);
        assertThat(n.getLease().getEnable()).isTrue();
        assertThat(n.getLease().getType()).isEqualTo("idle");
        assertThat(n.getLease().getUpdateAt()).isEqualTo(1700000003000L);
        assertThat(n.getPool().getId()).isEqualTo("pool-7d9f0a3c");
        assertThat(n.getPool().getName()).isEqualTo("dedicated-ascend-pool");
        assertThat(n.getBillingItems()).containsExactly(NotebookResp.BillingItemsEnum.STORAGE, NotebookResp.BillingItemsEnum.COMPUTE);
        assertThat(n.getUser().getId()).isEqualTo("15dda26361214ca2a5953917d2f48ffb");
        assertThat(n.getUser().getName()).isEqualTo("ops_dev_env");
        assertThat(n.getUser().getDomain().getId()).isEqualTo("0b1c2d3e4f5a6b7c8d9e0f1a2b3c4d5e");
        assertThat(n.getUser().getDomain().getName()).isEqualTo("example-account");
        assertThat(n.getAffinity().getRequiredDuringSchedulingIgnoredDuringExecution())
                .extracting(NotebookAffinityRule::getKey, NotebookAffinityRule::getOperator, NotebookAffinityRule::getValues, NotebookAffinityRule::getWeight)
                .containsExactly(tuple("os.modelarts/node.name", "In", java.util.List.of("node-1"), null));
        assertThat(n.getAffinity().getPreferredDuringSchedulingIgnoredDuringExecution())
                .extracting(NotebookAffinityRule::getKey, NotebookAffinityRule::getOperator, NotebookAffinityRule::getValues, NotebookAffinityRule::getWeight)
                .containsExactly(tuple("zone", "NotIn", java.util.List.of("az2"), 50));
        assertThat(n.getRunUser().getUid()).isEqualTo(1000);
        assertThat(n.getRunUser().getGid()).isEqualTo(100);
        assertThat(n.getRunUser().getUserName()).isEqualTo("ma-user");
        assertThat(n.getRunUser().getGroupName()).isEqualTo("ma-group");
        assertThat(n.getDataVolumes())
                .extracting(NotebookDataVolume::getCategory, NotebookDataVolume::getMountPath, NotebookDataVolume::getUrl,
                        NotebookDataVolume::getStatus, NotebookDataVolume::getMountType)
                .containsExactly(tuple(NotebookDataVolume.CategoryEnum.OBSFS, "/data", "obs://bucket/data/",
                        NotebookDataVolume.StatusEnum.MOUNTED, NotebookDataVolume.MountTypeEnum.DYNAMIC));
        assertThat(n.getIp()).isEqualTo("192.0.2.40");
        NotebookUserVpc vpc = n.getUserVpc();
        assertThat(vpc.getVpcId()).isEqualTo("vpc-1");
        assertThat(vpc.getSubnetId()).isEqualTo("subnet-1");
        assertThat(vpc.getSecurityGroupIds()).containsExactly("sg-1", "sg-2");
        assertThat(vpc.getConnectCidrs()).isEqualTo("10.0.0.0/8");
        assertThat(vpc.getPortId()).containsExactly("port-1");
        assertThat(vpc.getPortIp()).isEqualTo("10.0.0.5");
        assertThat(vpc.getNatId()).isEqualTo("nat-1");
        assertThat(vpc.getEipId()).isEqualTo("eip-1");
        assertThat(n.getUserId()).isEqualTo("15dda26361214ca2a5953917d2f48ffb");
        assertThat(n.getIsNeedCredentials()).isTrue();
        assertThat(n.getJupyterVersion()).isEqualTo("3.6.5");
        assertThat(n.getTags()).extracting(NotebookTag::getKey, NotebookTag::getValue).containsExactly(tuple("env", "dev"));
    }

    @Test
    void sdkImageAndVolumeDecodeEveryFieldAndTheSdkEnumValuesAreKnown() throws Exception {
        NotebookResp n = decode("sdk-modelarts-notebook-resp.json", NotebookResp.class);

        Image image = n.getImage();
        assertThat(image.getArch()).isEqualTo(Image.ArchEnum.AARCH64);
        assertThat(image.getCreateAt()).isEqualTo(1700000000000L);
        assertThat(image.getDescription()).isEqualTo("image");
        assertThat(image.getDevServices()).containsExactly(Image.DevServicesEnum.NOTEBOOK, Image.DevServicesEnum.SSH);
        assertThat(image.getId()).isEqualTo("e1a07296-22a8-4f05-8bc8-e936c8e54090");
        assertThat(image.getName()).isEqualTo("pytorch_2_1_ascend");
        assertThat(image.getNamespace()).isEqualTo("atelier");
        assertThat(image.getOrigin()).isEqualTo(Image.OriginEnum.CUSTOMIZE);
        assertThat(image.getServiceType()).isEqualTo(Image.ServiceTypeEnum.DEV);
        assertThat(image.getSize()).isEqualTo(8388608L);
        assertThat(image.getStatus()).isEqualTo(Image.StatusEnum.ACTIVE);
        assertThat(image.getStatusMessage()).isEmpty();
        assertThat(image.getSwrPath()).isEqualTo("swr.example.com/atelier/pytorch_2_1_ascend:1.0");
        assertThat(image.getTag()).isEqualTo("1.0");
        assertThat(image.getType()).isEqualTo(Image.TypeEnum.BUILD_IN);
        assertThat(image.getUpdateAt()).isEqualTo(1700000001000L);
        assertThat(image.getWorkspaceId()).isEqualTo("0");
        assertThat(image.getFlavorType()).isEqualTo("ASCEND_SNT9B");
        assertThat(image.getSwrInstanceId()).isNull();
        assertThat(image.getShowName()).isEqualTo("PyTorch 2.1 (Ascend)");
        assertThat(image.getShowTag()).isEqualTo("1.0");
        assertThat(image.getTags()).extracting(NotebookTag::getKey, NotebookTag::getValue).containsExactly(tuple("team", "ml"));
        // SDK enum values the pages lack, now listed in the spec: known constants, not just tolerated raw values.
        assertThat(image.getVisibility()).isEqualTo(Image.VisibilityEnum.HIDDEN);
        assertThat(image.getVisibility().isKnown()).isTrue();
        assertThat(image.getResourceCategories()).containsExactly(Image.ResourceCategoriesEnum.ASCEND);
        assertThat(image.getSupportResCategories()).containsExactly(Image.SupportResCategoriesEnum.ASCEND);
        assertThat(image.getResourceCategories().get(0).isKnown()).isTrue();

        VolumeRes volume = n.getVolume();
        assertThat(volume.getCapacity()).isEqualTo(100);
        assertThat(volume.getCategory()).isEqualTo(VolumeRes.CategoryEnum.SFS);
        assertThat(volume.getCategory().isKnown()).isTrue();
        assertThat(volume.getMountPath()).isEqualTo("/home/ma-user/work/");
        assertThat(volume.getOwnership()).isEqualTo(VolumeRes.OwnershipEnum.DEDICATED);
        assertThat(volume.getStatus()).isEqualTo("IN_USE");
        assertThat(volume.getId()).isEqualTo("sfs-3c5d");
        assertThat(volume.getReadOnly()).isFalse();
        assertThat(volume.getDewSecretName()).isEqualTo("obs-aksk");
        assertThat(volume.getEvsSkuCode()).isEqualTo("SSD");
        assertThat(volume.getUri()).isEqualTo("192.0.2.30:/share");
        assertThat(volume.getMountType()).isEqualTo("STATIC");
    }

    @Test
    void otcListExampleDecodesServiceEndpointsEmptyDataVolumesAndUsage() throws Exception {
        ListNotebooksResponse page = decode("otc-modelarts-list-notebooks.json", ListNotebooksResponse.class);

        assertThat(page.getCurrent()).isZero();
        assertThat(page.getPages()).isEqualTo(1);
        assertThat(page.getSize()).isEqualTo(10);
        assertThat(page.getTotal()).isEqualTo(2L);
        assertThat(page.getData()).extracting(NotebookResp::getId, NotebookResp::getName, NotebookResp::getStatus, NotebookResp::getCreateAt, NotebookResp::getUpdateAt)
                .containsExactly(
                        tuple("f9937afa-ca78-45b6-bc12-7ecf42553c48", "notebook_5ee4bf0e", NotebookStatus.RUNNING, 1638841805440L, 1638841838725L),
                        tuple("f9937afa-4451-42db-a76b-72d624749f66", "notebooks_test", NotebookStatus.RUNNING, 1638841744521L, 1638841776582L));
        NotebookResp first = page.getData().get(0);
        assertThat(first.getDataVolumes()).isEmpty();
        assertThat(first.getEndpoints()).extracting(EndpointsRes::getService, EndpointsRes::getUri, EndpointsRes::getDevService)
                .containsExactly(tuple("NOTEBOOK", "https://xxx.com/f9937afa-ca78-45b6-bc12-7ecf42553c48/lab", null));
        assertThat(first.getImage().getTag()).isEqualTo("3.3.2-release_v1");
        assertThat(first.getVolume().getCategory()).isEqualTo(VolumeRes.CategoryEnum.EFS);
        assertThat(first.getVolume().getOwnership()).isEqualTo(VolumeRes.OwnershipEnum.MANAGED);
        assertThat(first.getVolume().getCapacity()).isEqualTo(50);
        assertThat(first.getVolume().getUsage()).isEqualTo(-1L);
        assertThat(page.getData().get(1).getDescription()).isEqualTo("api-test");
        assertThat(page.getData().get(1).getFeature()).isEqualTo(NotebookFeature.NOTEBOOK);
    }

    @Test
    void otcShowExampleDecodesTheCamelCaseCurrentTagAndImageFeature() throws Exception {
        NotebookResp n = decode("otc-modelarts-show-notebook.json", NotebookResp.class);

        assertThat(n.getId()).isEqualTo("f9937afa-631e-4a8f-a8f7-3b6c800585f0");
        assertThat(n.getStatus()).isEqualTo(NotebookStatus.CREATE_FAILED);
        assertThat(n.getCreateAt()).isEqualTo(1638778344314L);
        assertThat(n.getUpdateAt()).isEqualTo(1638778346131L);
        assertThat(n.getImage().getArch()).isEqualTo(Image.ArchEnum.X86_64);
        assertThat(n.getImage().getCurrentTag()).isEqualTo("3.3.1.B007_V2");
        assertThat(n.getImage().getFeature()).isEqualTo("DEFAULT");
        assertThat(n.getImage().getSwrPath()).isEqualTo("swr.xxx.xxxx.com/atelier/notebook2.0-mul-kernel-cpu-cp36:3.3.1.B007_V2");
        assertThat(n.getLease().getCreateAt()).isEqualTo(1638778344300L);
        assertThat(n.getEndpoints()).extracting(EndpointsRes::getService).containsExactly("NOTEBOOK");
    }

    @Test
    void otcStartExampleDecodes() throws Exception {
        NotebookResp n = decode("otc-modelarts-start-notebook.json", NotebookResp.class);

        assertThat(n.getStatus()).isEqualTo(NotebookStatus.STARTING);
        assertThat(n.getLease().getDuration()).isEqualTo(6327212L);
        assertThat(n.getLease().getUpdateAt()).isEqualTo(1638844471727L);
        assertThat(n.getDataVolumes()).isEmpty();
        assertThat(n.getVolume().getUsage()).isEqualTo(-1L);
        assertThat(n.getToken()).isEqualTo("5cc60e8b-8772-7690-efd6-a5874ca387c0");
    }

    @Test
    void otcOldDevEnvironDetailExampleDecodesANullRepository() throws Exception {
        DeInstance instance = decode("otc-devenviron-old-show-instance.json", DeInstance.class);

        assertThat(instance.getId()).isEqualTo("DE-7d558ef8-c73d-11ea-964c-0255ac100033");
        assertThat(instance.getLatestUpdateTimestamp()).isEqualTo("1594888070775");
        assertThat(instance.getSpec().getRepository()).isNull();
        assertThat(instance.getSpec().getAutoStop().getRemainTime()).isEqualTo(3336);
        assertThat(instance.getSpec().getAutoStop().getStopTimestamp()).isEqualTo(1594891408723L);
        assertThat(instance.getSpec().getStorage().getLocation().getVolumeSize()).isEqualTo(5);
        assertThat(instance.getUser().getName()).isEqualTo("ops_dev_env");
        assertThat(instance.getWorkspace().getId()).isEqualTo("0");
    }

    @Test
    void otcOldDevEnvironTablesFieldsOfTheNotebookSpecDecode() throws Exception {
        DeInstance instance = decode("otc-tables-devenviron-old-instance.json", DeInstance.class);

        DeNotebookSpec spec = instance.getSpec();
        assertThat(spec.getLogPath()).isEqualTo("/home/ma-user/log");
        assertThat(spec.getCustomScriptPath()).isEqualTo("obs://bucket/scripts/init.sh");
        assertThat(spec.getCredential().getAccessToken()).isEqualTo("not-a-real-token");
        assertThat(spec.getRepository().getId()).isEqualTo("repo-1");
        assertThat(spec.getRepository().getBranch()).isEqualTo("main");
        assertThat(spec.getRepository().getUserName()).isEqualTo("dev");
        assertThat(spec.getRepository().getUserEmail()).isEqualTo("dev@example.com");
        assertThat(spec.getRepository().getType().getValue()).isEqualTo("GitHub");
        assertThat(spec.getRepository().getConnectionInfo().getUrl()).isEqualTo("https://github.com/example/repo.git");
        assertThat(spec.getRepository().getConnectionInfo().getProtocol().getValue()).isEqualTo("https");
        assertThat(spec.getRepository().getConnectionInfo().getCredential().getSshPrivateKey()).isEqualTo("not-a-real-key");
        // Integer on the pages, a 13-digit ms timestamp: int64 as the other timestamps of the API.
        assertThat(spec.getResourceReservedTimestamp()).isEqualTo(1594891408723L);
        // Audit finding 1: the location's documented default is "NULL".
        assertThat(spec.getStorage().getType().getValue()).isEqualTo("obs");
        assertThat(spec.getStorage().getLocation()).isNull();
    }

    @Test
    void otcOldDevEnvironErrorMessageDecodesUnderBothNames() throws Exception {
        ErrorResponse otc = decode("otc-devenviron-old-error.json", ErrorResponse.class);
        ErrorResponse huawei = MAPPER.readValue("{\"error_code\":\"ModelArts.6309\",\"error_msg\":\"The instance does not exist.\"}", ErrorResponse.class);

        // Both names are declared in the spec (row 32): each decodes under its own name, none is invented.
        assertThat(otc.getErrorCode()).isEqualTo("ModelArts.6309");
        assertThat(otc.getErrorMessage()).isEqualTo("The instance does not exist.");
        assertThat(otc.getErrorMsg()).isNull();
        assertThat(huawei.getErrorMsg()).isEqualTo(otc.getErrorMessage());
        assertThat(huawei.getErrorMessage()).isNull();
    }
}
