package org.contractfirst.notebooks.eihealth;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.contractfirst.notebooks.eihealth.api.NotebooksApi;
import org.contractfirst.notebooks.eihealth.api.NotebooksApi.ListNotebooksRequest;
import org.contractfirst.notebooks.eihealth.invoker.JSON;
import org.contractfirst.notebooks.eihealth.model.ListNotebooksResponse;
import org.contractfirst.notebooks.eihealth.model.NotebookEntity;
import org.contractfirst.notebooks.runtime.ClientBuilder;
import org.contractfirst.notebooks.runtime.Endpoints;
import org.contractfirst.notebooks.runtime.ExpirySignal;
import org.contractfirst.notebooks.runtime.HeaderAuth;
import org.contractfirst.notebooks.runtime.HuaweiErrorDecoder;
import org.contractfirst.notebooks.runtime.Pages;
import org.contractfirst.notebooks.runtime.TokenAuth;
import org.contractfirst.notebooks.runtime.auth.AkSkCredentials;
import org.contractfirst.notebooks.runtime.auth.AkSkSigningInterceptor;
import org.contractfirst.notebooks.runtime.auth.CredentialsProvider;
import org.contractfirst.notebooks.runtime.auth.DefaultCredentialsChain;
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
        return Endpoints.huaweiRegionUrl("eihealth", region);
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

    public static final class Builder extends ClientBuilder<Builder> {

        /** The generated mapper, shared by every client built without customizeMapper: Jackson builds its
         *  deserializers once per mapper, so a new client's first call costs no more than any other. */
        private static final ObjectMapper MAPPER = new JSON().getMapper();

        private Builder() {
        }

        /** Huawei Cloud region id, e.g. {@code cn-north-4}; sets the base URL (anything but a region id fails here). */
        public Builder region(String region) {
            return baseUrl(regionUrl(region));
        }

        /** IAM token, sent as {@code X-Auth-Token}; a control character in it (a trailing CR/LF) fails here. */
        public Builder token(String token) {
            return auth(HeaderAuth.xAuthToken(token));
        }

        /** Access key / secret key (and optionally a security token and project id): requests are signed with SDK-HMAC-SHA256. */
        public Builder akSk(AkSkCredentials credentials) {
            return auth(new AkSkSigningInterceptor(credentials));
        }

        /**
         * IAM tokens that change (an IAM token expires after 24 hours): {@code tokens} is asked before each request
         * (cache in it, e.g. {@link org.contractfirst.notebooks.runtime.auth.RefreshingCredentialsProvider}); on a 401
         * that says the token expired ({@code APIGW.0307}, or {@code APIGW.0301} "token expires") it is told, asked
         * again, and the request is sent once more with the new token. A wrong token is reported at once.
         */
        public Builder tokenProvider(CredentialsProvider<String> tokens) {
            return auth(new TokenAuth("X-Auth-Token", tokens, ExpirySignal.HUAWEI));
        }

        /** Temporary AK/SK with a security token, from {@code credentials} before each request; refreshed the same way as {@link #tokenProvider}. */
        public Builder akSkProvider(CredentialsProvider<AkSkCredentials> credentials) {
            return auth(new AkSkSigningInterceptor(credentials, ExpirySignal.HUAWEI, java.time.Clock.systemUTC()));
        }

        /**
         * Credentials found the way the official SDK finds them ({@link DefaultCredentialsChain}): the variables
         * {@code HUAWEICLOUD_SDK_AK} / {@code _SK} (+ {@code _SECURITY_TOKEN}, {@code _PROJECT_ID}), else the
         * {@code [basic]} section of {@code ~/.huaweicloud/credentials}, else the ECS metadata service (temporary
         * AK/SK, refreshed before they expire). Looked up at the first request, not here; a request fails with an
         * {@code IOException} listing each place and why it gave nothing. To configure the chain, pass it to
         * {@link #akSkProvider}.
         */
        public Builder defaultCredentials() {
            return akSkProvider(DefaultCredentialsChain.create());
        }

        @Override
        protected boolean supportsAkSk() {
            return true;
        }

        public EihealthClient build() {
            return new EihealthClient(new NotebooksApi(retrofit("EIHealth", new HuaweiErrorDecoder(), MAPPER)));
        }
    }
}
