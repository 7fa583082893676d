package org.contractfirst.notebooks.client;

import org.contractfirst.notebooks.client.support.MockWebServerExtension;
import org.junit.jupiter.api.extension.RegisterExtension;
import com.fasterxml.jackson.databind.ObjectMapper;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.RecordedRequest;
import org.contractfirst.notebooks.eihealth.EihealthClient;
import org.contractfirst.notebooks.eihealth.api.NotebooksApi;
import org.contractfirst.notebooks.modelarts.ModelArtsClient;
import org.contractfirst.notebooks.modelarts.api.DevEnvironApi;
import org.contractfirst.notebooks.modelarts.api.DevEnvironApi.ListNotebooksRequest;
import org.contractfirst.notebooks.modelarts.api.DevEnvironApi.OpenCodeLabRequest;
import org.contractfirst.notebooks.modelarts.api.DevEnvironOldVersionApi.ListDevEnvInstancesRequest;
import org.contractfirst.notebooks.modelarts.model.DeInstanceStatus;
import org.contractfirst.notebooks.modelarts.model.ListNotebooksResponse;
import org.contractfirst.notebooks.modelarts.model.NotebookResp;
import org.contractfirst.notebooks.modelarts.model.NotebookStatus;
import org.contractfirst.notebooks.modelarts.model.OpenCodeLabBody;
import org.contractfirst.notebooks.runtime.ClientOptions;
import org.contractfirst.notebooks.runtime.RetryPolicy;
import org.contractfirst.notebooks.scnet.api.ContainerInstancesApi.GetInstanceServiceDetailRequest;
import org.junit.jupiter.api.Test;
import retrofit2.Call;
import retrofit2.Callback;
import retrofit2.Response;

import java.lang.reflect.Modifier;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarFile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The generated request objects (templates/Java/libraries/retrofit2/api.mustache): what reaches the wire,
 * required parameters, copies, sync and async calls, and what a consumer's IDE and module system see.
 */
class RequestObjectTest {

    @RegisterExtension
    final MockWebServerExtension mock = new MockWebServerExtension();
    private final MockWebServer server = mock.server();

    private ModelArtsClient modelarts() {
        return ModelArtsClient.builder().baseUrl(server.url("/").toString()).token("request-test-token")
                .options(ClientOptions.builder().retryPolicy(RetryPolicy.none()).build()).build();
    }

    private void answer(String json) {
        server.enqueue(new MockResponse().setHeader("Content-Type", "application/json").setBody(json));
    }

    @Test
    void setParametersAreSentByTheirSpecNamesAndUnsetOnesAreLeftOut() throws Exception {
        answer("{\"total\":1,\"data\":[{\"id\":\"nb-1\",\"status\":\"RUNNING\"}]}");
        ListNotebooksResponse page = modelarts().devEnviron().listNotebooks(
                ListNotebooksRequest.builder("proj-1").limit(10).status(NotebookStatus.RUNNING).sortDir("DESC")
                        .workspaceId("0").build()).execute().body();

        RecordedRequest sent = server.takeRequest();
        assertThat(sent.getMethod()).isEqualTo("GET");
        assertThat(sent.getPath()).isEqualTo("/v1/proj-1/notebooks?limit=10&sort_dir=DESC&status=RUNNING&workspace_id=0");
        assertThat(page.getData()).extracting(NotebookResp::getId).containsExactly("nb-1");
    }

    @Test
    void theSdkFiltersOfListNotebooksAreSent() throws Exception {
        answer("{\"total\":0,\"data\":[]}");
        modelarts().devEnviron().listNotebooks(ListNotebooksRequest.builder("proj-1").flavor("modelarts.vm.cpu.2u")
                .imageId("e1a07296-22a8-4f05-8bc8-e936c8e54090").id("f9937afa-ca78-45b6-bc12-7ecf42553c48").billing("ALL")
                .tags("team|ml").swrPath("swr.cn-north-4.myhuaweicloud.com/org/img:1").poolName("pool-a")
                .description("demo").ip("192.0.2.10").username("alice").build()).execute();

        assertThat(server.takeRequest().getRequestUrl().query()).isEqualTo("flavor=modelarts.vm.cpu.2u"
                + "&image_id=e1a07296-22a8-4f05-8bc8-e936c8e54090&id=f9937afa-ca78-45b6-bc12-7ecf42553c48&billing=ALL"
                + "&tags=team|ml&swr_path=swr.cn-north-4.myhuaweicloud.com/org/img:1&pool_name=pool-a&description=demo"
                + "&ip=192.0.2.10&username=alice");
    }

    @Test
    void anOpenEnumValueTheSpecDoesNotListIsSentAsIs() throws Exception {
        answer("{\"total\":0,\"instances\":[]}");
        modelarts().devEnvironOldVersion().listDevEnvInstances(ListDevEnvInstancesRequest.builder("proj-1")
                .status(DeInstanceStatus.fromValue("HIBERNATING")).showSelf(true).build()).execute();

        assertThat(server.takeRequest().getPath()).isEqualTo("/v1/proj-1/demanager/instances?status=HIBERNATING&show_self=true");
    }

