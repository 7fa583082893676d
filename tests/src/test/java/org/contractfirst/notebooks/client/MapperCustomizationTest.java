package org.contractfirst.notebooks.client;

import org.contractfirst.notebooks.client.support.MockWebServerExtension;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.contractfirst.notebooks.modelarts.api.DevEnvironApi;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.module.blackbird.BlackbirdModule;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import org.contractfirst.notebooks.modelarts.ModelArtsClient;
import org.contractfirst.notebooks.modelarts.invoker.JSON;
import org.contractfirst.notebooks.modelarts.model.ListNotebooksResponse;
import org.contractfirst.notebooks.modelarts.model.NotebookResp;
import org.contractfirst.notebooks.runtime.ApiException;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.util.function.UnaryOperator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.contractfirst.notebooks.contract.support.Fixtures.seedExample;

/**
 * The client's Jackson mapper: the generated one, with Blackbird registered (BENCHMARKS.md); {@code customizeMapper}
 * is applied to a copy of it, used by that client only.
 */
class MapperCustomizationTest {

    @RegisterExtension
    final MockWebServerExtension mock = new MockWebServerExtension();
    private final MockWebServer server = mock.server();

    private ModelArtsClient client(UnaryOperator<ModelArtsClient.Builder> customize) {
        return customize.apply(ModelArtsClient.builder().baseUrl(server.url("/").toString()).token("mapper-test-token")).build();
    }

    private static ListNotebooksResponse list(ModelArtsClient client) throws IOException {
        return client.devEnviron().listNotebooks(DevEnvironApi.ListNotebooksRequest.builder("p").build())
                .execute().body();
    }

    private static MockResponse json(String body) {
        return new MockResponse().setHeader("Content-Type", "application/json").setBody(body);
    }

    @Test
    void theClientsMapperHasBlackbirdAndDecodesTheVendorExampleAsWithoutIt() throws IOException {
        ObjectMapper generated = new JSON().getMapper();
        assertThat(generated.getRegisteredModuleIds()).contains(new BlackbirdModule().getTypeId());

        String example = seedExample("modelarts-list-notebooks.json");
        server.enqueue(json(example));
        ListNotebooksResponse viaClient = list(client(b -> b));
        ListNotebooksResponse withoutBlackbird = new ObjectMapper() // plain databind: reflection, no module
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).readValue(example, ListNotebooksResponse.class);
        assertThat(viaClient.getData()).extracting(NotebookResp::getId)
                .containsExactly("f9937afa-ca78-45b6-bc12-7ecf42553c48", "f9937afa-4451-42db-a76b-72d624749f66");
        assertThat(viaClient.getData().get(1).getLease().getCreateAt()).isEqualTo(1638841744515L);
        assertThat(viaClient).isEqualTo(withoutBlackbird);
    }

    @Test
    void theCustomizerReachesTheDecoderAndNeitherTheSharedMapperNorOtherClients() throws IOException {
        // "total" as a string: the generated mapper coerces it (DISCREPANCIES.md), a customized one need not.
        String totalAsString = "{\"total\":\"1\",\"data\":[{\"id\":\"nb-1\",\"surprise\":true}]}";
        ModelArtsClient builtBefore = client(b -> b);
        ModelArtsClient strict = client(b -> b.customizeMapper(m -> m.disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)));
        ModelArtsClient builtAfter = client(b -> b);

        server.enqueue(json(totalAsString));
        ApiException thrown = catchThrowableOfType(ApiException.class, () -> list(strict));
        assertThat(thrown.httpStatus()).isEqualTo(200);
        assertThat(thrown.getMessage()).contains("Cannot coerce String value (\"1\")");

        for (ModelArtsClient tolerant : new ModelArtsClient[] {builtBefore, builtAfter}) {
            server.enqueue(json(totalAsString));
            ListNotebooksResponse page = list(tolerant);
            assertThat(page.getTotal()).isEqualTo(1);
            assertThat(page.getData()).extracting(NotebookResp::getId).containsExactly("nb-1");
            assertThat(page.getData().get(0).getAdditionalProperty("surprise").booleanValue()).isTrue();
        }
    }
}
