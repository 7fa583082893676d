package org.contractfirst.notebooks.contract;

import org.contractfirst.notebooks.modelarts.api.DevEnvironApi;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import org.contractfirst.notebooks.client.support.ContractCheckLog;
import org.contractfirst.notebooks.modelarts.ModelArtsClient;
import org.contractfirst.notebooks.modelarts.model.ListNotebooksResponse;
import org.contractfirst.notebooks.modelarts.model.NotebookStatus;
import org.contractfirst.notebooks.runtime.contract.ContractCheck;
import org.contractfirst.notebooks.runtime.contract.ContractViolationException;
import org.contractfirst.notebooks.runtime.internal.ContractChecks;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The runtime's opt-in contract check (ContractCheck) on a real ModelArts client against MockWebServer answers that
 * deviate from the bundled spec: each deviation is reported with operation, JSON pointer and message; in log mode
 * none breaks the call, in throw mode the call fails; off, nothing is checked.
 */
class ContractCheckTest {

    private static final String TOKEN = "contract-check-secret-token";

    private MockWebServer server;
    @RegisterExtension
    final ContractCheckLog log = new ContractCheckLog();

    @BeforeEach
    void start() throws Exception {
        server = new MockWebServer();
        server.start();
    }

    @AfterEach
    void stop() throws Exception {
        server.shutdown();
    }

    private ModelArtsClient client(String mode) {
        if (mode != null) {
            System.setProperty(ContractCheck.MODE_PROPERTY, mode);
        }
        return ModelArtsClient.builder().baseUrl(server.url("/").toString()).token(TOKEN).build();
    }