    @Test
    void theBodyParameterIsSerializedWithTheGeneratedMapper() throws Exception {
        answer("{\"id\":\"codelab-1\",\"status\":\"RUNNING\"}");
        NotebookResp opened = modelarts().devEnviron().openCodeLab(OpenCodeLabRequest.builder("proj-1")
                .body(new OpenCodeLabBody().imageId("e1a07296-22a8-4f05-8bc8-e936c8e54090")).build()).execute().body();

        RecordedRequest sent = server.takeRequest();
        assertThat(sent.getMethod()).isEqualTo("POST");
        assertThat(sent.getPath()).isEqualTo("/v1/proj-1/notebooks/open");
        assertThat(new ObjectMapper().readTree(sent.getBody().readUtf8()))
                .isEqualTo(new ObjectMapper().readTree("{\"image_id\":\"e1a07296-22a8-4f05-8bc8-e936c8e54090\"}"));
        assertThat(opened.getId()).isEqualTo("codelab-1");
    }

    @Test
    void callsRunAsynchronouslyThroughEnqueue() throws Exception {
        answer("{\"total\":1,\"data\":[{\"id\":\"nb-async\"}]}");
        CompletableFuture<Response<ListNotebooksResponse>> done = new CompletableFuture<>();
        modelarts().devEnviron().listNotebooks(ListNotebooksRequest.builder("proj-1").build())
                .enqueue(new Callback<>() {
                    @Override
                    public void onResponse(Call<ListNotebooksResponse> call, Response<ListNotebooksResponse> response) {
                        done.complete(response);
                    }

                    @Override
                    public void onFailure(Call<ListNotebooksResponse> call, Throwable t) {
                        done.completeExceptionally(t);
                    }
                });

        Response<ListNotebooksResponse> response = done.get(10, TimeUnit.SECONDS);
        assertThat(response.code()).isEqualTo(200);
        assertThat(response.body().getData()).extracting(NotebookResp::getId).containsExactly("nb-async");
        assertThat(server.takeRequest().getPath()).isEqualTo("/v1/proj-1/notebooks");
    }

    @Test
    void requiredParametersAreCheckedByName() {
        assertThatThrownBy(() -> ListNotebooksRequest.builder(null))
                .isInstanceOf(NullPointerException.class).hasMessage("project_id is required");
        assertThatThrownBy(() -> NotebooksApi.ListNotebooksRequest.builder("proj-1", null))
                .isInstanceOf(NullPointerException.class).hasMessage("eihealth_project_id is required");
        assertThatThrownBy(() -> GetInstanceServiceDetailRequest.builder("id-1").id(null))
                .isInstanceOf(NullPointerException.class).hasMessage("id is required");
    }

    @Test
    void toBuilderCopiesEveryValueAndRequestsAreValues() {
        ListNotebooksRequest request = ListNotebooksRequest.builder("proj-1").limit(10).status(NotebookStatus.STOPPED)
                .owner("0123456789abcdef0123456789abcdef").build();
        ListNotebooksRequest next = request.toBuilder().offset(10).build();

        assertThat(next.getProjectId()).isEqualTo("proj-1");
        assertThat(next.getLimit()).isEqualTo(10);
        assertThat(next.getStatus()).isEqualTo(NotebookStatus.STOPPED);
        assertThat(next.getOffset()).isEqualTo(10);
        assertThat(request.getOffset()).isNull();
        assertThat(request.toBuilder().build()).isEqualTo(request).hasSameHashCodeAs(request);
        assertThat(next).isNotEqualTo(request);
        assertThat(request).hasToString("ListNotebooksRequest{project_id=proj-1, limit=10, owner=0123456789abcdef0123456789abcdef, status=STOPPED}");
    }

    @Test
    void thePositionalRetrofitInterfaceIsNotPublicApi() {
        for (Class<?> api : List.of(DevEnvironApi.class, NotebooksApi.class,
                org.contractfirst.notebooks.modelarts.api.DevEnvironOldVersionApi.class,
                org.contractfirst.notebooks.scnet.api.ContainerInstancesApi.class)) {
            assertThat(Modifier.isFinal(api.getModifiers())).as("%s is a final class", api).isTrue();
            assertThat(api.isInterface()).isFalse();
            assertThat(Arrays.stream(api.getDeclaredClasses()).filter(Class::isInterface))
                    .as("nested interfaces of %s", api)
                    .allSatisfy(i -> assertThat(Modifier.isPublic(i.getModifiers())).isFalse());
        }
    }

    @Test
    void parameterNamesAreInTheClassFiles() throws Exception {
        assertThat(NotebooksApi.ListNotebooksRequest.class.getMethod("builder", String.class, String.class).getParameters())
                .extracting(java.lang.reflect.Parameter::getName).containsExactly("projectId", "eihealthProjectId");
        assertThat(ModelArtsClient.Builder.class.getMethod("region", String.class).getParameters()[0].getName())
                .isEqualTo("region");
    }

    @Test
    void eachJarNamesItsModule() throws Exception {
        assertThat(automaticModuleName(ModelArtsClient.class)).isEqualTo("org.contractfirst.notebooks.modelarts");
        assertThat(automaticModuleName(EihealthClient.class)).isEqualTo("org.contractfirst.notebooks.eihealth");
        assertThat(automaticModuleName(org.contractfirst.notebooks.scnet.ScnetClient.class)).isEqualTo("org.contractfirst.notebooks.scnet");
        assertThat(automaticModuleName(ClientOptions.class)).isEqualTo("org.contractfirst.notebooks.runtime");
    }

    private static String automaticModuleName(Class<?> type) throws Exception {
        Path location = Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI());
        assertThat(location.toString()).as("%s is loaded from its jar (run the tests through Maven verify)", type).endsWith(".jar");
        try (JarFile jar = new JarFile(location.toFile())) {
            return jar.getManifest().getMainAttributes().getValue("Automatic-Module-Name");
        }
    }
}
