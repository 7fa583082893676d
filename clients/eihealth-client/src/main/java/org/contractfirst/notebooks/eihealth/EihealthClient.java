package org.contractfirst.notebooks.eihealth;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.contractfirst.notebooks.eihealth.api.NotebooksApi.ListNotebooksRequest;
import org.contractfirst.notebooks.eihealth.api.NotebooksApi;
import org.contractfirst.notebooks.eihealth.invoker.JSON;
import org.contractfirst.notebooks.eihealth.model.ListNotebooksResponse;
import org.contractfirst.notebooks.eihealth.model.NotebookEntity;
import org.contractfirst.notebooks.runtime.HuaweiClientBuilder;
import org.contractfirst.notebooks.runtime.internal.Pages;
import org.contractfirst.notebooks.runtime.state.StateMapping;
import org.contractfirst.notebooks.runtime.state.WaitOptions;
import org.contractfirst.notebooks.runtime.state.WaitResult;
import org.contractfirst.notebooks.runtime.state.Waiter;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Objects;
import java.util.stream.Stream;

/**
 * Hand-written entry point of the EIHealth client: a configured HTTP stack (typed errors, retries of
 * idempotent calls, credentials) and the generated API on top of it. Thread-safe; build once, reuse.
 */
public final class EihealthClient {

    private final NotebooksApi notebooks;

    private EihealthClient(NotebooksApi notebooks) {
        this.notebooks = notebooks;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Huawei Cloud endpoint of a region, e.g. {@code https://eihealth.cn-north-4.myhuaweicloud.com/};
     *  anything but a region id such as {@code cn-north-4} fails with an {@link IllegalArgumentException}. */
    public static String regionUrl(String region) {
        return HuaweiClientBuilder.regionUrl("eihealth", region);
    }

    /** Notebooks of an EIHealth project: listNotebooks. */
    public NotebooksApi notebooks() {
        return notebooks;
    }

    /**
     * Every notebook the request selects (its filters apply to every page), fetched lazily as the stream is
     * consumed: pages of the request's {@code limit} (1 to 1000, else {@value #DEFAULT_PAGE_SIZE}) from its
     * {@code offset} (else 0), until the reported count.
     */
    public Stream<NotebookEntity> allNotebooks(ListNotebooksRequest request) {
        return Pages.stream(request.getOffset(), request.getLimit(), DEFAULT_PAGE_SIZE,
                (offset, limit) -> notebooks.listNotebooks(request.toBuilder().offset(offset).limit(limit).build())
                        .execute().body(),
                ListNotebooksResponse::getNotebooks, ListNotebooksResponse::getCount);
    }

    /**
     * Waits until notebook {@code notebookId} reaches a state of {@code options}, a failure state, or the timeout;
     * see {@link Waiter} for the rules. The API has no id filter: each poll pages through what {@code list} selects
     * until it finds the id.
     *
     * @param list the listing to poll, e.g. {@code ListNotebooksRequest.builder(projectId, eihealthProjectId).build()}
     * @throws IOException the service answered with an error that waiting would not cure ({@code ApiException}),
     *                     or the connection failed
     */
    public WaitResult<NotebookEntity> waitForNotebook(ListNotebooksRequest list, String notebookId, WaitOptions options)
            throws IOException {
        Objects.requireNonNull(list, "list");
        if (notebookId == null || notebookId.isBlank()) {
            throw new IllegalArgumentException("notebookId must not be blank");
        }
        Objects.requireNonNull(options, "options");
        return Waiter.await(options, StateMapping.EIHEALTH, () -> {
            try (Stream<NotebookEntity> all = allNotebooks(list)) {
                return all.filter(n -> notebookId.equals(n.getId())).findFirst().orElse(null);
            } catch (UncheckedIOException e) {
                throw e.getCause();
            }
        }, n -> Objects.toString(n.getStatus(), null));
    }

    /** Page size of {@link #allNotebooks} when the request sets no {@code limit}. */
    public static final int DEFAULT_PAGE_SIZE = 100;

    /** Builds an {@link EihealthClient}: region or base URL, credentials, options ({@link HuaweiClientBuilder}). */
    public static final class Builder extends HuaweiClientBuilder<Builder> {

        /** The generated mapper, shared by every client built without customizeMapper: Jackson builds its
         *  deserializers once per mapper, so a new client's first call costs no more than any other. */
        private static final ObjectMapper MAPPER = new JSON().getMapper();

        private Builder() {
            super("eihealth");
        }

        public EihealthClient build() {
            return new EihealthClient(new NotebooksApi(retrofit("EIHealth", MAPPER)));
        }
    }
}
