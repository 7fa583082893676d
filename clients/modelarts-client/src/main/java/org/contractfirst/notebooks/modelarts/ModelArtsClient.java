package org.contractfirst.notebooks.modelarts;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.contractfirst.notebooks.modelarts.api.DevEnvironApi.ListNotebooksRequest;
import org.contractfirst.notebooks.modelarts.api.DevEnvironApi;
import org.contractfirst.notebooks.modelarts.api.DevEnvironOldVersionApi.ListDevEnvInstancesRequest;
import org.contractfirst.notebooks.modelarts.api.DevEnvironOldVersionApi;
import org.contractfirst.notebooks.modelarts.invoker.JSON;
import org.contractfirst.notebooks.modelarts.model.DeInstance;
import org.contractfirst.notebooks.modelarts.model.DeInstanceList;
import org.contractfirst.notebooks.modelarts.model.ListNotebooksResponse;
import org.contractfirst.notebooks.modelarts.model.NotebookResp;
import org.contractfirst.notebooks.runtime.ApiException;
import org.contractfirst.notebooks.runtime.HuaweiClientBuilder;
import org.contractfirst.notebooks.runtime.internal.Pages;
import org.contractfirst.notebooks.runtime.state.StateMapping;
import org.contractfirst.notebooks.runtime.state.WaitOptions;
import org.contractfirst.notebooks.runtime.state.WaitResult;
import org.contractfirst.notebooks.runtime.state.Waiter;
import retrofit2.Retrofit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;

/**
 * Hand-written entry point of the ModelArts client: a configured HTTP stack (typed errors, retries of
 * idempotent calls, credentials) and the generated API interfaces on top of it.
 *
 * <pre>{@code
 * ModelArtsClient modelarts = ModelArtsClient.builder().region("cn-north-4").token(token).build();
 * ListNotebooksResponse page = modelarts.devEnviron()
 *         .listNotebooks(ListNotebooksRequest.builder(projectId).limit(10).build()).execute().body();
 * }</pre>
 * Waiting for a state: {@code modelarts.waitForNotebook(list, id, WaitOptions.until(NotebookState.RUNNING))}.
 * Build one client per credentials and reuse it: clients are thread-safe and share one connection pool.
 */
public final class ModelArtsClient {

    private final DevEnvironApi devEnviron;
    private final DevEnvironOldVersionApi devEnvironOldVersion;

