package org.contractfirst.notebooks.client;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.module.blackbird.BlackbirdModule;
import org.contractfirst.notebooks.modelarts.invoker.JSON;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import org.contractfirst.notebooks.modelarts.ModelArtsClient;
import org.contractfirst.notebooks.modelarts.model.ListNotebooksResponse;
import org.contractfirst.notebooks.modelarts.model.NotebookResp;
import org.contractfirst.notebooks.runtime.ApiException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.util.function.UnaryOperator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.contractfirst.notebooks.contract.support.Fixtures.seedExample;

/**
 * The client's Jackson mapper: the generated one, with Blackbird registered (BENCHMARKS.md); {@code customizeMapper}
 * is applied to it before the first call, and only to that client.
 */
class MapperCustomizationTest {

    private MockWebServer server;

    @BeforeEach
    void start() throws IOException {
        server = new MockWebServer();
        server.start();
    }

    @AfterEach
    void stop() throws IOException {
        server.shutdown();
    }

    private ListNotebooksResponse list(UnaryOperator<ModelArtsClient.Builder> customize, String body) throws IOException {
        server.enqueue(new MockResponse().setHeader("Content-Type", "application/json").setBody(body));
        ModelArtsClient client = customize.apply(ModelArtsClient.builder().baseUrl(server.url("/").toString())
                .token("mapper-test-token")).build();
        return client.devEnviron().listNotebooks("p", null, null, null, null, null, null, null, null, null, null, null)
                .execute().body();
    }

    @Test
    void theClientsMapperHasBlackbirdAndDecodesTheVendorExampleAsWithoutIt() throws IOException {
        ObjectMapper generated = new JSON().getMapper();
        assertThat(generated.getRegisteredModuleIds()).contains(new BlackbirdModule().getTypeId());

        String example = seedExample("modelarts-list-notebooks.json");
        ListNotebooksResponse viaClient = list(b -> b, example);
        ListNotebooksResponse withoutBlackbird = new ObjectMapper() // plain databind: reflection, no module
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).readValue(example, ListNotebooksResponse.class);
        assertThat(viaClient.getData()).extracting(NotebookResp::getId)
                .containsExactly("f9937afa-ca78-45b6-bc12-7ecf42553c48", "f9937afa-4451-42db-a76b-72d624749f66");
        assertThat(viaClient.getData().get(1).getLease().getCreateAt()).isEqualTo(1638841744515L);
        assertThat(viaClient).isEqualTo(withoutBlackbird);
    }

    @Test
    void theCustomizerReachesTheDecoderAndOnlyItsOwnClient() throws IOException {
        String withExtraField = "{\"total\":1,\"data\":[{\"id\":\"nb-1\",\"surprise\":true}]}";

        ApiException strict = catchThrowableOfType(ApiException.class, () -> list(
                b -> b.customizeMapper(m -> m.enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)), withExtraField));
        assertThat(strict.httpStatus()).isEqualTo(200);
        assertThat(strict.getMessage()).contains("Unrecognized field \"surprise\"");

        ListNotebooksResponse tolerant = list(b -> b, withExtraField); // a client built afterwards keeps the default
        assertThat(tolerant.getData()).extracting(NotebookResp::getId).containsExactly("nb-1");
    }
}
