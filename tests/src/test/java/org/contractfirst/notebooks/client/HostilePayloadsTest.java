package org.contractfirst.notebooks.client;

import org.contractfirst.notebooks.scnet.api.ContainerInstancesApi;
import org.contractfirst.notebooks.modelarts.api.DevEnvironOldVersionApi;
import org.contractfirst.notebooks.modelarts.api.DevEnvironApi;
import org.contractfirst.notebooks.eihealth.api.NotebooksApi;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import org.contractfirst.notebooks.eihealth.EihealthClient;
import org.contractfirst.notebooks.eihealth.model.NotebookEntity;
import org.contractfirst.notebooks.modelarts.ModelArtsClient;
import org.contractfirst.notebooks.modelarts.model.DeInstance;
import org.contractfirst.notebooks.modelarts.model.DeInstanceList;
import org.contractfirst.notebooks.modelarts.model.JobProgress;
import org.contractfirst.notebooks.modelarts.model.ListNotebooksResponse;
import org.contractfirst.notebooks.modelarts.model.NotebookResp;
import org.contractfirst.notebooks.modelarts.model.NotebookStatus;
import org.contractfirst.notebooks.modelarts.model.OpenCodeLabBody;
import org.contractfirst.notebooks.runtime.ClientOptions;
import org.contractfirst.notebooks.runtime.RetryPolicy;
import org.contractfirst.notebooks.runtime.ScnetApiException;
import org.contractfirst.notebooks.scnet.ScnetClient;
import org.contractfirst.notebooks.scnet.model.InstanceServiceDetail;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * Hostile or surprising payloads for the five operations, each decoded through the real client and checked
 * on the values it carries: unknown fields and enum values, explicit nulls, numbers as strings, renamed
 * fields, empty and huge lists, non-ASCII text, missing optional objects, error envelopes.
 */
class HostilePayloadsTest {

    private static MockWebServer server;
    private static EihealthClient eihealth;
    private static ModelArtsClient modelarts;
    private static ScnetClient scnet;

    @BeforeAll
    static void start() throws IOException {
        server = new MockWebServer();
        server.start();
        ClientOptions options = ClientOptions.builder().retryPolicy(RetryPolicy.none()).build();
        String url = server.url("/").toString();
        eihealth = EihealthClient.builder().baseUrl(url).token("corpus-token").options(options).build();
        modelarts = ModelArtsClient.builder().baseUrl(url).token("corpus-token").options(options).build();
        scnet = ScnetClient.builder().baseUrl(url).token("corpus-token").options(options).build();
    }

    @AfterAll
    static void stop() throws IOException {
        server.shutdown();
    }

    /** Calls one operation on whatever body the server is given. */
    enum Operation {
        EIHEALTH_LIST { Object call() throws IOException { return eihealth.notebooks().listNotebooks(NotebooksApi.ListNotebooksRequest.builder("p", "e").build()).execute().body(); } },
        MODELARTS_LIST { Object call() throws IOException { return modelarts.devEnviron().listNotebooks(DevEnvironApi.ListNotebooksRequest.builder("p").build()).execute().body(); } },
        MODELARTS_OPEN { Object call() throws IOException { return modelarts.devEnviron().openCodeLab(DevEnvironApi.OpenCodeLabRequest.builder("p").body(new OpenCodeLabBody()).build()).execute().body(); } },
        DEVENV_LIST { Object call() throws IOException { return modelarts.devEnvironOldVersion().listDevEnvInstances(DevEnvironOldVersionApi.ListDevEnvInstancesRequest.builder("p").build()).execute().body(); } },
        SCNET_DETAIL { Object call() throws IOException { return scnet.containerInstances().getInstanceServiceDetail(ContainerInstancesApi.GetInstanceServiceDetailRequest.builder("abc").build()).execute().body(); } };

        abstract Object call() throws IOException;
    }

    record Case(Operation operation, String body, Consumer<Object> check) {
    }

    private static Named<Case> c(String name, Operation op, String body, Consumer<Object> check) {
        return Named.of(name, new Case(op, body, check));
    }

