package org.contractfirst.notebooks.client;

import okhttp3.OkHttpClient;
import org.contractfirst.notebooks.contract.support.Prefer;
import org.contractfirst.notebooks.contract.support.PrismMock;
import org.contractfirst.notebooks.contract.support.PrismServer;
import org.contractfirst.notebooks.eihealth.EihealthClient;
import org.contractfirst.notebooks.eihealth.model.NotebookEntity;
import org.contractfirst.notebooks.modelarts.ModelArtsClient;
import org.contractfirst.notebooks.eihealth.api.NotebooksApi;
import org.contractfirst.notebooks.modelarts.api.DevEnvironApi.ListNotebooksRequest;
import org.contractfirst.notebooks.modelarts.api.DevEnvironApi.OpenCodeLabRequest;
import org.contractfirst.notebooks.modelarts.api.DevEnvironOldVersionApi.ListDevEnvInstancesRequest;
import org.contractfirst.notebooks.modelarts.model.DeInstance;
import org.contractfirst.notebooks.modelarts.model.NotebookResp;
import org.contractfirst.notebooks.modelarts.model.OpenCodeLabBody;
import org.contractfirst.notebooks.runtime.ApiException;
import org.contractfirst.notebooks.runtime.ClientOptions;
import org.contractfirst.notebooks.runtime.RetryPolicy;
import org.contractfirst.notebooks.runtime.state.NotebookState;
import org.contractfirst.notebooks.runtime.state.WaitOptions;
import org.contractfirst.notebooks.runtime.state.WaitResult;
import org.contractfirst.notebooks.scnet.ScnetClient;
import org.contractfirst.notebooks.scnet.api.ContainerInstancesApi.GetInstanceServiceDetailRequest;
import org.contractfirst.notebooks.scnet.model.InstanceServiceDetail;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.contractfirst.notebooks.runtime.state.NotebookState.PENDING;
import static org.contractfirst.notebooks.runtime.state.NotebookState.RUNNING;
import static org.contractfirst.notebooks.runtime.state.NotebookState.STARTING;

/**
 * The waiters against the Prism mocks (static: each operation answers its documented example, whose status never
 * changes): an example in an awaited state is reached at the first poll, one that is not times out at a zero
 * timeout (no real waiting), and documented error answers are thrown with their documented codes.
 */
class WaiterPrismTest {

    /** The ModelArts list example (seed 001): CREATING; openCodeLab's example opens the same instance. */
    static final String MODELARTS_ID = "f9937afa-ca78-45b6-bc12-7ecf42553c48";
    static final String DEVENV_ID = "DE-7d558ef8-c73d-11ea-964c-0255ac100033";
    static final String SCNET_ID = "4c1f43ddb030483e89b55413bee6c004";
    static final ListNotebooksRequest IN_PROJECT = ListNotebooksRequest.builder("mock-project").build();
    static final ListDevEnvInstancesRequest OLD_IN_PROJECT = ListDevEnvInstancesRequest.builder("mock-project").build();
    static final GetInstanceServiceDetailRequest DETAIL = GetInstanceServiceDetailRequest.builder(SCNET_ID).build();

    /**
     * No retries, and a connection pool of its own: with retries off, a pooled keep-alive connection that Prism
     * (Node, 5 s idle timeout) closed while other test classes ran fails the next GET ("unexpected end of stream";
     * the runtime turns OkHttp's retryOnConnectionFailure off).
     */
    private static ClientOptions options(Prefer prefer) {
        OkHttpClient.Builder base = new OkHttpClient.Builder();
        if (prefer != null) {
            base.addInterceptor(prefer);
        }
        return ClientOptions.builder().retryPolicy(RetryPolicy.none()).baseClient(base.build()).build();
    }

    private static ModelArtsClient modelarts(PrismServer prism, Prefer prefer) {
        return ModelArtsClient.builder().baseUrl(prism.baseUrl()).token("mock-token").options(options(prefer)).build();
    }

    @Nested
    @PrismMock("modelarts/modelarts.yaml")
    class ModelArts {

        @Test
        void openCodeLabThenWaitReachesStartingOnTheDocumentedCreatingExample(PrismServer prism) throws IOException {
            ModelArtsClient modelarts = modelarts(prism, null);
            OpenCodeLabRequest open = OpenCodeLabRequest.builder("mock-project").body(new OpenCodeLabBody()).build();
            WaitResult<NotebookResp> r = modelarts.waitForNotebook(IN_PROJECT,
                    modelarts.devEnviron().openCodeLab(open).execute().body(), WaitOptions.until(STARTING, RUNNING));

            assertThat(r.outcome()).isEqualTo(WaitResult.Outcome.REACHED);
            assertThat(r.state()).isEqualTo(STARTING);
            assertThat(r.rawStatus()).isEqualTo("CREATING");
            assertThat(r.instance().getId()).isEqualTo(MODELARTS_ID);
            assertThat(r.instance().getName()).isEqualTo("notebook_5ee4bf0e");
            assertThat(r.polls()).isEqualTo(1);
        }

