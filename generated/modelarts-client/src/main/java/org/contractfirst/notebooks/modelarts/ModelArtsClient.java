package org.contractfirst.notebooks.modelarts;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.contractfirst.notebooks.modelarts.api.DevEnvironApi;
import org.contractfirst.notebooks.modelarts.api.DevEnvironApi.ListNotebooksRequest;
import org.contractfirst.notebooks.modelarts.api.DevEnvironOldVersionApi;
import org.contractfirst.notebooks.modelarts.api.DevEnvironOldVersionApi.ListDevEnvInstancesRequest;
import org.contractfirst.notebooks.modelarts.invoker.JSON;
import org.contractfirst.notebooks.modelarts.model.DeInstance;
import org.contractfirst.notebooks.modelarts.model.DeInstanceList;
import org.contractfirst.notebooks.modelarts.model.ListNotebooksResponse;
import org.contractfirst.notebooks.modelarts.model.NotebookResp;
import org.contractfirst.notebooks.runtime.ClientBuilder;
import org.contractfirst.notebooks.runtime.ExpirySignal;
import org.contractfirst.notebooks.runtime.HeaderAuth;
import org.contractfirst.notebooks.runtime.HuaweiErrorDecoder;
import org.contractfirst.notebooks.runtime.Pages;
import org.contractfirst.notebooks.runtime.TokenAuth;
import org.contractfirst.notebooks.runtime.auth.AkSkCredentials;
import org.contractfirst.notebooks.runtime.auth.AkSkSigningInterceptor;
import org.contractfirst.notebooks.runtime.auth.CredentialsProvider;
import retrofit2.Retrofit;

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

    /** Huawei Cloud endpoint of a region, e.g. {@code https://modelarts.cn-north-4.myhuaweicloud.com/}. */
    public static String regionUrl(String region) {
        return "https://modelarts." + region + ".myhuaweicloud.com/";
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
     * Page size of the pagination helpers when the request sets no {@code limit}: 50, the largest size
     * {@code listNotebooks} accepts (10, 20 or 50; DISCREPANCIES.md row 53), also valid for the old version.
     */
    public static final int DEFAULT_PAGE_SIZE = 50;

    public static final class Builder extends ClientBuilder<Builder> {

        /** The generated mapper, shared by every client built without customizeMapper: Jackson builds its
         *  deserializers once per mapper, so a new client's first call costs no more than any other. */
        private static final ObjectMapper MAPPER = new JSON().getMapper();

        private Builder() {
        }

        /** Huawei Cloud region, e.g. {@code cn-north-4}; sets the base URL. */
        public Builder region(String region) {
            return baseUrl(regionUrl(region));
        }

        /** IAM token, sent as {@code X-Auth-Token}. */
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

        @Override
        protected boolean supportsAkSk() {
            return true;
        }

        public ModelArtsClient build() {
            return new ModelArtsClient(retrofit("ModelArts", new HuaweiErrorDecoder(), MAPPER));
        }
    }
}
