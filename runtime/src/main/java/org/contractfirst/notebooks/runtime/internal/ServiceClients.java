package org.contractfirst.notebooks.runtime.internal;

import com.fasterxml.jackson.databind.ObjectMapper;
import okhttp3.HttpUrl;
import okhttp3.Interceptor;
import okhttp3.OkHttpClient;
import okhttp3.logging.HttpLoggingInterceptor;
import org.contractfirst.notebooks.runtime.ClientOptions;
import retrofit2.Retrofit;
import retrofit2.converter.scalars.ScalarsConverterFactory;

import java.util.List;

/**
 * Assembles the HTTP stack every service client uses. Application interceptors, outermost first:
 * {@link ErrorMappingInterceptor} (typed errors), {@link RetryInterceptor} (idempotent retries),
 * {@link RedirectInterceptor} (same-origin redirects followed, others refused: OkHttp's own following is off),
 * the authentication bound to the configured {@link Origin} ({@link OriginBoundAuth}: token header or AK/SK
 * signature, so each attempt and each redirect hop is signed afresh); then, as a network interceptor, optional
 * redacted logging of what goes on the wire. With {@code ClientOptions.Builder#openTelemetry} the operation's span and
 * duration ({@code OperationTelemetry}) wrap them all.
 */
public final class ServiceClients {

    /** Headers whose values never reach a log. */
    public static final List<String> SECRET_HEADERS = List.of("X-Auth-Token", "token", "Authorization", "X-Security-Token",
            "Proxy-Authorization");

    private ServiceClients() {
    }

    /**
     * A client derived from the options' base client (it shares its connection pool, dispatcher, proxy and TLS
     * settings) that sends credentials to {@code origin} only and follows redirects within it (when the base
     * client follows redirects at all). The only factory: there is none whose credentials go to any origin.
     */
    public static OkHttpClient httpClient(ClientOptions options, Interceptor auth, ErrorDecoder errors, Origin origin) {
        boolean follow = options.baseClient().followRedirects();
        return builder(options, auth == null ? null : new OriginBoundAuth(origin, auth), errors,
                new RedirectInterceptor(origin, follow))
                .followRedirects(false)
                .followSslRedirects(false)
                .build();
    }

    private static OkHttpClient.Builder builder(ClientOptions options, Interceptor auth, ErrorDecoder errors,
                                                Interceptor... beforeAuth) {
        OkHttpClient.Builder builder = options.baseClient().newBuilder()
                .connectTimeout(options.connectTimeout())
                .readTimeout(options.readTimeout())
                .writeTimeout(options.writeTimeout())
                .callTimeout(options.callTimeout())
                // Retries are the RetryInterceptor's decision alone: OkHttp must not silently repeat a POST.
                .retryOnConnectionFailure(false)
                .addInterceptor(new ErrorMappingInterceptor(errors))
                .addInterceptor(new RetryInterceptor(options.retryPolicy(), options.retrySleeper()));
        for (Interceptor interceptor : beforeAuth) {
            builder.addInterceptor(interceptor);
        }
        if (auth != null) {
            builder.addInterceptor(auth);
        }
        if (options.httpLog() != ClientOptions.HttpLog.NONE) {
            System.Logger logger = options.logger();
            HttpLoggingInterceptor logging = new HttpLoggingInterceptor(line -> logger.log(System.Logger.Level.INFO, line));
            logging.setLevel(options.httpLog() == ClientOptions.HttpLog.HEADERS
                    ? HttpLoggingInterceptor.Level.HEADERS : HttpLoggingInterceptor.Level.BASIC);
            SECRET_HEADERS.forEach(logging::redactHeader);
            builder.addNetworkInterceptor(logging);
        }
        if (options.openTelemetry() != null) { // off: not one class of the OpenTelemetry API is loaded
            OperationTelemetry.install(builder, options.baseClient(), options.openTelemetry());
        }
        return builder;
    }

    /** Retrofit over {@code client}, decoding with the generated client's own Jackson mapper. */
    public static Retrofit retrofit(String baseUrl, OkHttpClient client, ObjectMapper mapper) {
        return new Retrofit.Builder()
                .baseUrl(normalize(baseUrl))
                .client(client)
                .addConverterFactory(ScalarsConverterFactory.create())
                .addConverterFactory(DecodingConverterFactory.create(mapper))
                .build();
    }

    /** The base URL with a trailing slash, parsed strictly ({@link Endpoints}); a clear error for a malformed one. */
    public static HttpUrl normalize(String baseUrl) {
        return Endpoints.baseUrl(baseUrl);
    }
}
