package org.contractfirst.notebooks.client;

import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import org.contractfirst.notebooks.client.support.ContractCheckLog;
import org.contractfirst.notebooks.modelarts.ModelArtsClient;
import org.contractfirst.notebooks.modelarts.api.DevEnvironApi.ListNotebooksRequest;
import org.contractfirst.notebooks.modelarts.model.ListNotebooksResponse;
import org.contractfirst.notebooks.runtime.ClientOptions;
import org.contractfirst.notebooks.runtime.RetryPolicy;
import org.contractfirst.notebooks.runtime.contract.ContractCheck;
import org.contractfirst.notebooks.runtime.contract.ContractViolationException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The contract check as an explicit client option ({@code ClientOptions.Builder#contractCheck}), and the system
 * property as the documented opt-in that applies only when the option is not set.
 */
class ContractCheckOptionTest {

    /** {@code total} is an integer in the spec: a string there is an ERROR deviation the client itself tolerates. */
    private static final String DEVIATING = "{\"total\":\"7\",\"data\":[]}";

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

    private ModelArtsClient client(ContractCheck.Mode mode) {
        ClientOptions.Builder options = ClientOptions.builder().retryPolicy(RetryPolicy.none());
        if (mode != null) {
            options.contractCheck(mode);
        }
        return ModelArtsClient.builder().baseUrl(server.url("/").toString()).token("option-test-token")
                .options(options.build()).build();
    }

    private ListNotebooksResponse list(ModelArtsClient client) throws Exception {
        server.enqueue(new MockResponse().setHeader("Content-Type", "application/json").setBody(DEVIATING));
        return client.devEnviron().listNotebooks(ListNotebooksRequest.builder("proj-1").build()).execute().body();
    }

    @Test
    void logOptionReportsTheDeviationWithoutAnyProperty() throws Exception {
        ListNotebooksResponse page = list(client(ContractCheck.Mode.LOG));

        assertThat(page.getTotal()).isEqualTo(7L);
        assertThat(log.lines()).singleElement().asString()
                .startsWith("contract deviation: ModelArts listNotebooks response /total [validation.response.body.schema.type, ERROR]");
    }

    @Test
    void throwOptionFailsTheCall() {
        assertThatThrownBy(() -> list(client(ContractCheck.Mode.THROW)))
                .isInstanceOf(ContractViolationException.class)
                .satisfies(e -> assertThat(((ContractViolationException) e).deviations())
                        .singleElement().satisfies(d -> assertThat(d.pointer()).isEqualTo("/total")));
    }

    @Test
    void theOptionWinsOverTheProperty() throws Exception {
        System.setProperty(ContractCheck.MODE_PROPERTY, "throw");

        ListNotebooksResponse page = list(client(ContractCheck.Mode.OFF));

        assertThat(page.getTotal()).isEqualTo(7L);
        assertThat(log.lines()).isEmpty();
    }

    @Test
    void withoutTheOptionThePropertyIsTheOptIn() throws Exception {
        System.setProperty(ContractCheck.MODE_PROPERTY, "log");

        list(client(null));

        assertThat(log.lines()).singleElement().asString().contains("/total [validation.response.body.schema.type, ERROR]");
    }

    @Test
    void anUnknownPropertyValueFailsBuildWithAClearMessageUnlessTheOptionIsSet() {
        System.setProperty(ContractCheck.MODE_PROPERTY, "loud");

        assertThatThrownBy(() -> client(null))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("notebooks.contractCheck must be off, log or throw, not 'loud'");
        assertThat(client(ContractCheck.Mode.OFF)).as("an explicit option does not read the property").isNotNull();
    }
}
