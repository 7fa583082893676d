package org.contractfirst.notebooks.client;

import okhttp3.mockwebserver.Dispatcher;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.RecordedRequest;
import org.contractfirst.notebooks.client.support.FakeTime;
import org.contractfirst.notebooks.client.support.MockWebServerExtension;
import org.contractfirst.notebooks.eihealth.EihealthClient;
import org.contractfirst.notebooks.eihealth.model.NotebookEntity;
import org.contractfirst.notebooks.modelarts.ModelArtsClient;
import org.contractfirst.notebooks.eihealth.api.NotebooksApi;
import org.contractfirst.notebooks.modelarts.api.DevEnvironApi;
import org.contractfirst.notebooks.modelarts.api.DevEnvironOldVersionApi;
import org.contractfirst.notebooks.modelarts.model.DeInstance;
import org.contractfirst.notebooks.modelarts.model.NotebookResp;
import org.contractfirst.notebooks.modelarts.model.OpenCodeLabBody;
import org.contractfirst.notebooks.runtime.ApiException;
import org.contractfirst.notebooks.runtime.ClientOptions;
import org.contractfirst.notebooks.runtime.RetryPolicy;
import org.contractfirst.notebooks.runtime.ScnetApiException;
import org.contractfirst.notebooks.runtime.state.NotebookState;
import org.contractfirst.notebooks.runtime.state.WaitOptions;
import org.contractfirst.notebooks.runtime.state.WaitResult;
import org.contractfirst.notebooks.scnet.ScnetClient;
import org.contractfirst.notebooks.scnet.api.ContainerInstancesApi.GetInstanceServiceDetailRequest;
import org.contractfirst.notebooks.scnet.model.InstanceServiceDetail;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.contractfirst.notebooks.runtime.state.NotebookState.DELETED;
import static org.contractfirst.notebooks.runtime.state.NotebookState.FAILED;
import static org.contractfirst.notebooks.runtime.state.NotebookState.RUNNING;
import static org.contractfirst.notebooks.runtime.state.NotebookState.STARTING;

/**
 * The clients' waiters over MockWebServer, with scripted status sequences and a fake clock: nothing sleeps. Each
 * platform is polled the way its client documents (ModelArts new: list filtered by id; old and EIHealth: list;
 * SCNet: detail by id).
 */
class WaiterTest {

    private static final String TOKEN = "waiter-test-token";

    @RegisterExtension
    final MockWebServerExtension mock = new MockWebServerExtension();
    private final MockWebServer server = mock.server();
    private final FakeTime time = new FakeTime();
    private final List<String> requests = new CopyOnWriteArrayList<>();

