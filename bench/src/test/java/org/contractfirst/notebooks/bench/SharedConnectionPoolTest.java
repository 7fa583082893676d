package org.contractfirst.notebooks.bench;

import org.contractfirst.notebooks.modelarts.api.DevEnvironApi;
import org.contractfirst.notebooks.eihealth.api.NotebooksApi;
import org.contractfirst.notebooks.eihealth.EihealthClient;
import org.contractfirst.notebooks.modelarts.ModelArtsClient;
import org.contractfirst.notebooks.runtime.internal.SharedHttpClient;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the call benchmark relies on: clients built once share {@link SharedHttpClient}'s connection pool, so
 * three clients (two ModelArts with different tokens, one EIHealth) and 30 calls use one TCP connection, and no
 * call builds anything but its request.
 */
class SharedConnectionPoolTest {

    @Test
    void clientsShareOneConnectionPool() throws Exception {
        SharedHttpClient.get().connectionPool().evictAll();
        try (StaticServer server = new StaticServer(SeedPages.modelartsNotebooks(10))) {
            ModelArtsClient a = ModelArtsClient.builder().baseUrl(server.baseUrl()).token("token-a").build();
            ModelArtsClient b = ModelArtsClient.builder().baseUrl(server.baseUrl()).token("token-b").build();
            EihealthClient c = EihealthClient.builder().baseUrl(server.baseUrl()).token("token-c").build();
            for (int i = 0; i < 10; i++) {
                assertThat(a.devEnviron().listNotebooks(DevEnvironApi.ListNotebooksRequest.builder("p").limit(10).offset(0).build())
                        .execute().body().getData()).hasSize(10);
                assertThat(b.devEnviron().listNotebooks(DevEnvironApi.ListNotebooksRequest.builder("p").limit(10).offset(0).build())
                        .execute().body().getData()).hasSize(10);
                assertThat(c.notebooks().listNotebooks(NotebooksApi.ListNotebooksRequest.builder("p", "e").build()).execute().isSuccessful()).isTrue();
            }
            assertThat(server.connectionsSeen()).isEqualTo(1);
            assertThat(SharedHttpClient.get().connectionPool().connectionCount()).isEqualTo(1);
        } finally {
            SharedHttpClient.get().connectionPool().evictAll();
        }
    }
}