        @Test
        void runningIsNeverReachedSoAZeroTimeoutTimesOutAfterOnePoll(PrismServer prism) throws IOException {
            WaitResult<NotebookResp> r = modelarts(prism, null).waitForNotebook(IN_PROJECT, MODELARTS_ID,
                    WaitOptions.until(RUNNING).timeout(Duration.ZERO));

            assertThat(r.outcome()).isEqualTo(WaitResult.Outcome.TIMED_OUT);
            assertThat(r.state()).isEqualTo(STARTING);
            assertThat(r.rawStatus()).isEqualTo("CREATING");
            assertThat(r.instance().getId()).isEqualTo(MODELARTS_ID);
            assertThat(r.polls()).isEqualTo(1);
        }

        @Test
        void anIdTheListDoesNotHoldIsNotFound(PrismServer prism) throws IOException {
            WaitResult<NotebookResp> r = modelarts(prism, null).waitForNotebook(IN_PROJECT,
                    "00000000-0000-0000-0000-000000000000", WaitOptions.until(RUNNING));
            assertThat(r.outcome()).isEqualTo(WaitResult.Outcome.NOT_FOUND);
            assertThat(r.instance()).isNull();
        }

        @Test
        void theDocumented404ModelArts6309IsAnInstanceThatDoesNotExist(PrismServer prism) throws IOException {
            // the example: {"error_code": "ModelArts.6309", "error_msg": "The notebook instance does not exist."}
            WaitResult<NotebookResp> r = modelarts(prism, Prefer.code(404))
                    .waitForNotebook(IN_PROJECT, MODELARTS_ID, WaitOptions.until(RUNNING));
            assertThat(r.outcome()).isEqualTo(WaitResult.Outcome.NOT_FOUND);
            WaitResult<DeInstance> gone = modelarts(prism, Prefer.code(404))
                    .waitForDevEnvInstance(OLD_IN_PROJECT, DEVENV_ID, WaitOptions.until(NotebookState.DELETED));
            assertThat(gone.outcome()).isEqualTo(WaitResult.Outcome.REACHED);
            assertThat(gone.state()).isEqualTo(NotebookState.DELETED);
        }

        @Test
        void theDocumented403IsThrownWithItsCode(PrismServer prism) {
            ApiException e = catchThrowableOfType(() -> modelarts(prism, Prefer.code(403))
                    .waitForDevEnvInstance(OLD_IN_PROJECT, DEVENV_ID, WaitOptions.until(RUNNING)), ApiException.class);
            assertThat(e.httpStatus()).isEqualTo(403);
            assertThat(e.errorCode()).isEqualTo("ModelArts.0106");
        }

        @Test
        void theOldVersionExampleIsRunning(PrismServer prism) throws IOException {
            WaitResult<DeInstance> r = modelarts(prism, null).waitForDevEnvInstance(OLD_IN_PROJECT, DEVENV_ID,
                    WaitOptions.until(RUNNING));
            assertThat(r.outcome()).isEqualTo(WaitResult.Outcome.REACHED);
            assertThat(r.rawStatus()).isEqualTo("RUNNING");
            assertThat(r.instance().getName()).isEqualTo("notebook-c6fd");
        }
    }

    @Nested
    @PrismMock("eihealth/list-notebooks.yaml")
    class Eihealth {
        @Test
        void theExampleIsRunning(PrismServer prism) throws IOException {
            WaitResult<NotebookEntity> r = EihealthClient.builder().baseUrl(prism.baseUrl()).token("mock-token")
                    .options(options(null)).build()
                    .waitForNotebook(NotebooksApi.ListNotebooksRequest.builder("mock-project", "mock-eihealth-project")
                            .build(), DEVENV_ID, WaitOptions.until(RUNNING));
            assertThat(r.outcome()).isEqualTo(WaitResult.Outcome.REACHED);
            assertThat(r.state()).isEqualTo(RUNNING);
            assertThat(r.rawStatus()).isEqualTo("Running");
            assertThat(r.instance().getName()).isEqualTo("notebook-example");
        }
    }

    @Nested
    @PrismMock("scnet/get-instance-service-detail.yaml")
    class Scnet {
        private ScnetClient scnet(PrismServer prism) {
            return ScnetClient.builder().baseUrl(prism.baseUrl()).token("mock-token").options(options(null)).build();
        }

        @Test
        void theExampleIsWaitingWhichIsPending(PrismServer prism) throws IOException {
            WaitResult<InstanceServiceDetail> r = scnet(prism).waitForInstanceService(DETAIL, WaitOptions.until(PENDING));
            assertThat(r.outcome()).isEqualTo(WaitResult.Outcome.REACHED);
            assertThat(r.rawStatus()).isEqualTo("Waiting");
            assertThat(r.instance().getId()).isEqualTo(SCNET_ID);
            assertThat(r.instance().getInstanceServiceName()).isEqualTo("Instances_2205113837");
        }

        @Test
        void runningIsNeverReachedSoAZeroTimeoutTimesOut(PrismServer prism) throws IOException {
            WaitResult<InstanceServiceDetail> r = scnet(prism).waitForInstanceService(DETAIL,
                    WaitOptions.until(RUNNING).timeout(Duration.ZERO));
            assertThat(r.outcome()).isEqualTo(WaitResult.Outcome.TIMED_OUT);
            assertThat(r.state()).isEqualTo(NotebookState.PENDING);
            assertThat(r.polls()).isEqualTo(1);
        }
    }
}