    /** One platform: its instance id, status words for CREATING -> STARTING -> RUNNING and a failure, its bodies. */
    enum Platform {
        MODELARTS("f9937afa-ca78-45b6-bc12-7ecf42553c48", "CREATING", "STARTING", "RUNNING", "CREATE_FAILED") {
            @Override
            String present(String status) {
                return "{\"total\":1,\"data\":[{\"id\":\"" + id + "\",\"name\":\"nb\",\"status\":\"" + status + "\"}]}";
            }

            @Override
            String absent() {
                return "{\"total\":0,\"data\":[]}";
            }

            @Override
            String firstRequest() {
                return "GET /v1/p1/notebooks?feature=NOTEBOOK&limit=" + ModelArtsClient.DEFAULT_PAGE_SIZE + "&offset=0&id=" + id;
            }

            @Override
            WaitResult<NotebookResp> await(String url, WaitOptions o) throws IOException {
                return ModelArtsClient.builder().baseUrl(url).token(TOKEN).options(OPTIONS).build()
                        .waitForNotebook(DevEnvironApi.ListNotebooksRequest.builder("p1").build(), id, o);
            }
        },
        MODELARTS_OLD("DE-7d558ef8-c73d-11ea-964c-0255ac100033", "CREATING", "STARTING", "RUNNING", "CREATE_FAILED") {
            @Override
            String present(String status) {
                return "{\"total_count\":2,\"instances\":[{\"id\":\"DE-other\",\"status\":\"STOPPED\"},"
                        + "{\"id\":\"" + id + "\",\"status\":\"" + status + "\"}]}";
            }

            @Override
            String absent() {
                return "{\"total_count\":1,\"instances\":[{\"id\":\"DE-other\",\"status\":\"RUNNING\"}]}";
            }

            @Override
            String firstRequest() {
                return "GET /v1/p1/demanager/instances?offset=0&limit=" + ModelArtsClient.DEFAULT_PAGE_SIZE;
            }

            @Override
            WaitResult<DeInstance> await(String url, WaitOptions o) throws IOException {
                return ModelArtsClient.builder().baseUrl(url).token(TOKEN).options(OPTIONS).build()
                        .waitForDevEnvInstance(DevEnvironOldVersionApi.ListDevEnvInstancesRequest.builder("p1").build(), id, o);
            }
        },
        EIHEALTH("eih-1", "Creating", "Creating", "Running", "CreatedFailed") {
            @Override
            String present(String status) {
                return "{\"count\":2,\"notebooks\":[{\"id\":\"eih-0\",\"status\":\"Running\"},"
                        + "{\"id\":\"" + id + "\",\"status\":\"" + status + "\"}]}";
            }

            @Override
            String absent() {
                return "{\"count\":1,\"notebooks\":[{\"id\":\"eih-0\",\"status\":\"Running\"}]}";
            }

            @Override
            String firstRequest() {
                return "GET /v1/p1/eihealth-projects/e1/notebooks?limit=" + EihealthClient.DEFAULT_PAGE_SIZE + "&offset=0";
            }

            @Override
            WaitResult<NotebookEntity> await(String url, WaitOptions o) throws IOException {
                return EihealthClient.builder().baseUrl(url).token(TOKEN).options(OPTIONS).build()
                        .waitForNotebook(NotebooksApi.ListNotebooksRequest.builder("p1", "e1").build(), id, o);
            }
        },
        /** SCNet documents no failure word: the tests map "Failed" with WaitOptions.mapStatus. */
        SCNET("4c1f43ddb030483e89b55413bee6c004", "Waiting", "Waiting", "Running", "Failed") {
            @Override
            String present(String status) {
                return "{\"code\":\"0\",\"msg\":\"SUCCESS\",\"data\":{\"id\":\"" + id + "\",\"status\":\"" + status + "\"}}";
            }

            @Override
            String absent() {
                return "{\"code\":\"0\",\"msg\":\"SUCCESS\",\"data\":null}";
            }

            @Override
            String firstRequest() {
                return "GET /ai/openapi/v2/instance-service/" + id + "/detail";
            }

            @Override
            WaitResult<InstanceServiceDetail> await(String url, WaitOptions o) throws IOException {
                return ScnetClient.builder().baseUrl(url).token(TOKEN).options(OPTIONS).build()
                        .waitForInstanceService(GetInstanceServiceDetailRequest.builder(id).build(),
                                o.mapStatus("Failed", FAILED));
            }
        };

        /** No retries in the client: every 429/503 reaches the waiter. */
        static final ClientOptions OPTIONS = ClientOptions.builder().retryPolicy(RetryPolicy.none()).build();

        final String id;
        final String creating;
        final String starting;
        final String running;
        final String failed;

        Platform(String id, String creating, String starting, String running, String failed) {
            this.id = id;
            this.creating = creating;
            this.starting = starting;
            this.running = running;
            this.failed = failed;
        }

        abstract String present(String status);

        abstract String absent();

        abstract String firstRequest();

        abstract WaitResult<?> await(String url, WaitOptions o) throws IOException;
    }

    /** Answers in order; the last answer is repeated. */
    private void script(MockResponse... answers) {
        Deque<MockResponse> queue = new ArrayDeque<>(List.of(answers));
        server.setDispatcher(new Dispatcher() {
            @Override
            public synchronized MockResponse dispatch(RecordedRequest request) {
                requests.add(request.getMethod() + " " + request.getPath());
                return queue.size() > 1 ? queue.poll() : queue.peek();
            }
        });
    }

    private static MockResponse json(String body) {
        return new MockResponse().setHeader("Content-Type", "application/json").setBody(body);
    }

    private String url() {
        return server.url("/").toString();
    }