    private ListNotebooksResponse list(ModelArtsClient client, String body) throws Exception {
        server.enqueue(new MockResponse().setHeader("Content-Type", "application/json").setBody(body));
        return client.devEnviron().listNotebooks(DevEnvironApi.ListNotebooksRequest.builder("proj-1").build())
                .execute().body();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "wrong type (coerced by the client) | {\"total\":\"7\",\"data\":[]}                       | /total          | validation.response.body.schema.type",
            "url as a number  | {\"total\":1,\"data\":[{\"id\":\"n1\",\"url\":42}]}     | /data/0/url     | validation.response.body.schema.type",
            "unknown field    | {\"total\":1,\"data\":[{\"id\":\"n1\",\"colour\":\"blue\"}]}     | /data/0         | validation.response.body.schema.additionalProperties",
            "nested type      | {\"total\":1,\"data\":[{\"id\":\"n1\",\"lease\":{\"duration\":\"3600000\"}}]} | /data/0/lease/duration | validation.response.body.schema.type"})
    void eachDeviationIsReportedAndTheCallGoesOnInLogMode(String name, String body, String pointer, String key) throws Exception {
        ModelArtsClient client = client("log");

        ListNotebooksResponse page = list(client, body);

        assertThat(page).as("the call is not broken").isNotNull();
        assertThat(log.lines()).hasSize(1);
        assertThat(log.lines().get(0)).startsWith("contract deviation: ModelArts listNotebooks response " + pointer + " [" + key);
        assertThat(log.lines().get(0)).doesNotContain(TOKEN);
    }

    @Test
    void unknownResponseEnumValueIsNoDeviationAndDecodesAsAnOpenEnum() throws Exception {
        // Response enums are open in the contract (x-extensible-enum, ledger row 25): a new status conforms.
        ListNotebooksResponse page = list(client("throw"), "{\"total\":1,\"data\":[{\"id\":\"n1\",\"status\":\"HIBERNATING\"}]}");

        assertThat(page.getData().get(0).getStatus().getValue()).isEqualTo("HIBERNATING");
        assertThat(page.getData().get(0).getStatus().isKnown()).isFalse();
        assertThat(log.lines()).isEmpty();
    }

    @Test
    void missingRequiredFieldOfAnErrorBodyIsReported() throws Exception {
        ModelArtsClient client = client("log");
        server.enqueue(new MockResponse().setResponseCode(404).setHeader("Content-Type", "application/json")
                .setBody("{\"error_msg\":\"The notebook instance does not exist.\"}"));

        assertThatThrownBy(() -> client.devEnviron().listNotebooks(DevEnvironApi.ListNotebooksRequest.builder("proj-1").build()).execute())
                .isInstanceOf(org.contractfirst.notebooks.runtime.ApiException.class);
        assertThat(log.lines()).singleElement().asString()
                .startsWith("contract deviation: ModelArts listNotebooks response ")
                .contains("[validation.response.body.schema.required, ERROR]").contains("error_code");
    }

    @Test
    void aRequestOutsideTheSpecIsReported() throws Exception {
        ModelArtsClient client = client("log");
        server.enqueue(new MockResponse().setHeader("Content-Type", "application/json").setBody("{\"total\":0,\"data\":[]}"));

        client.devEnviron().listNotebooks(DevEnvironApi.ListNotebooksRequest.builder("proj-1").sortDir("SIDEWAYS").build()).execute();

        assertThat(log.lines()).singleElement().asString()
                .startsWith("contract deviation: ModelArts listNotebooks request /query/sort_dir [validation.request.parameter.schema.enum, ERROR]");
    }

    @Test
    void aConformingAnswerReportsNothing() throws Exception {
        ListNotebooksResponse page = list(client("log"),
                "{\"current\":0,\"total\":1,\"pages\":1,\"size\":10,\"data\":[{\"id\":\"n1\",\"status\":\"RUNNING\"}]}");

        assertThat(page.getData().get(0).getStatus()).isEqualTo(NotebookStatus.RUNNING);
        assertThat(log.lines()).isEmpty();
    }

    @Test
    void throwModeFailsTheCallWithTheDeviations() {
        ModelArtsClient client = client("throw");

        assertThatThrownBy(() -> list(client, "{\"total\":\"many\",\"data\":[]}"))
                .isInstanceOf(ContractViolationException.class)
                .satisfies(e -> assertThat(((ContractViolationException) e).deviations())
                        .singleElement().satisfies(d -> {
                            assertThat(d.operation()).isEqualTo("listNotebooks");
                            assertThat(d.direction()).isEqualTo("response");
                            assertThat(d.pointer()).isEqualTo("/total");
                            assertThat(d.key()).isEqualTo("validation.response.body.schema.type");
                        }));
    }

    @Test
    void throwModeOnlyLogsAnUnknownField() throws Exception {
        ListNotebooksResponse page = list(client("throw"), "{\"total\":1,\"data\":[{\"id\":\"n1\",\"colour\":\"blue\"}]}");

        assertThat(page.getData().get(0).getId()).isEqualTo("n1");
        assertThat(log.lines()).singleElement().asString().contains("[validation.response.body.schema.additionalProperties, WARN]");
    }

    @Test
    void theBundleInTheClientJarIsTheDefaultSpec() throws Exception {
        System.clearProperty(ContractCheck.SPEC_PROPERTY_PREFIX + "modelarts");

        assertThat(ContractChecks.specLocation("ModelArts")).endsWith("notebook-contracts/modelarts.yaml");
        list(client("log"), "{\"total\":1,\"data\":[{\"id\":\"n1\",\"url\":42}]}");
        assertThat(log.lines()).singleElement().asString()
                .startsWith("contract deviation: ModelArts listNotebooks response /data/0/url [validation.response.body.schema.type, ERROR]");
    }

    @Test
    void offByDefaultChecksNothing() throws Exception {
        System.clearProperty(ContractCheck.SPEC_PROPERTY_PREFIX + "modelarts"); // no spec needed when off

        ListNotebooksResponse page = list(client(null), "{\"total\":\"7\",\"data\":[{\"id\":\"n1\",\"status\":\"HIBERNATING\"}]}");

        assertThat(page.getTotal()).isEqualTo(7L);
        assertThat(log.lines()).isEmpty();
        assertThat(ContractCheck.mode()).isEqualTo(ContractCheck.Mode.OFF);
        // Free when off: the hook hands back the authentication interceptor itself, nothing is added to the stack.
        okhttp3.Interceptor auth = chain -> chain.proceed(chain.request());
        assertThat(ContractChecks.around("ModelArts", null, auth)).isSameAs(auth);
    }
}
