package org.contractfirst.notebooks.client;

import org.contractfirst.notebooks.client.support.MockWebServerExtension;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.contractfirst.notebooks.modelarts.api.DevEnvironOldVersionApi;
import org.contractfirst.notebooks.modelarts.api.DevEnvironApi;
import org.contractfirst.notebooks.eihealth.api.NotebooksApi;
import okhttp3.mockwebserver.Dispatcher;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.RecordedRequest;
import org.contractfirst.notebooks.eihealth.EihealthClient;
import org.contractfirst.notebooks.eihealth.model.NotebookEntity;
import org.contractfirst.notebooks.modelarts.ModelArtsClient;
import org.contractfirst.notebooks.modelarts.model.DeInstance;
import org.contractfirst.notebooks.modelarts.model.NotebookResp;
import org.contractfirst.notebooks.modelarts.model.NotebookStatus;
import org.contractfirst.notebooks.runtime.ApiException;
import org.contractfirst.notebooks.runtime.ClientOptions;
import org.contractfirst.notebooks.runtime.RetryPolicy;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** The lazy offset/limit streams of the three list operations, checked on the requests the server saw. */
class PaginationTest {

    @RegisterExtension
    final MockWebServerExtension mock = new MockWebServerExtension();
    private final MockWebServer server = mock.server();
    private final List<String> requests = new CopyOnWriteArrayList<>();