    private WaitOptions until(NotebookState... states) {
        return WaitOptions.until(java.util.EnumSet.copyOf(List.of(states))).timeSource(time, time)
                .timeout(Duration.ofMinutes(5));
    }

    private static String id(Object instance) {
        if (instance instanceof NotebookResp n) {
            return n.getId();
        }
        if (instance instanceof DeInstance d) {
            return d.getId();
        }
        if (instance instanceof NotebookEntity e) {
            return e.getId();
        }
        return ((InstanceServiceDetail) instance).getId();
    }

    @ParameterizedTest
    @EnumSource(Platform.class)
    void reachesRunningThroughCreatingAndStarting(Platform p) throws IOException, InterruptedException {
        script(json(p.present(p.creating)), json(p.present(p.starting)), json(p.present(p.running)));

        WaitResult<?> r = p.await(url(), until(RUNNING));

        assertThat(r.outcome()).isEqualTo(WaitResult.Outcome.REACHED);
        assertThat(r.reached()).isTrue();
        assertThat(r.state()).isEqualTo(RUNNING);
        assertThat(r.rawStatus()).isEqualTo(p.running);
        assertThat(id(r.instance())).isEqualTo(p.id);
        assertThat(r.polls()).isEqualTo(3);
        assertThat(requests).hasSize(3).allMatch(p.firstRequest()::equals);
        // the first wait is the minimum interval; the next one is drawn between it and twice it
        assertThat(time.sleeps()).hasSize(2);
        assertThat(time.sleeps().get(0)).isEqualTo(Duration.ofSeconds(2));
        assertThat(time.sleeps().get(1)).isBetween(Duration.ofSeconds(2), Duration.ofSeconds(4));
        assertThat(r.elapsed()).isEqualTo(time.slept());
        assertThat(server.takeRequest().getHeader(p == Platform.SCNET ? "token" : "X-Auth-Token")).isEqualTo(TOKEN);
    }

    @ParameterizedTest
    @EnumSource(Platform.class)
    void aFailureStateEndsTheWaitAtOnce(Platform p) throws IOException {
        script(json(p.present(p.creating)), json(p.present(p.failed)), json(p.present(p.running)));

        WaitResult<?> r = p.await(url(), until(RUNNING));

        assertThat(r.outcome()).isEqualTo(WaitResult.Outcome.FAILED_STATE);
        assertThat(r.state()).isEqualTo(FAILED);
        assertThat(r.rawStatus()).isEqualTo(p.failed);
        assertThat(id(r.instance())).isEqualTo(p.id);
        assertThat(r.polls()).isEqualTo(2);
        assertThat(requests).hasSize(2);
        assertThat(time.sleeps()).hasSize(1);
    }

    @ParameterizedTest
    @EnumSource(Platform.class)
    void theTimeoutEndsTheWaitWithTheLastInstanceSeen(Platform p) throws IOException {
        script(json(p.present(p.starting)));

        WaitResult<?> r = p.await(url(), until(RUNNING).timeout(Duration.ofSeconds(10))
                .pollInterval(Duration.ofSeconds(2), Duration.ofSeconds(2)));

        assertThat(r.outcome()).isEqualTo(WaitResult.Outcome.TIMED_OUT);
        assertThat(r.state()).isEqualTo(p == Platform.SCNET ? NotebookState.PENDING : STARTING);
        assertThat(r.rawStatus()).isEqualTo(p.starting);
        assertThat(id(r.instance())).isEqualTo(p.id);
        // polls at 0, 2, 4, 6, 8 and the last one at 10 s
        assertThat(r.polls()).isEqualTo(6);
        assertThat(time.sleeps()).containsOnly(Duration.ofSeconds(2)).hasSize(5);
        assertThat(r.elapsed()).isEqualTo(Duration.ofSeconds(10));
    }

