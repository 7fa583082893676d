package org.contractfirst.notebooks.contract;

import org.contractfirst.notebooks.client.support.MockWebServerExtension;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.contractfirst.notebooks.contract.support.Clients;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import org.contractfirst.notebooks.contract.support.Fixtures;
import org.contractfirst.notebooks.eihealth.api.NotebooksApi;
import org.contractfirst.notebooks.eihealth.model.NotebookEntity;
import org.contractfirst.notebooks.modelarts.api.DevEnvironApi;
import org.contractfirst.notebooks.modelarts.api.DevEnvironOldVersionApi;
import org.contractfirst.notebooks.modelarts.model.DeInstance;
import org.contractfirst.notebooks.modelarts.model.DeInstanceList;
import org.contractfirst.notebooks.modelarts.model.JobProgress;
import org.contractfirst.notebooks.modelarts.model.ListNotebooksResponse;
import org.contractfirst.notebooks.modelarts.model.NotebookResp;
import org.contractfirst.notebooks.modelarts.model.NotebookStatus;
import org.contractfirst.notebooks.modelarts.model.OpenCodeLabBody;
import org.contractfirst.notebooks.scnet.api.ContainerInstancesApi;
import org.contractfirst.notebooks.scnet.model.InstanceServiceDetail;
import org.contractfirst.notebooks.scnet.model.InstanceServiceDetailResponse;
import org.junit.jupiter.api.Test;

import java.io.IOException;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The verbatim response examples of the vendor pages (src/test/resources/seed-examples), quirks included,
 * served as a real server would send them and decoded through each public client, converter and all.
 * Each quirk is a row of specs/DISCREPANCIES.md.
 */
class SeedExampleDecodingTest {

    @RegisterExtension
    final MockWebServerExtension mock = new MockWebServerExtension();
    private final MockWebServer server = mock.server();

    private void serve(String fixture) throws IOException {
        server.enqueue(new MockResponse().setHeader("Content-Type", "application/json").setBody(Fixtures.seedExample(fixture)));
    }

    private String baseUrl() {
        return server.url("/").toString();
    }

    @Test
    void eihealthFlavorNumbersSentAsStringsDecode() throws Exception {
        serve("eihealth-list-notebooks.json");
        var client = Clients.eihealth(baseUrl());

        var page = client.notebooks().listNotebooks(NotebooksApi.ListNotebooksRequest.builder("p", "e").build()).execute().body();

        assertThat(server.takeRequest().getPath()).isEqualTo("/v1/p/eihealth-projects/e/notebooks");
        assertThat(page.getCount()).isEqualTo(1);
        NotebookEntity notebook = page.getNotebooks().get(0);
        assertThat(notebook.getId()).isEqualTo("DE-7d558ef8-c73d-11ea-964c-0255ac100033");
        // Quirk: "cpu" : "1", "gpu" : "0", "memory" : "100" are strings on the page; the spec types them as numbers.
        assertThat(notebook.getFlavor().getCpu()).isEqualTo(1.0f);
        assertThat(notebook.getFlavor().getGpu()).isEqualTo(0.0f);
        assertThat(notebook.getFlavor().getMemory()).isEqualTo(100.0f);
        assertThat(notebook.getStatus()).isEqualTo(org.contractfirst.notebooks.eihealth.model.NotebookStatus.RUNNING);
        assertThat(notebook.getImage().getImageInfo().getImageTag()).isEqualTo("3.1.0-latest");
        assertThat(notebook.getStorages().get(0).getMountPath()).isEqualTo("/example");
        assertThat(notebook.getFailedMessage()).isEqualTo("failed massage in here");
    }

    @Test
    void modelartsListExampleDecodes() throws Exception {
        serve("modelarts-list-notebooks.json");
        var client = Clients.modelarts(baseUrl());

        ListNotebooksResponse page = client.devEnviron()
                .listNotebooks(DevEnvironApi.ListNotebooksRequest.builder("p").status(NotebookStatus.CREATING).workspaceId("0").build())
                .execute().body();

        assertThat(server.takeRequest().getPath()).isEqualTo("/v1/p/notebooks?status=CREATING&workspace_id=0");
        assertThat(page.getTotal()).isEqualTo(2L);
        assertThat(page.getData()).extracting(NotebookResp::getId)
                .containsExactly("f9937afa-ca78-45b6-bc12-7ecf42553c48", "f9937afa-4451-42db-a76b-72d624749f66");
        assertThat(page.getData().get(1).getLease().getCreateAt()).isEqualTo(1638841744515L);
        assertThat(page.getData().get(1).getToken()).isEqualTo("3eff13f2-3d70-5456-6dc7-e3f99f562022");
    }