    /** Serves {@code total} items, {@code limit} from {@code offset}; the body is built by {@code page}. */
    private void serve(int total, PageBody page, int failAtOffset) {
        server.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) {
                int offset = Integer.parseInt(request.getRequestUrl().queryParameter("offset"));
                int limit = Integer.parseInt(request.getRequestUrl().queryParameter("limit"));
                requests.add(offset + "/" + limit);
                if (offset == failAtOffset) {
                    return new MockResponse().setResponseCode(403).setHeader("Content-Type", "application/json")
                            .setBody("{\"error_code\":\"ModelArts.0106\",\"error_msg\":\"Insufficient permissions\"}");
                }
                String items = IntStream.range(offset, Math.min(total, offset + limit))
                        .mapToObj(i -> "{\"id\":\"item-" + i + "\"}").collect(Collectors.joining(","));
                return new MockResponse().setHeader("Content-Type", "application/json").setBody(page.body(total, items));
            }
        });
    }

    interface PageBody {
        String body(int total, String items);
    }

    private ClientOptions options() {
        return ClientOptions.builder().retryPolicy(RetryPolicy.none()).build();
    }

    private ModelArtsClient modelarts() {
        return ModelArtsClient.builder().baseUrl(server.url("/").toString()).token("page-token").options(options()).build();
    }

    @Test
    void modelartsNotebooksStopAtTheTotalAndFetchEachPageOnce() {
        serve(5, (total, items) -> "{\"total\":" + total + ",\"data\":[" + items + "]}", -1);

        List<String> ids = modelarts().allNotebooks(DevEnvironApi.ListNotebooksRequest.builder("p").limit(2).build()).map(NotebookResp::getId).toList();

        assertThat(ids).containsExactly("item-0", "item-1", "item-2", "item-3", "item-4");
        assertThat(requests).containsExactly("0/2", "2/2", "4/2");
    }

    @Test
    void theRequestsFiltersGoWithEveryPageFromItsOffsetOnAndTheDefaultPageSizeApplies() throws Exception {
        serve(5, (total, items) -> "{\"total\":" + total + ",\"data\":[" + items + "]}", -1);

        List<String> ids = modelarts().allNotebooks(DevEnvironApi.ListNotebooksRequest.builder("p")
                .status(NotebookStatus.RUNNING).owner("0123456789abcdef0123456789abcdef").offset(1).build())
                .map(NotebookResp::getId).toList();

        assertThat(ids).containsExactly("item-1", "item-2", "item-3", "item-4");
        assertThat(requests).containsExactly("1/" + ModelArtsClient.DEFAULT_PAGE_SIZE);
        assertThat(ModelArtsClient.DEFAULT_PAGE_SIZE).as("the largest limit listNotebooks accepts (10, 20, 50)").isEqualTo(50);
        assertThat(server.takeRequest().getPath()).isEqualTo("/v1/p/notebooks?limit=50&offset=1"
                + "&owner=0123456789abcdef0123456789abcdef&status=RUNNING");
    }

    @Test
    void eihealthFiltersGoWithEveryPage() throws Exception {
        serve(3, (total, items) -> "{\"count\":" + total + ",\"notebooks\":[" + items + "]}", -1);
        EihealthClient client = EihealthClient.builder().baseUrl(server.url("/").toString()).token("page-token").options(options()).build();

        assertThat(client.allNotebooks(NotebooksApi.ListNotebooksRequest.builder("p", "e").status("Running").limit(2).build()).count())
                .isEqualTo(3);

        assertThat(server.takeRequest().getPath()).isEqualTo("/v1/p/eihealth-projects/e/notebooks?limit=2&offset=0&status=Running");
        assertThat(server.takeRequest().getPath()).isEqualTo("/v1/p/eihealth-projects/e/notebooks?limit=2&offset=2&status=Running");
    }

    @Test
    void streamIsLazy() {
        serve(1000, (total, items) -> "{\"total\":" + total + ",\"data\":[" + items + "]}", -1);

        List<String> firstThree = modelarts().allNotebooks(DevEnvironApi.ListNotebooksRequest.builder("p").limit(2).build()).limit(3).map(NotebookResp::getId).toList();

        assertThat(firstThree).containsExactly("item-0", "item-1", "item-2");
        assertThat(requests).containsExactly("0/2", "2/2");
    }

    @Test
    void eihealthNotebooksUseCount() {
        serve(3, (total, items) -> "{\"count\":" + total + ",\"notebooks\":[" + items + "]}", -1);
        EihealthClient client = EihealthClient.builder().baseUrl(server.url("/").toString()).token("page-token").options(options()).build();

        List<String> ids = client.allNotebooks(NotebooksApi.ListNotebooksRequest.builder("p", "e").limit(2).build()).map(NotebookEntity::getId).toList();

        assertThat(ids).containsExactly("item-0", "item-1", "item-2");
        assertThat(requests).containsExactly("0/2", "2/2");
    }

    @Test
    void devEnvInstancesUseTotalCount() {
        serve(4, (total, items) -> "{\"total_count\":" + total + ",\"instances\":[" + items + "]}", -1);

        List<String> ids = modelarts().allDevEnvInstances(DevEnvironOldVersionApi.ListDevEnvInstancesRequest.builder("p").limit(4).build()).map(DeInstance::getId).toList();

        assertThat(ids).containsExactly("item-0", "item-1", "item-2", "item-3");
        assertThat(requests).containsExactly("0/4");
    }

    @Test
    void anEmptyPageBeforeTheTotalEndsTheStream() {
        serve(2, (total, items) -> "{\"total\":10,\"data\":[" + items + "]}", -1);

        assertThat(modelarts().allNotebooks(DevEnvironApi.ListNotebooksRequest.builder("p").limit(2).build()).count()).isEqualTo(2);
        assertThat(requests).containsExactly("0/2", "2/2");
    }

    @Test
    void aFailingPageSurfacesItsTypedErrorAfterTheItemsBeforeIt() {
        serve(6, (total, items) -> "{\"total\":" + total + ",\"data\":[" + items + "]}", 2);
        List<String> seen = new CopyOnWriteArrayList<>();

        UncheckedIOException e = catchThrowableOfType(UncheckedIOException.class,
                () -> modelarts().allNotebooks(DevEnvironApi.ListNotebooksRequest.builder("p").limit(2).build()).forEach(n -> seen.add(n.getId())));

        assertThat(seen).containsExactly("item-0", "item-1");
        assertThat(e.getCause()).isInstanceOf(ApiException.class);
        assertThat(((ApiException) e.getCause()).httpStatus()).isEqualTo(403);
        assertThat(((ApiException) e.getCause()).errorCode()).isEqualTo("ModelArts.0106");
        assertThat(e.getMessage()).startsWith("fetching the page at offset 2 failed");
        assertThat(requests).containsExactly("0/2", "2/2");
    }
}
