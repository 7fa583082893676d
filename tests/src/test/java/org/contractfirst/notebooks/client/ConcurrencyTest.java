package org.contractfirst.notebooks.client;

import org.contractfirst.notebooks.modelarts.api.DevEnvironApi;
import okhttp3.mockwebserver.Dispatcher;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.RecordedRequest;
import org.contractfirst.notebooks.contract.support.Fixtures;
import org.contractfirst.notebooks.modelarts.ModelArtsClient;
import org.contractfirst.notebooks.modelarts.model.ListNotebooksResponse;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/** One client shared by 8 threads, 1,000 calls against a local server: no errors, every answer decoded whole. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class ConcurrencyTest {

    private static final int THREADS = 8;
    private static final int CALLS_PER_THREAD = 125;

    @Test
    void eightThreadsShareOneClient() throws Exception {
        String page = Fixtures.seedExample("modelarts-list-notebooks.json");
        try (MockWebServer server = new MockWebServer()) {
            server.setDispatcher(new Dispatcher() {
                @Override
                public MockResponse dispatch(RecordedRequest request) {
                    // echo the project id so each thread can check it got its own answer
                    String project = request.getRequestUrl().pathSegments().get(1);
                    return new MockResponse().setHeader("Content-Type", "application/json")
                            .setHeader("X-Request-Id", project).setBody(page);
                }
            });
            server.start();
            ModelArtsClient client = ModelArtsClient.builder().baseUrl(server.url("/").toString()).token("concurrency-token").build();
            ExecutorService pool = Executors.newFixedThreadPool(THREADS);
            CountDownLatch start = new CountDownLatch(1);
            ConcurrentLinkedQueue<Throwable> errors = new ConcurrentLinkedQueue<>();
            AtomicInteger decoded = new AtomicInteger();
            List<Future<?>> futures = new ArrayList<>();
            for (int t = 0; t < THREADS; t++) {
                String project = "project-" + t;
                futures.add(pool.submit(() -> {
                    start.await();
                    for (int i = 0; i < CALLS_PER_THREAD; i++) {
                        try {
                            var response = client.devEnviron().listNotebooks(DevEnvironApi.ListNotebooksRequest.builder(project).limit(10).offset(i).build()).execute();
                            ListNotebooksResponse body = response.body();
                            assertThat(response.headers().get("X-Request-Id")).isEqualTo(project);
                            assertThat(body.getTotal()).isEqualTo(2L);
                            assertThat(body.getData().get(1).getId()).isEqualTo("f9937afa-4451-42db-a76b-72d624749f66");
                            decoded.incrementAndGet();
                        } catch (Throwable e) {
                            errors.add(e);
                        }
                    }
                    return null;
                }));
            }
            start.countDown();
            for (Future<?> f : futures) {
                f.get(50, TimeUnit.SECONDS);
            }
            pool.shutdown();

            assertThat(errors).isEmpty();
            assertThat(decoded.get()).isEqualTo(THREADS * CALLS_PER_THREAD);
            assertThat(server.getRequestCount()).isEqualTo(THREADS * CALLS_PER_THREAD);
        }
    }
}