    private ModelArtsClient(Retrofit retrofit) {
        this.devEnviron = new DevEnvironApi(retrofit);
        this.devEnvironOldVersion = new DevEnvironOldVersionApi(retrofit);
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Huawei Cloud endpoint of a region, e.g. {@code https://modelarts.cn-north-4.myhuaweicloud.com/};
     *  anything but a region id such as {@code cn-north-4} fails with an {@link IllegalArgumentException}. */
    public static String regionUrl(String region) {
        return HuaweiClientBuilder.regionUrl("modelarts", region);
    }

    /** Notebook instances (new version): listNotebooks, openCodeLab. */
    public DevEnvironApi devEnviron() {
        return devEnviron;
    }

    /** Development environment instances (old version): listDevEnvInstances. */
    public DevEnvironOldVersionApi devEnvironOldVersion() {
        return devEnvironOldVersion;
    }

    /**
     * Every notebook instance the request selects (its filters apply to every page), fetched lazily as the
     * stream is consumed: pages of the request's {@code limit} (else {@value #DEFAULT_PAGE_SIZE}) from its
     * {@code offset} (else 0), until the reported total.
     */
    public Stream<NotebookResp> allNotebooks(ListNotebooksRequest request) {
        return Pages.stream(request.getOffset(), request.getLimit(), DEFAULT_PAGE_SIZE,
                (offset, limit) -> devEnviron.listNotebooks(request.toBuilder().offset(offset).limit(limit).build())
                        .execute().body(),
                ListNotebooksResponse::getData, ListNotebooksResponse::getTotal);
    }

    /**
     * Every development environment instance (old version) the request selects, fetched lazily: pages of the
     * request's {@code limit} (else {@value #DEFAULT_PAGE_SIZE}) from its {@code offset} (else 0).
     */
    public Stream<DeInstance> allDevEnvInstances(ListDevEnvInstancesRequest request) {
        return Pages.stream(request.getOffset(), request.getLimit(), DEFAULT_PAGE_SIZE,
                (offset, limit) -> devEnvironOldVersion.listDevEnvInstances(
                        request.toBuilder().offset(offset).limit(limit).build()).execute().body(),
                DeInstanceList::getInstances, DeInstanceList::getTotalCount);
    }

    /**
     * Waits until notebook {@code notebookId} (new version) of the project {@code list} selects reaches a state of
     * {@code options}, a failure state, or the timeout; see {@link Waiter} for the rules. Each poll lists with
     * {@code list} filtered by {@code id} (the official SDK's filter; the id is matched here too); unless
     * {@code list} sets a {@code feature}, billed instances (NOTEBOOK, the service's default) first, then free
     * CodeLab instances (DEFAULT), which the default listing leaves out; later polls ask the one that found it. A
     * 404 with {@code ModelArts.6309} (the instance does not exist) counts as not returned; any other 404 (an
     * unknown project) is thrown.
     *
     * @param list the listing to poll, e.g. {@code ListNotebooksRequest.builder(projectId).build()}
     * @throws IOException the service answered with an error that waiting would not cure ({@code ApiException}),
     *                     or the connection failed
     */
    public WaitResult<NotebookResp> waitForNotebook(ListNotebooksRequest list, String notebookId, WaitOptions options)
            throws IOException {
        return waitForNotebook(list, notebookId, null, options);
    }

    /**
     * Waits for {@code instance}, e.g. the one {@code openCodeLab} just answered (listed with its own
     * {@code feature} first), as {@link #waitForNotebook(ListNotebooksRequest, String, WaitOptions)} does:
     * {@code modelarts.waitForNotebook(list, modelarts.devEnviron().openCodeLab(open).execute().body(), options)}.
     */
    public WaitResult<NotebookResp> waitForNotebook(ListNotebooksRequest list, NotebookResp instance,
                                                    WaitOptions options) throws IOException {
        Objects.requireNonNull(instance, "instance");
        return waitForNotebook(list, instance.getId(), Objects.toString(instance.getFeature(), null), options);
    }

    /**
     * Waits until development environment instance {@code instanceId} (old version) reaches a state of
     * {@code options}, a failure state, or the timeout; see {@link Waiter}. The old API has no id filter: each
     * poll pages through what {@code list} selects until it finds the id.
     *
     * @param list the listing to poll, e.g. {@code ListDevEnvInstancesRequest.builder(projectId).build()}
     */
    public WaitResult<DeInstance> waitForDevEnvInstance(ListDevEnvInstancesRequest list, String instanceId,
                                                        WaitOptions options) throws IOException {
        Objects.requireNonNull(list, "list");
        requireId(instanceId, "instanceId");
        Objects.requireNonNull(options, "options");
        return Waiter.await(options, StateMapping.MODELARTS_OLD,
                () -> first(allDevEnvInstances(list).filter(d -> instanceId.equals(d.getId()))),
                d -> Objects.toString(d.getStatus(), null));
    }

    private WaitResult<NotebookResp> waitForNotebook(ListNotebooksRequest list, String notebookId, String firstFeature,
                                                     WaitOptions options) throws IOException {
        Objects.requireNonNull(list, "list");
        requireId(notebookId, "notebookId");
        Objects.requireNonNull(options, "options");
        List<String> features = list.getFeature() != null ? List.of(list.getFeature())
                : FEATURE_CODELAB.equals(firstFeature) ? List.of(FEATURE_CODELAB, FEATURE_NOTEBOOK)
                : List.of(FEATURE_NOTEBOOK, FEATURE_CODELAB);
        AtomicReference<String> foundIn = new AtomicReference<>();
        return Waiter.await(options, StateMapping.MODELARTS, () -> {
            for (String feature : foundIn.get() != null ? List.of(foundIn.get()) : features) {
                ListNotebooksRequest page = list.toBuilder().id(notebookId).feature(feature).limit(DEFAULT_PAGE_SIZE)
                        .build();
                NotebookResp n = first(allNotebooks(page).filter(x -> notebookId.equals(x.getId())));
                if (n != null) {
                    foundIn.set(feature);
                    return n;
                }
            }
            return null;
        }, n -> Objects.toString(n.getStatus(), null));
    }

    /**
     * The first element, the fetch's own IOException (e.g. an ApiException) unwrapped; null for a 404 with
     * {@value #INSTANCE_NOT_FOUND} (the instance does not exist), while any other 404 (an unknown project) is thrown.
     */
    private static <T> T first(Stream<T> stream) throws IOException {
        try (stream) {
            return stream.findFirst().orElse(null);
        } catch (UncheckedIOException e) {
            if (e.getCause() instanceof ApiException api && api.httpStatus() == 404
                    && INSTANCE_NOT_FOUND.equals(api.errorCode())) {
                return null;
            }
            throw e.getCause();
        }
    }

    private static void requireId(String id, String name) {
        if (id == null || id.isBlank()) {
            throw new IllegalArgumentException(name + " must not be blank");
        }
    }

    /** ModelArts' error code for "the notebook instance does not exist". */
    private static final String INSTANCE_NOT_FOUND = "ModelArts.6309";
    private static final String FEATURE_NOTEBOOK = "NOTEBOOK";
    private static final String FEATURE_CODELAB = "DEFAULT";
    /**
     * Page size of the pagination helpers when the request sets no {@code limit}: 50, the largest size
     * {@code listNotebooks} accepts (10, 20 or 50; DISCREPANCIES.md row 53), also valid for the old version.
     */
    public static final int DEFAULT_PAGE_SIZE = 50;

    /** Builds a {@link ModelArtsClient}: region or base URL, credentials, options ({@link HuaweiClientBuilder}). */
    public static final class Builder extends HuaweiClientBuilder<Builder> {

        /** The generated mapper, shared by every client built without customizeMapper: Jackson builds its
         *  deserializers once per mapper, so a new client's first call costs no more than any other. */
        private static final ObjectMapper MAPPER = new JSON().getMapper();

        private Builder() {
            super("modelarts");
        }

        public ModelArtsClient build() {
            return new ModelArtsClient(retrofit("ModelArts", MAPPER));
        }
    }
}
