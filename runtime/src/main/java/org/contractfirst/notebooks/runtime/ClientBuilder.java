package org.contractfirst.notebooks.runtime;

import com.fasterxml.jackson.databind.ObjectMapper;
import okhttp3.HttpUrl;
import okhttp3.Interceptor;
import org.contractfirst.notebooks.runtime.internal.ContractChecks;
import org.contractfirst.notebooks.runtime.internal.Endpoints;
import org.contractfirst.notebooks.runtime.internal.ErrorDecoder;
import org.contractfirst.notebooks.runtime.internal.Origin;
import org.contractfirst.notebooks.runtime.internal.ServiceClients;
import retrofit2.Retrofit;

import java.util.Objects;
import java.util.function.Consumer;

/**
 * What the service clients' builders share: base URL, {@link ClientOptions}, the mapper and the plain-http opt-in.
 * Extended only inside the runtime, by {@link HuaweiClientBuilder} and {@link ScnetClientBuilder}, which add the
 * vendor's ways to name an endpoint and credentials; a client facade extends one of those and calls
 * {@link #retrofit(String, ObjectMapper)} in its {@code build()}.
 */
public abstract class ClientBuilder<B extends ClientBuilder<B>> {

    private String baseUrl;
    private Interceptor auth;
    private ClientOptions options = ClientOptions.defaults();
    private Consumer<? super ObjectMapper> mapperCustomizer; // null: the service's shared mapper as it is
    private boolean allowPlainHttp;

    ClientBuilder() { // subclasses live in this package only
    }

    /**
     * Base URL of the service, e.g. a Prism mock {@code http://127.0.0.1:4010}: http or https, a host, optionally a
     * port and a path. User info, a query, a fragment, whitespace or a backslash fail here with an
     * {@link IllegalArgumentException} that names what is wrong (never the value).
     */
    public B baseUrl(String baseUrl) {
        this.baseUrl = Endpoints.baseUrl(baseUrl).toString();
        return self();
    }

    public B options(ClientOptions options) {
        this.options = Objects.requireNonNull(options, "options");
        return self();
    }

    /**
     * Adjusts the client's own Jackson mapper before its first use, e.g. to register a module for a type of your
     * own or to change a feature. The mapper arrives configured the way the contract tests check it (unknown
     * properties and enum values tolerated, scalars coerced, the Blackbird module registered); changing those
     * settings changes what the client accepts. The customizer gets a copy of the service's mapper, used by this
     * client only; clients built without one share the service's mapper (and Jackson's deserializer caches).
     */
    public B customizeMapper(Consumer<? super ObjectMapper> customizer) {
        this.mapperCustomizer = Objects.requireNonNull(customizer, "customizer");
        return self();
    }

    /**
     * Allows an {@code http://} base URL on a host other than loopback: the credentials (token, or the AK/SK
     * signature and security token) then travel in clear text, readable and replayable by anyone on the path.
     * Only for a network you trust end to end; loopback ({@code localhost}, 127.0.0.0/8, ::1) needs no opt-in.
     */
    public B allowPlainHttp() {
        this.allowPlainHttp = true;
        return self();
    }

    B auth(Interceptor auth) {
        this.auth = Objects.requireNonNull(auth, "auth");
        return self();
    }

    /**
     * The configured Retrofit the facade builds its generated API classes on; fails with a message naming what is
     * missing. {@code service} names the service in messages, spans and the contract check ({@code ModelArts},
     * {@code EIHealth}, {@code SCNet}); {@code serviceMapper} is the service's generated mapper, shared by its
     * clients; it is copied, never changed, when {@link #customizeMapper} was called.
     */
    protected final Retrofit retrofit(String service, ObjectMapper serviceMapper) {
        Objects.requireNonNull(service, "service");
        Objects.requireNonNull(serviceMapper, "serviceMapper");
        ErrorDecoder errors = errorDecoder();
        if (baseUrl == null) {
            throw new IllegalStateException(service + " client: no endpoint; call region(...) or baseUrl(...)");
        }
        if (auth == null) {
            throw new IllegalStateException(service + " client: no credentials; call token(...)"
                    + (supportsAkSk() ? " or akSk(...)" : ""));
        }
        HttpUrl url = ServiceClients.normalize(baseUrl);
        Origin origin = Origin.of(url);
        if (!url.isHttps() && !origin.isLoopback() && !allowPlainHttp) {
            throw new IllegalStateException(service + " client: refusing plain http to " + origin
                    + ": the credentials would travel in clear text, readable and replayable by anyone on the way;"
                    + " use https, or call allowPlainHttp() if the network is trusted end to end"
                    + " (loopback hosts need no opt-in)");
        }
        ObjectMapper mapper = serviceMapper;
        if (mapperCustomizer != null) {
            mapper = serviceMapper.copy();
            mapperCustomizer.accept(mapper);
        }
        // The contract check (off unless ClientOptions or -Dnotebooks.contractCheck turn it on) sits inside the
        // origin-bound auth.
        Interceptor authAndCheck = ContractChecks.around(service, options.contractCheck(), auth);
        return ServiceClients.retrofit(baseUrl, ServiceClients.httpClient(options, authAndCheck, errors, origin), mapper);
    }

    /** How the vendor's errors are read. */
    abstract ErrorDecoder errorDecoder();

    boolean supportsAkSk() {
        return false;
    }

    @SuppressWarnings("unchecked")
    private B self() {
        return (B) this;
    }
}