    @ParameterizedTest
    @EnumSource(Platform.class)
    void retryAfterOf503And429IsHonoured(Platform p) throws IOException {
        script(new MockResponse().setResponseCode(503).setHeader("Retry-After", "7"),
                new MockResponse().setResponseCode(429).setHeader("Retry-After", "11")
                        .setHeader("Content-Type", "application/json").setBody("{\"error_code\":\"APIGW.0308\","
                                + "\"error_msg\":\"The throttling threshold has been reached\"}"),
                new MockResponse().setResponseCode(503),
                json(p.present(p.running)));

        WaitResult<?> r = p.await(url(), until(RUNNING));

        assertThat(r.outcome()).isEqualTo(WaitResult.Outcome.REACHED);
        assertThat(r.polls()).isEqualTo(4);
        // the server's waits exactly, then (503 without Retry-After) the backoff's first step
        assertThat(time.sleeps()).containsExactly(Duration.ofSeconds(7), Duration.ofSeconds(11), Duration.ofSeconds(2));
    }

    @Test
    void aRetryAfterShorterThanTheMinimumIntervalWaitsTheMinimum() throws IOException {
        Platform p = Platform.EIHEALTH;
        script(new MockResponse().setResponseCode(429).setHeader("Retry-After", "0"), json(p.present(p.running)));
        WaitResult<?> r = p.await(url(), until(RUNNING).pollInterval(Duration.ofSeconds(5), Duration.ofSeconds(20)));
        assertThat(r.outcome()).isEqualTo(WaitResult.Outcome.REACHED);
        assertThat(time.sleeps()).containsExactly(Duration.ofSeconds(5));
    }

    @Test
    void aRetryAfterDateIsReadToo() throws IOException {
        Platform p = Platform.SCNET;
        String inOneMinute = java.time.format.DateTimeFormatter.RFC_1123_DATE_TIME.format(
                java.time.ZonedDateTime.now(java.time.ZoneOffset.UTC).plusSeconds(61));
        script(new MockResponse().setResponseCode(503).setHeader("Retry-After", inOneMinute), json(p.present(p.running)));
        WaitResult<?> r = p.await(url(), until(RUNNING));
        assertThat(r.outcome()).isEqualTo(WaitResult.Outcome.REACHED);
        assertThat(time.sleeps()).hasSize(1);
        assertThat(time.sleeps().get(0)).isBetween(Duration.ofSeconds(55), Duration.ofSeconds(61));
    }

    @Test
    void aRetryAfterBeyondTheTimeoutEndsTheWaitWithoutWaiting() throws IOException {
        Platform p = Platform.MODELARTS;
        script(json(p.present(p.starting)), new MockResponse().setResponseCode(503).setHeader("Retry-After", "120"));

        WaitResult<?> r = p.await(url(), until(RUNNING).timeout(Duration.ofSeconds(60)));

        assertThat(r.outcome()).isEqualTo(WaitResult.Outcome.TIMED_OUT);
        assertThat(r.state()).as("the last state seen").isEqualTo(STARTING);
        assertThat(r.polls()).isEqualTo(2);
        assertThat(time.sleeps()).containsExactly(Duration.ofSeconds(2));
    }

    @ParameterizedTest
    @EnumSource(Platform.class)
    void anInstanceTheServiceDoesNotReturnIsNotFoundAtOnce(Platform p) throws IOException {
        script(json(p.absent()));

        WaitResult<?> r = p.await(url(), until(RUNNING));

        assertThat(r.outcome()).isEqualTo(WaitResult.Outcome.NOT_FOUND);
        assertThat(r.state()).isNull();
        assertThat(r.instance()).isNull();
        assertThat(r.polls()).isEqualTo(1);
        assertThat(time.sleeps()).isEmpty();
        if (p == Platform.MODELARTS) {
            // billed instances, then CodeLab instances, which the default listing leaves out
            assertThat(requests).containsExactly(p.firstRequest(), p.firstRequest().replace("NOTEBOOK", "DEFAULT"));
        } else {
            assertThat(requests).containsExactly(p.firstRequest());
        }
    }

    @ParameterizedTest
    @EnumSource(Platform.class)
    void anInstanceThatDisappearsReachesAnAwaitedDeleted(Platform p) throws IOException {
        script(json(p.present(p.running)), json(p.absent()));

        WaitResult<?> r = p.await(url(), until(DELETED));

        assertThat(r.outcome()).isEqualTo(WaitResult.Outcome.REACHED);
        assertThat(r.state()).isEqualTo(DELETED);
        assertThat(r.rawStatus()).as("the last status seen").isEqualTo(p.running);
        assertThat(id(r.instance())).isEqualTo(p.id);
        assertThat(r.polls()).isEqualTo(2);
    }

