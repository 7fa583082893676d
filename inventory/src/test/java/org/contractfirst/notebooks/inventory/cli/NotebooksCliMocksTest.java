package org.contractfirst.notebooks.inventory.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * End to end: {@code list --format json} with no configuration starts Prism mocks of the four APIs, lists
 * them and stops them; the output is the documented example instances of all four specs, field by field.
 */
class NotebooksCliMocksTest {

    @Test
    void theEmbeddedDefaultListsTheDocumentedExamplesOfAllFourApis() throws IOException {
        NotebooksCliTest.Run r = NotebooksCliTest.run(Map.of(), "list", "--format", "json");
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.err()).isEqualTo("notebooks: no --config: listing Prism mocks of the four APIs (their documented examples)"
                + System.lineSeparator());
        JsonNode a = new ObjectMapper().readTree(r.out());
        assertThat(a).hasSize(6);

        // ModelArts new, seed 001: two CREATING instances, no instance times in the example
        assertInstance(a.get(0), "modelarts", "modelarts-mock", "f9937afa-ca78-45b6-bc12-7ecf42553c48",
                "notebook_5ee4bf0e", "STARTING", "CREATING", "modelarts.vm.cpu.free", null, null, null, null,
                "notebook2.0-mul-kernel-cpu-cp36", null, null, null, null);
        assertInstance(a.get(1), "modelarts", "modelarts-mock", "f9937afa-4451-42db-a76b-72d624749f66",
                "notebooks_test", "STARTING", "CREATING", "modelarts.vm.cpu.2u", null, null, null, null,
                "notebook2.0-mul-kernel-cpu-cp36", null, null, null, null);
        // ModelArts old, seed 002: times are strings of epoch ms
        assertInstance(a.get(2), "modelarts-old", "modelarts-old-mock", "DE-7d558ef8-c73d-11ea-964c-0255ac100033",
                "notebook-c6fd", "RUNNING", "RUNNING", "modelarts.bm.gpu.v100NV32", 8.0, 1.0, "v100NV32", 64.0,
                "mul-kernel-gpu-cuda-cp36:2.0.5-B003", "2020-07-16T08:22:29.962Z", "2020-07-16T08:22:29.962Z",
                "https://modelarts-lvs-common-lb.xxxxxx.com:32000/modelarts/hubv100/notebook/user/DE-7d558ef8-c73d-11ea-964c-0255ac100033",
                "ops_dev_env");
        assertInstance(a.get(3), "modelarts-old", "modelarts-old-mock", "DE-7936a360-c734-11ea-a72b-0255ac100033",
                "notebook-b1b8", "STOPPED", "STOPPED", "modelarts.vm.cpu.2u", 2.0, 0.0, null, 8.0,
                "mul-kernel-cpu-cp36:2.0.5-B003", "2020-07-16T07:17:57.728Z", "2020-07-16T07:17:57.728Z", null,
                "ops_dev_env");
        // EIHealth, seed 000: ISO-8601 times
        assertInstance(a.get(4), "eihealth", "eihealth-mock", "DE-7d558ef8-c73d-11ea-964c-0255ac100033",
                "notebook-example", "RUNNING", "Running", null, 1.0, 0.0, null, 100.0, "eihealth-notebook:3.1.0-latest",
                "2020-09-10T10:07:17Z", "2020-09-10T10:07:17Z",
                "https://0.0.0.0:0000/0951eb641.../notebook/e4a3b97a.../services/notebook", "notebook_creator");
        // SCNet, seed 003: "2022-05-11 19:30:34" read as Asia/Shanghai
        assertInstance(a.get(5), "scnet", "scnet-mock", "4c1f43ddb030483e89b55413bee6c004", "Instances_2205113837",
                "PENDING", "Waiting", "3 核心; 1 加速器; 15.0G 内存", 3.0, 1.0, "TeslaM40", 15.0,
                "10.0.35.26:5000/gpu/admin/base/jupyter:4.4-py3.7-cpu", "2022-05-11T11:30:34Z", null, null, "magic2");
    }

    private static void assertInstance(JsonNode n, String platform, String source, String id, String name,
                                       String state, String rawStatus, String flavor, Double cpu, Double gpu,
                                       String gpuType, Double memory, String image, String created, String updated,
                                       String url, String owner) {
        assertThat(n.size()).isEqualTo(Output.FIELDS.size());
        assertText(n, "platform", platform);
        assertText(n, "source", source);
        assertText(n, "id", id);
        assertText(n, "name", name);
        assertText(n, "state", state);
        assertText(n, "rawStatus", rawStatus);
        assertText(n, "flavor", flavor);
        assertNumber(n, "cpuCores", cpu);
        assertNumber(n, "gpuCount", gpu);
        assertText(n, "gpuType", gpuType);
        assertNumber(n, "memoryGiB", memory);
        assertText(n, "image", image);
        assertText(n, "created", created);
        assertText(n, "updated", updated);
        assertText(n, "url", url);
        assertText(n, "owner", owner);
    }

    private static void assertText(JsonNode n, String field, String expected) {
        JsonNode v = n.get(field);
        assertThat(v).as("%s of %s", field, n.get("id")).isNotNull();
        if (expected == null) {
            assertThat(v.isNull()).as("%s of %s is null: %s", field, n.get("id"), v).isTrue();
        } else {
            assertThat(v.isTextual()).as("%s of %s is a string", field, n.get("id")).isTrue();
            assertThat(v.asText()).as("%s of %s", field, n.get("id")).isEqualTo(expected);
        }
    }

    private static void assertNumber(JsonNode n, String field, Double expected) {
        JsonNode v = n.get(field);
        if (expected == null) {
            assertThat(v.isNull()).as("%s of %s is null: %s", field, n.get("id"), v).isTrue();
        } else {
            assertThat(v.isNumber()).as("%s of %s is a number", field, n.get("id")).isTrue();
            assertThat(v.asDouble()).as("%s of %s", field, n.get("id")).isEqualTo(expected);
        }
    }
}
