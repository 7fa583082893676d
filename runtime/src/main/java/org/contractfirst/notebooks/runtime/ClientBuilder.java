package org.contractfirst.notebooks.runtime;

import com.fasterxml.jackson.databind.ObjectMapper;
import okhttp3.Interceptor;
import retrofit2.Retrofit;

import java.util.Objects;

/**
 * What the service clients' builders share: base URL, credentials and {@link ClientOptions}; subclasses add
 * the service's own ways to name them (a region, a token, AK/SK).
 */
public abstract class ClientBuilder<B extends ClientBuilder<B>> {

    private String baseUrl;
    private Interceptor auth;
    private ClientOptions options = ClientOptions.defaults();

    /** Base URL of the service, e.g. a Prism mock {@code http://127.0.0.1:4010}. */
    public B baseUrl(String baseUrl) {
        this.baseUrl = baseUrl;
        return self();
    }

    public B options(ClientOptions options) {
        this.options = Objects.requireNonNull(options, "options");
        return self();
    }

    protected B auth(Interceptor auth) {
        this.auth = Objects.requireNonNull(auth, "auth");
        return self();
    }

    /** The configured Retrofit; fails with a message naming what is missing. */
    protected Retrofit retrofit(String service, ErrorDecoder errors, ObjectMapper mapper) {
        if (baseUrl == null) {
            throw new IllegalStateException(service + " client: no endpoint; call region(...) or baseUrl(...)");
        }
        if (auth == null) {
            throw new IllegalStateException(service + " client: no credentials; call token(...)"
                    + (supportsAkSk() ? " or akSk(...)" : ""));
        }
        return ServiceClients.retrofit(baseUrl, ServiceClients.httpClient(options, auth, errors), mapper);
    }

    protected boolean supportsAkSk() {
        return false;
    }

    @SuppressWarnings("unchecked")
    private B self() {
        return (B) this;
    }
}