    @Test
    void modelartsOpenExampleDecodesUndocumentedAndRenamedFields() throws Exception {
        serve("modelarts-open-codelab.json");
        var client = Clients.modelarts(baseUrl());

        NotebookResp notebook = client.devEnviron()
                .openCodeLab(DevEnvironApi.OpenCodeLabRequest.builder("p").body(new OpenCodeLabBody()).build()).execute().body();

        assertThat(server.takeRequest().getBody().readUtf8()).isEqualTo("{}");
        assertThat(notebook.getId()).isEqualTo("f9937afa-ca78-45b6-bc12-7ecf42553c48");
        // Quirk: top-level create_at/update_at are in the example only.
        assertThat(notebook.getCreateAt()).isEqualTo(1638841805440L);
        assertThat(notebook.getUpdateAt()).isEqualTo(1638841805440L);
        // Quirk: the table says lease.create_time/update_time; the example sends create_at/update_at.
        assertThat(notebook.getLease().getCreateAt()).isEqualTo(1638841805439L);
        assertThat(notebook.getLease().getUpdateAt()).isEqualTo(1638841805439L);
        // Quirk: the table says step_description; the example sends description.
        assertThat(notebook.getActionProgress()).extracting(JobProgress::getDescription)
                .containsExactly("Prepare the storage.", "Prepare the compute resource.",
                        "Configuring the network.", "Initialize the notebook instance.");
        assertThat(notebook.getImage().getTag()).isEqualTo("3.3.2-release_v1");
    }

    @Test
    void modelartsDevEnvExampleDecodesTimestampsAndNulls() throws Exception {
        serve("modelarts-list-devenv-instances.json");
        var client = Clients.modelarts(baseUrl());

        DeInstanceList list = client.devEnvironOldVersion()
                .listDevEnvInstances(DevEnvironOldVersionApi.ListDevEnvInstancesRequest.builder("p").deType("Notebook").showSelf(true).build())
                .execute().body();

        assertThat(server.takeRequest().getPath()).isEqualTo("/v1/p/demanager/instances?de_type=Notebook&show_self=true");
        assertThat(list.getTotalCount()).isEqualTo(2);
        DeInstance first = list.getInstances().get(0);
        assertThat(first.getCreationTimestamp()).isEqualTo("1594887749962");
        // Quirk: stop_timestamp is typed Integer on the page but does not fit in 32 bits.
        assertThat(first.getSpec().getAutoStop().getStopTimestamp()).isEqualTo(1594891408723L);
        // Quirk: explicit nulls for documented objects and maps.
        assertThat(first.getSpec().getFailedReasons()).isNull();
        assertThat(first.getSpec().getExtendParams()).isNull();
        assertThat(first.getSpec().getExtendStorage()).isNull();
        assertThat(first.getProfile().getProvision().getSpec().getParams().getAnnotations()).isNull();
        assertThat(first.getFlavorDetails().getParams()).containsEntry("memory", "64GiB").containsEntry("CPU", 8);
        assertThat(list.getInstances().get(1).getName()).isEqualTo("notebook-b1b8");
    }

    @Test
    void scnetTaskNumberSentAsNumberDecodes() throws Exception {
        serve("scnet-instance-service-detail.json");
        var client = Clients.scnet(baseUrl());

        InstanceServiceDetailResponse envelope = client.containerInstances()
                .getInstanceServiceDetail(ContainerInstancesApi.GetInstanceServiceDetailRequest.builder("4c1f43ddb030483e89b55413bee6c004").build()).execute().body();

        assertThat(server.takeRequest().getPath()).isEqualTo("/ai/openapi/v2/instance-service/4c1f43ddb030483e89b55413bee6c004/detail");
        assertThat(envelope.getCode()).isEqualTo("0");
        assertThat(envelope.getMsg()).isEqualTo("SUCCESS");
        InstanceServiceDetail d = envelope.getData();
        assertThat(d.getId()).isEqualTo("4c1f43ddb030483e89b55413bee6c004");
        // Quirk: "taskNumber": 1 is a number on the page; the table types it as string.
        assertThat(d.getTaskNumber()).isEqualTo("1");
        // Quirk: headerNotebookIp appears only in the example.
        assertThat(d.getHeaderNotebookIp()).isNull();
        assertThat(d.getResourceSpec()).isEqualTo("3 核心; 1 加速器; 15.0G 内存");
        assertThat(d.getRamSize()).isEqualTo(15360);
        assertThat(d.getStartScriptPath()).isNull();
    }
}