    @Test
    void aModelArtsListAnswering404WithAnotherCodeThanInstanceNotFoundIsThrown() {
        script(new MockResponse().setResponseCode(404).setHeader("Content-Type", "application/json")
                .setHeader("X-Request-Id", "req-404-project")
                .setBody("{\"error_code\":\"ModelArts.0104\",\"error_msg\":\"The project does not exist.\"}"));
        for (Platform p : List.of(Platform.MODELARTS, Platform.MODELARTS_OLD)) {
            ApiException e = catchThrowableOfType(() -> p.await(url(), until(RUNNING)), ApiException.class);
            assertThat(e.httpStatus()).isEqualTo(404);
            assertThat(e.errorCode()).isEqualTo("ModelArts.0104");
            assertThat(e.requestId()).isEqualTo("req-404-project");
        }
    }

    @Test
    void aModelArts6309IsAnInstanceThatDoesNotExist() throws IOException {
        Platform p = Platform.MODELARTS;
        script(json(p.present("DELETING")), new MockResponse().setResponseCode(404)
                .setHeader("Content-Type", "application/json")
                .setBody("{\"error_code\":\"ModelArts.6309\",\"error_msg\":\"The notebook instance does not exist.\"}"));
        WaitResult<?> r = p.await(url(), until(DELETED));
        assertThat(r.outcome()).isEqualTo(WaitResult.Outcome.REACHED);
        assertThat(r.state()).isEqualTo(DELETED);
        assertThat(r.rawStatus()).isEqualTo("DELETING");
    }

    @Test
    void scnetA404IsNotFound() throws IOException {
        script(new MockResponse().setResponseCode(404));
        WaitResult<?> r = Platform.SCNET.await(url(), until(RUNNING));
        assertThat(r.outcome()).isEqualTo(WaitResult.Outcome.NOT_FOUND);
        assertThat(r.polls()).isEqualTo(1);
    }

    @Test
    void scnetWordsNotMappedAreUnknownAndWaitedThrough() throws IOException {
        Platform p = Platform.SCNET;
        script(json(p.present("Failed")));
        WaitResult<InstanceServiceDetail> r = ScnetClient.builder().baseUrl(url()).token(TOKEN)
                .options(Platform.OPTIONS).build()
                .waitForInstanceService(GetInstanceServiceDetailRequest.builder(p.id).build(),
                        until(RUNNING).timeout(Duration.ofSeconds(4))
                        .pollInterval(Duration.ofSeconds(2), Duration.ofSeconds(2)));
        assertThat(r.outcome()).isEqualTo(WaitResult.Outcome.TIMED_OUT);
        assertThat(r.state()).isEqualTo(NotebookState.UNKNOWN);
        assertThat(r.rawStatus()).isEqualTo("Failed");
        assertThat(r.polls()).isEqualTo(3);
    }

    @ParameterizedTest
    @EnumSource(value = Platform.class, names = {"MODELARTS", "MODELARTS_OLD", "EIHEALTH"})
    void anErrorWaitingWouldNotCureIsThrownWithStatusCodeAndRequestId(Platform p) {
        script(json(p.present(p.creating)), new MockResponse().setResponseCode(403)
                .setHeader("Content-Type", "application/json").setHeader("X-Request-Id", "req-403-waiter")
                .setBody("{\"error_code\":\"ModelArts.0106\",\"error_msg\":\"Insufficient permissions\"}"));

        ApiException e = catchThrowableOfType(() -> p.await(url(), until(RUNNING)), ApiException.class);

        assertThat(e.httpStatus()).isEqualTo(403);
        assertThat(e.errorCode()).isEqualTo("ModelArts.0106");
        assertThat(e.errorMessage()).isEqualTo("Insufficient permissions");
        assertThat(e.requestId()).isEqualTo("req-403-waiter");
        assertThat(e.getMessage()).doesNotContain(TOKEN);
        assertThat(requests).hasSize(2);
    }