    private static NotebookEntity eih(Object o) {
        return ((org.contractfirst.notebooks.eihealth.model.ListNotebooksResponse) o).getNotebooks().get(0);
    }

    private static NotebookResp ma(Object o) {
        return ((ListNotebooksResponse) o).getData().get(0);
    }

    private static DeInstance de(Object o) {
        return ((DeInstanceList) o).getInstances().get(0);
    }

    private static InstanceServiceDetail sc(Object o) {
        return ((org.contractfirst.notebooks.scnet.model.InstanceServiceDetailResponse) o).getData();
    }

    static Stream<Named<Case>> corpus() {
        String bigPage = IntStream.range(0, 1000)
                .mapToObj(i -> "{\"id\":\"nb-" + i + "\",\"name\":\"笔记本-" + i + "\",\"status\":\"" + (i % 2 == 0 ? "RUNNING" : "HIBERNATING") + "\"}")
                .collect(Collectors.joining(",", "{\"current\":0,\"pages\":1,\"size\":1000,\"total\":1000,\"data\":[", "]}"));
        return Stream.of(
                // EIHealth
                c("eihealth: unknown top-level and nested fields", Operation.EIHEALTH_LIST,
                        "{\"count\":1,\"next_marker\":\"x\",\"notebooks\":[{\"id\":\"nb\",\"gpu_topology\":{\"a\":1},\"flavor\":{\"cpu\":2,\"npu\":4}}]}",
                        o -> { assertThat(eih(o).getId()).isEqualTo("nb"); assertThat(eih(o).getFlavor().getCpu()).isEqualTo(2f); }),
                c("eihealth: unknown status keeps its raw value", Operation.EIHEALTH_LIST,
                        "{\"count\":1,\"notebooks\":[{\"id\":\"nb\",\"status\":\"Migrating\"}]}",
                        o -> { assertThat(eih(o).getStatus().getValue()).isEqualTo("Migrating"); assertThat(eih(o).getStatus().isKnown()).isFalse(); }),
                c("eihealth: known status is the constant", Operation.EIHEALTH_LIST,
                        "{\"count\":1,\"notebooks\":[{\"id\":\"nb\",\"status\":\"Hibernate\"}]}",
                        o -> assertThat(eih(o).getStatus()).isSameAs(org.contractfirst.notebooks.eihealth.model.NotebookStatus.HIBERNATE)),
                c("eihealth: flavor numbers as strings, decimals included", Operation.EIHEALTH_LIST,
                        "{\"count\":1,\"notebooks\":[{\"flavor\":{\"cpu\":\"0.5\",\"gpu\":\"1\",\"memory\":\"2.5\"}}]}",
                        o -> { assertThat(eih(o).getFlavor().getCpu()).isEqualTo(0.5f); assertThat(eih(o).getFlavor().getMemory()).isEqualTo(2.5f); }),
                c("eihealth: count as a string", Operation.EIHEALTH_LIST,
                        "{\"count\":\"3\",\"notebooks\":[{\"id\":\"a\"}]}",
                        o -> assertThat(((org.contractfirst.notebooks.eihealth.model.ListNotebooksResponse) o).getCount()).isEqualTo(3)),
                c("eihealth: explicit nulls for every optional field", Operation.EIHEALTH_LIST,
                        "{\"count\":1,\"notebooks\":[{\"id\":\"nb\",\"name\":null,\"flavor\":null,\"status\":null,\"image\":null,\"storages\":null,\"events\":null}]}",
                        o -> { assertThat(eih(o).getId()).isEqualTo("nb"); assertThat(eih(o).getFlavor()).isNull(); assertThat(eih(o).getStatus()).isNull(); }),
                c("eihealth: empty notebooks list", Operation.EIHEALTH_LIST,
                        "{\"count\":0,\"notebooks\":[]}",
                        o -> assertThat(((org.contractfirst.notebooks.eihealth.model.ListNotebooksResponse) o).getNotebooks()).isEmpty()),
                c("eihealth: unknown image type and profile", Operation.EIHEALTH_LIST,
                        "{\"count\":1,\"notebooks\":[{\"image\":{\"image_type\":\"SHARED\",\"image_info\":{\"profile\":\"PY310\",\"image_name\":\"i\"}}}]}",
                        o -> { assertThat(eih(o).getImage().getImageType().getValue()).isEqualTo("SHARED"); assertThat(eih(o).getImage().getImageInfo().getProfile().getValue()).isEqualTo("PY310"); }),
                c("eihealth: non-ASCII and emoji text", Operation.EIHEALTH_LIST,
                        "{\"count\":1,\"notebooks\":[{\"name\":\"基因组分析 🧬\",\"description\":\"Ünïcödé — \\u00e9\"}]}",
                        o -> { assertThat(eih(o).getName()).isEqualTo("基因组分析 🧬"); assertThat(eih(o).getDescription()).isEqualTo("Ünïcödé — é"); }),
                c("eihealth: events with numbers as strings", Operation.EIHEALTH_LIST,
                        "{\"count\":1,\"notebooks\":[{\"events\":[{\"type\":\"Warning\",\"count\":\"7\",\"reason\":\"BackOff\"}]}]}",
                        o -> assertThat(eih(o).getEvents().get(0).getCount()).isEqualTo(7)),
                // ModelArts list
                c("modelarts: unknown notebook status keeps its raw value", Operation.MODELARTS_LIST,
                        "{\"total\":1,\"data\":[{\"id\":\"a\",\"status\":\"HIBERNATING\"}]}",
                        o -> { assertThat(ma(o).getStatus().getValue()).isEqualTo("HIBERNATING"); assertThat(ma(o).getStatus().isKnown()).isFalse(); assertThat(ma(o).getStatus()).isNotEqualTo(NotebookStatus.RUNNING); }),
                c("modelarts: unknown feature, arch and image type", Operation.MODELARTS_LIST,
                        "{\"total\":1,\"data\":[{\"feature\":\"SERVERLESS\",\"image\":{\"arch\":\"RISCV64\",\"type\":\"SHARED\",\"dev_services\":[\"NOTEBOOK\",\"WEBIDE\"]}}]}",
                        o -> { assertThat(ma(o).getFeature().getValue()).isEqualTo("SERVERLESS"); assertThat(ma(o).getImage().getArch().getValue()).isEqualTo("RISCV64");
                               assertThat(ma(o).getImage().getDevServices()).extracting(v -> v.getValue()).containsExactly("NOTEBOOK", "WEBIDE"); }),
                c("modelarts: lease under the table's names create_time/update_time", Operation.MODELARTS_LIST,
                        "{\"total\":1,\"data\":[{\"lease\":{\"create_time\":1638841805439,\"update_time\":1638841805440,\"duration\":3600000}}]}",
                        o -> { assertThat(ma(o).getLease().getCreateTime()).isEqualTo(1638841805439L); assertThat(ma(o).getLease().getUpdateTime()).isEqualTo(1638841805440L);
                               assertThat(ma(o).getLease().getCreateAt()).isNull(); assertThat(ma(o).getLease().getUpdateAt()).isNull(); }),
                c("modelarts: job progress under the table's step_description", Operation.MODELARTS_LIST,
                        "{\"total\":1,\"data\":[{\"action_progress\":[{\"step\":2,\"status\":\"PROCESSING\",\"step_description\":\"Prepare the compute resource.\"}]}]}",
                        o -> { JobProgress p = ma(o).getActionProgress().get(0); assertThat(p.getStepDescription()).isEqualTo("Prepare the compute resource."); assertThat(p.getDescription()).isNull(); assertThat(p.getStep()).isEqualTo(JobProgress.StepEnum.NUMBER_2); }),
                c("modelarts: unknown job step number", Operation.MODELARTS_LIST,
                        "{\"total\":1,\"data\":[{\"action_progress\":[{\"step\":5,\"status\":\"RETRYING\"}]}]}",
                        o -> { assertThat(ma(o).getActionProgress().get(0).getStep().getValue()).isEqualTo(5); assertThat(ma(o).getActionProgress().get(0).getStatus().getValue()).isEqualTo("RETRYING"); }),
                c("modelarts: numbers as strings (total, capacity, lease times)", Operation.MODELARTS_LIST,
                        "{\"total\":\"2\",\"current\":\"0\",\"data\":[{\"volume\":{\"capacity\":\"50\"},\"lease\":{\"create_at\":\"1638841805439\",\"enable\":\"true\"}}]}",
                        o -> { assertThat(((ListNotebooksResponse) o).getTotal()).isEqualTo(2L); assertThat(ma(o).getVolume().getCapacity()).isEqualTo(50);
                               assertThat(ma(o).getLease().getCreateAt()).isEqualTo(1638841805439L); assertThat(ma(o).getLease().getEnable()).isTrue(); }),
                c("modelarts: missing optional objects", Operation.MODELARTS_LIST,
                        "{\"total\":1,\"data\":[{\"id\":\"bare\"}]}",
                        o -> { assertThat(ma(o).getId()).isEqualTo("bare"); assertThat(ma(o).getImage()).isNull(); assertThat(ma(o).getLease()).isNull(); assertThat(ma(o).getActionProgress()).as("absent array, not invented (row 54)").isNull(); }),
                c("modelarts: endpoints with page and SDK fields and extras", Operation.MODELARTS_LIST,
                        "{\"total\":1,\"data\":[{\"endpoints\":[{\"service\":\"SSH\",\"uri\":\"ssh://10.0.0.1:22\",\"key_pair_names\":[\"k\"],\"dev_service\":\"SSH\",\"ssh_keys\":[\"k\"],\"allowed_access_ips\":[],\"port\":22}]}]}",
                        o -> { var e = ma(o).getEndpoints().get(0); assertThat(e.getUri()).isEqualTo("ssh://10.0.0.1:22"); assertThat(e.getKeyPairNames()).containsExactly("k"); assertThat(e.getAllowedAccessIps()).isEmpty(); }),
                c("modelarts: a 1,000-item page with non-ASCII names and unknown statuses", Operation.MODELARTS_LIST, bigPage,
                        o -> { ListNotebooksResponse p = (ListNotebooksResponse) o; assertThat(p.getData()).hasSize(1000);
                               assertThat(p.getData().get(999).getName()).isEqualTo("笔记本-999"); assertThat(p.getData().get(999).getStatus().getValue()).isEqualTo("HIBERNATING");
                               assertThat(p.getData().get(998).getStatus()).isSameAs(NotebookStatus.RUNNING); }),
                c("modelarts: explicit null list and null nested objects", Operation.MODELARTS_LIST,
                        "{\"total\":0,\"data\":null,\"pages\":null}",
                        o -> { assertThat(((ListNotebooksResponse) o).getData()).isNull(); assertThat(((ListNotebooksResponse) o).getTotal()).isZero(); }),
                // ModelArts open
                c("open: unknown fields everywhere", Operation.MODELARTS_OPEN,
                        "{\"id\":\"o\",\"status\":\"CREATING\",\"billing\":{\"mode\":\"free\"},\"image\":{\"id\":\"i\",\"digest\":\"sha256:x\"}}",
                        o -> { assertThat(((NotebookResp) o).getId()).isEqualTo("o"); assertThat(((NotebookResp) o).getImage().getId()).isEqualTo("i"); }),
                c("open: top-level create_at/update_at as strings", Operation.MODELARTS_OPEN,
                        "{\"id\":\"o\",\"create_at\":\"1638841805440\",\"update_at\":1638841805441}",
                        o -> { assertThat(((NotebookResp) o).getCreateAt()).isEqualTo(1638841805440L); assertThat(((NotebookResp) o).getUpdateAt()).isEqualTo(1638841805441L); }),
                c("open: empty object", Operation.MODELARTS_OPEN, "{}",
                        o -> { assertThat(((NotebookResp) o).getId()).isNull(); assertThat(((NotebookResp) o).getStatus()).isNull(); }),
                c("open: unknown volume category and ownership", Operation.MODELARTS_OPEN,
                        "{\"volume\":{\"category\":\"OBSFS\",\"ownership\":\"SHARED\",\"capacity\":5}}",
                        o -> { assertThat(((NotebookResp) o).getVolume().getCategory().getValue()).isEqualTo("OBSFS"); assertThat(((NotebookResp) o).getVolume().getCapacity()).isEqualTo(5); }),
                // ModelArts old list
                c("devenv: unknown instance status and flavor type", Operation.DEVENV_LIST,
                        "{\"total_count\":1,\"instances\":[{\"id\":\"DE-1\",\"status\":\"MIGRATING\",\"profile\":{\"flavor_type\":\"NPU\"}}]}",
                        o -> { assertThat(de(o).getStatus().getValue()).isEqualTo("MIGRATING"); assertThat(de(o).getProfile().getFlavorType().getValue()).isEqualTo("NPU"); }),
                c("devenv: timestamps as numbers where strings are documented", Operation.DEVENV_LIST,
                        "{\"total_count\":1,\"instances\":[{\"creation_timestamp\":1594887749962,\"latest_update_timestamp\":\"1594887749963\"}]}",
                        o -> { assertThat(de(o).getCreationTimestamp()).isEqualTo("1594887749962"); assertThat(de(o).getLatestUpdateTimestamp()).isEqualTo("1594887749963"); }),
                c("devenv: 64-bit stop timestamp as a string", Operation.DEVENV_LIST,
                        "{\"total_count\":1,\"instances\":[{\"spec\":{\"auto_stop\":{\"stop_timestamp\":\"1594891408723\",\"remain_time\":\"3450\"}}}]}",
                        o -> { assertThat(de(o).getSpec().getAutoStop().getStopTimestamp()).isEqualTo(1594891408723L); assertThat(de(o).getSpec().getAutoStop().getRemainTime()).isEqualTo(3450); }),
                c("devenv: flavor params of mixed types and nested objects", Operation.DEVENV_LIST,
                        "{\"total_count\":1,\"instances\":[{\"flavor_details\":{\"params\":{\"CPU\":8,\"memory\":\"64GiB\",\"gpu\":{\"type\":\"v100\",\"count\":1},\"tags\":[\"a\"]}}}]}",
                        o -> assertThat(de(o).getFlavorDetails().getParams()).containsEntry("CPU", 8).containsEntry("memory", "64GiB")
                                .containsKey("gpu").containsEntry("tags", List.of("a"))),
                c("devenv: failed reasons present with details", Operation.DEVENV_LIST,
                        "{\"total_count\":1,\"instances\":[{\"spec\":{\"failed_reasons\":{\"code\":\"ModelArts.6404\",\"message\":\"No resources\",\"detail\":{\"zone\":\"az1\"}}}}]}",
                        o -> { assertThat(de(o).getSpec().getFailedReasons().getCode()).isEqualTo("ModelArts.6404"); assertThat(de(o).getSpec().getFailedReasons().getDetail()).containsEntry("zone", "az1"); }),
                c("devenv: unknown storage type and access mode", Operation.DEVENV_LIST,
                        "{\"total_count\":1,\"instances\":[{\"spec\":{\"storage\":{\"type\":\"sfs\",\"location\":{\"path\":\"/p\",\"access_modes\":\"WriteOnce\"}}}}]}",
                        o -> { assertThat(de(o).getSpec().getStorage().getType().getValue()).isEqualTo("sfs"); assertThat(de(o).getSpec().getStorage().getLocation().getAccessModes().getValue()).isEqualTo("WriteOnce"); }),
                c("devenv: empty instance list", Operation.DEVENV_LIST,
                        "{\"total_count\":0,\"instances\":[]}",
                        o -> assertThat(((DeInstanceList) o).getInstances()).isEmpty()),
                // SCNet
                c("scnet: taskNumber as a number, numbers as strings", Operation.SCNET_DETAIL,
                        "{\"code\":\"0\",\"msg\":\"SUCCESS\",\"data\":{\"taskNumber\":3,\"cpuNumber\":\"4\",\"ramSize\":\"8192\",\"useStartScript\":\"false\"}}",
                        o -> { assertThat(sc(o).getTaskNumber()).isEqualTo("3"); assertThat(sc(o).getCpuNumber()).isEqualTo(4); assertThat(sc(o).getRamSize()).isEqualTo(8192); assertThat(sc(o).getUseStartScript()).isFalse(); }),
                c("scnet: code 0 sent as a number", Operation.SCNET_DETAIL,
                        "{\"code\":0,\"msg\":\"SUCCESS\",\"data\":{\"id\":\"x\"}}",
                        o -> assertThat(sc(o).getId()).isEqualTo("x")),
                c("scnet: unknown fields and non-ASCII resource spec", Operation.SCNET_DETAIL,
                        "{\"code\":\"0\",\"msg\":\"操作成功\",\"traceId\":\"t\",\"data\":{\"resourceSpec\":\"3 核心; 1 加速器\",\"nodeList\":[{\"ip\":\"10.0.0.1\"}],\"headerNotebookIp\":\"10.0.0.2\"}}",
                        o -> { assertThat(sc(o).getResourceSpec()).isEqualTo("3 核心; 1 加速器"); assertThat(sc(o).getHeaderNotebookIp()).isEqualTo("10.0.0.2"); }),
                c("scnet: data missing on success", Operation.SCNET_DETAIL,
                        "{\"code\":\"0\",\"msg\":\"SUCCESS\"}",
                        o -> assertThat(sc(o)).isNull()),
                c("scnet: mounts and ports with extra fields", Operation.SCNET_DETAIL,
                        "{\"code\":\"0\",\"data\":{\"mountInfoList\":[{\"sourcePath\":\"/public/home\",\"type\":\"nfs\",\"readOnly\":true}],\"containerPortInfoList\":[{\"containerPort\":8888,\"accessUrl\":\"https://x/lab\"}]}}",
                        o -> { assertThat(sc(o).getMountInfoList().get(0).getSourcePath()).isEqualTo("/public/home"); assertThat(sc(o).getContainerPortInfoList().get(0).getContainerPort()).isEqualTo("8888"); })
        );
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("corpus")
    void decodesWithoutLosingDocumentedFields(Case c) throws Exception {
        server.enqueue(new MockResponse().setHeader("Content-Type", "application/json; charset=utf-8").setBody(c.body()));

        Object decoded = c.operation().call();

        assertThat(decoded).isNotNull();
        c.check().accept(decoded);
    }

    @ParameterizedTest(name = "scnet error envelope {0}")
    @org.junit.jupiter.params.provider.CsvSource({"10001, Internal error (other exceptions)", "10009, No permission to access the API", "20001, ''"})
    void scnetErrorEnvelopesBecomeTypedErrors(String code, String meaning) {
        server.enqueue(new MockResponse().setHeader("Content-Type", "application/json")
                .setBody("{\"code\":\"" + code + "\",\"msg\":\"失败\",\"data\":null}"));

        ScnetApiException e = catchThrowableOfType(ScnetApiException.class, Operation.SCNET_DETAIL::call);

        assertThat(e.errorCode()).isEqualTo(code);
        assertThat(e.errorMessage()).isEqualTo("失败");
        assertThat(e.codeMeaning()).isEqualTo(meaning.isEmpty() ? null : meaning);
    }

    @org.junit.jupiter.api.Test
    void corpusHasAtLeastThirtyCasesCoveringAllFiveOperations() {
        List<Case> cases = corpus().map(Named::getPayload).toList();
        assertThat(cases).hasSizeGreaterThanOrEqualTo(30);
        assertThat(cases).extracting(Case::operation).contains(Operation.values());
    }
}
