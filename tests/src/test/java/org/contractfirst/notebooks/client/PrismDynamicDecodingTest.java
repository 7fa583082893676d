package org.contractfirst.notebooks.client;

import org.contractfirst.notebooks.modelarts.api.DevEnvironOldVersionApi;
import org.contractfirst.notebooks.modelarts.api.DevEnvironApi;
import org.contractfirst.notebooks.eihealth.api.NotebooksApi;
import org.contractfirst.notebooks.contract.support.Prefer;
import org.contractfirst.notebooks.contract.support.PrismMock;
import org.contractfirst.notebooks.contract.support.PrismServer;
import org.contractfirst.notebooks.eihealth.EihealthClient;
import org.contractfirst.notebooks.modelarts.ModelArtsClient;
import org.contractfirst.notebooks.modelarts.model.OpenCodeLabBody;
import org.contractfirst.notebooks.runtime.ClientOptions;
import org.contractfirst.notebooks.runtime.RetryPolicy;
import org.contractfirst.notebooks.contract.support.Clients;
import org.contractfirst.notebooks.scnet.api.ContainerInstancesApi;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Prism in dynamic mode (fixed {@code --seed}; {@code Prefer: seed=<operation>-<i>} makes each of the 200
 * responses per operation different and reproducible) sends random schema-valid responses, with random
 * extra properties; every one must decode through the client. A failure names the seed to replay.
 */
class PrismDynamicDecodingTest {

    static final int RESPONSES = 200;

    /** Calls the operation once and returns the decoded body. */
    interface Call {
        Object call() throws Exception;
    }

    /** Sends {@code Prefer: seed=<current seed>}; one client serves all 200 calls of a test. */
    static final class SeedHeader implements okhttp3.Interceptor {
        volatile String seed;

        @Override
        public okhttp3.Response intercept(Chain chain) throws java.io.IOException {
            return new Prefer("seed=" + seed).intercept(chain);
        }

        ClientOptions options() {
            return ClientOptions.builder().retryPolicy(RetryPolicy.none())
                    .baseClient(new okhttp3.OkHttpClient.Builder().addInterceptor(this).build()).build();
        }
    }

    static void decodeAll(String operation, SeedHeader seedHeader, Call call) throws Exception {
        List<String> failures = new ArrayList<>();
        Set<String> distinct = new HashSet<>();
        for (int i = 0; i < RESPONSES; i++) {
            String seed = operation + "-" + i;
            try {
                seedHeader.seed = seed;
                Object body = call.call();
                assertThat(body).as("body for seed %s", seed).isNotNull();
                distinct.add(body.toString());
            } catch (Exception | AssertionError e) {
                failures.add("seed=" + seed + ": " + e);
            }
        }
        assertThat(failures).as("responses of %s that did not decode", operation).isEmpty();
        assertThat(distinct.size()).as("distinct generated responses").isGreaterThan(RESPONSES / 2);
    }

    @Nested
    @PrismMock(value = "eihealth/list-notebooks.yaml", dynamic = true)
    class EihealthListNotebooks {
        @Test
        void randomResponsesDecode(PrismServer prism) throws Exception {
            SeedHeader seed = new SeedHeader();
            EihealthClient client = EihealthClient.builder().baseUrl(prism.baseUrl()).token("dyn").options(seed.options()).build();
            decodeAll("eihealth-list", seed, () -> client.notebooks().listNotebooks(NotebooksApi.ListNotebooksRequest.builder("p", "e").build()).execute().body());
        }
    }

    @Nested
    @PrismMock(value = "modelarts/modelarts.yaml", dynamic = true)
    class ModelArts {
        private final SeedHeader seed = new SeedHeader();

        private ModelArtsClient client(PrismServer prism) {
            return ModelArtsClient.builder().baseUrl(prism.baseUrl()).token("dyn").options(seed.options()).build();
        }

        @Test
        void listNotebooksRandomResponsesDecode(PrismServer prism) throws Exception {
            ModelArtsClient client = client(prism);
            decodeAll("modelarts-list", seed, () -> client.devEnviron()
                    .listNotebooks(DevEnvironApi.ListNotebooksRequest.builder("p").build()).execute().body());
        }

        @Test
        void openCodeLabRandomResponsesDecode(PrismServer prism) throws Exception {
            ModelArtsClient client = client(prism);
            decodeAll("modelarts-open", seed, () -> client.devEnviron()
                    .openCodeLab(DevEnvironApi.OpenCodeLabRequest.builder("p").body(new OpenCodeLabBody()).build()).execute().body());
        }

        @Test
        void listDevEnvInstancesRandomResponsesDecode(PrismServer prism) throws Exception {
            ModelArtsClient client = client(prism);
            decodeAll("modelarts-devenv", seed, () -> client.devEnvironOldVersion()
                    .listDevEnvInstances(DevEnvironOldVersionApi.ListDevEnvInstancesRequest.builder("p").build()).execute().body());
        }
    }

    @Nested
    @PrismMock(value = "scnet/get-instance-service-detail.yaml", dynamic = true)
    class ScnetDetail {
        /**
         * The generated mapper alone (a bare Retrofit), without the runtime's envelope check: random envelopes
         * almost never carry code "0", and what is under test here is decoding, not error mapping.
         */
        @Test
        void randomResponsesDecode(PrismServer prism) throws Exception {
            SeedHeader seed = new SeedHeader();
            ContainerInstancesApi api = new ContainerInstancesApi(Clients.withoutCredentials(prism,
                    new org.contractfirst.notebooks.scnet.invoker.JSON().getMapper(),
                    chain -> chain.proceed(chain.request().newBuilder().header("token", "dyn").build()), seed));
            decodeAll("scnet-detail", seed, () -> api.getInstanceServiceDetail(ContainerInstancesApi.GetInstanceServiceDetailRequest.builder("4c1f43ddb030483e89b55413bee6c004").build()).execute().body());
        }
    }
}