    @Test
    void scnetAnErrorEnvelopeIsThrownWithItsCode() {
        script(json("{\"code\":\"10008\",\"msg\":\"Insufficient permissions\",\"data\":null}")
                .setHeader("X-Request-Id", "req-scnet-1"));

        ScnetApiException e = catchThrowableOfType(() -> Platform.SCNET.await(url(), until(RUNNING)),
                ScnetApiException.class);

        assertThat(e.httpStatus()).isEqualTo(200);
        assertThat(e.errorCode()).isEqualTo("10008");
        assertThat(e.errorMessage()).isEqualTo("Insufficient permissions");
        assertThat(e.requestId()).isEqualTo("req-scnet-1");
        assertThat(e.getMessage()).doesNotContain(TOKEN);
    }

    @Test
    void openCodeLabThenWaitingForTheOpenedInstanceListsCodeLabInstancesFirst() throws IOException {
        Platform p = Platform.MODELARTS;
        script(json("{\"id\":\"" + p.id + "\",\"status\":\"INIT\",\"feature\":\"DEFAULT\"}"),
                json(p.present("STARTING")), json(p.present("RUNNING")));
        ModelArtsClient modelarts = ModelArtsClient.builder().baseUrl(url()).token(TOKEN).options(Platform.OPTIONS).build();
        DevEnvironApi.OpenCodeLabRequest open = DevEnvironApi.OpenCodeLabRequest.builder("p1").body(new OpenCodeLabBody()).build();
        DevEnvironApi.ListNotebooksRequest inProject = DevEnvironApi.ListNotebooksRequest.builder("p1").build();

        WaitResult<NotebookResp> r = modelarts.waitForNotebook(inProject,
                modelarts.devEnviron().openCodeLab(open).execute().body(), until(RUNNING));

        assertThat(r.outcome()).isEqualTo(WaitResult.Outcome.REACHED);
        assertThat(r.instance().getId()).isEqualTo(p.id);
        String list = p.firstRequest().replace("NOTEBOOK", "DEFAULT");
        assertThat(requests).containsExactly("POST /v1/p1/notebooks/open", list, list);
    }

    @Test
    void aBlankIdIsRefusedBeforeAnythingIsSent() {
        ModelArtsClient modelarts = ModelArtsClient.builder().baseUrl(url()).token(TOKEN).build();
        assertThat(catchThrowableOfType(() -> modelarts.waitForNotebook(
                DevEnvironApi.ListNotebooksRequest.builder("p1").build(), " ", until(RUNNING)),
                IllegalArgumentException.class)).hasMessage("notebookId must not be blank");
        EihealthClient eihealth = EihealthClient.builder().baseUrl(url()).token(TOKEN).build();
        assertThat(catchThrowableOfType(() -> eihealth.waitForNotebook(
                NotebooksApi.ListNotebooksRequest.builder("p1", "e1").build(), null, until(RUNNING)),
                IllegalArgumentException.class)).hasMessage("notebookId must not be blank");
        assertThat(server.getRequestCount()).isZero();
    }

    @Test
    void failOnReplacesTheFailureStates() throws IOException {
        Platform p = Platform.MODELARTS;
        script(json(p.present("STOPPED")), json(p.present("RUNNING")));
        WaitResult<?> r = p.await(url(), until(RUNNING).failOn(NotebookState.STOPPED));
        assertThat(r.outcome()).isEqualTo(WaitResult.Outcome.FAILED_STATE);
        assertThat(r.state()).isEqualTo(NotebookState.STOPPED);
        assertThat(r.rawStatus()).isEqualTo("STOPPED");

        List<String> seen = new ArrayList<>(requests);
        requests.clear();
        script(json(p.present("CREATE_FAILED")), json(p.present("RUNNING")));
        WaitResult<?> waitedThrough = p.await(url(), until(RUNNING).failOn());
        assertThat(waitedThrough.outcome()).as("no failure states: FAILED is waited through").isEqualTo(WaitResult.Outcome.REACHED);
        assertThat(waitedThrough.polls()).isEqualTo(2);
        assertThat(seen).hasSize(1);
    }
}
