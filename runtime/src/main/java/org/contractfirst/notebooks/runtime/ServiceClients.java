package org.contractfirst.notebooks.runtime;

import com.fasterxml.jackson.databind.ObjectMapper;
import okhttp3.HttpUrl;
import okhttp3.Interceptor;
import okhttp3.OkHttpClient;
import okhttp3.logging.HttpLoggingInterceptor;
import retrofit2.Retrofit;
import retrofit2.converter.scalars.ScalarsConverterFactory;

import java.util.List;

/**
 * Assembles the HTTP stack every service client uses. Application interceptors, outermost first:
 * {@link ErrorMappingInterceptor} (typed errors), {@link RetryInterceptor} (idempotent retries), the
 * authentication (token header or AK/SK signature, so each attempt is signed afresh); then, as a network
 * interceptor, optional redacted logging of what goes on the wire.
 */
public final class ServiceClients {

    /** Headers whose values never reach a log. */
    public static final List<String> SECRET_HEADERS = List.of("X-Auth-Token", "token", "Authorization", "X-Security-Token");

    private ServiceClients() {
    }

    /** A client derived from the options' base client: it shares its connection pool and dispatcher. */
    public static OkHttpClient httpClient(ClientOptions options, Interceptor auth, ErrorDecoder errors) {
        OkHttpClient.Builder builder = options.baseClient().newBuilder()
                .connectTimeout(options.connectTimeout())
                .readTimeout(options.readTimeout())
                .writeTimeout(options.writeTimeout())
                .callTimeout(options.callTimeout())
                // Retries are the RetryInterceptor's decision alone: OkHttp must not silently repeat a POST.
                .retryOnConnectionFailure(false)
                .addInterceptor(new ErrorMappingInterceptor(errors))
                .addInterceptor(new RetryInterceptor(options.retryPolicy(), options.retrySleeper()));
        if (auth != null) {
            builder.addInterceptor(auth);
        }
        if (options.httpLog() != ClientOptions.HttpLog.NONE) {
            HttpLoggingInterceptor logging = new HttpLoggingInterceptor(options.logger());
            logging.setLevel(options.httpLog() == ClientOptions.HttpLog.HEADERS
                    ? HttpLoggingInterceptor.Level.HEADERS : HttpLoggingInterceptor.Level.BASIC);
            SECRET_HEADERS.forEach(logging::redactHeader);
            builder.addNetworkInterceptor(logging);
        }
        return builder.build();
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

    /** The base URL with a trailing slash; a clear error for a malformed one. */
    static HttpUrl normalize(String baseUrl) {
        if (baseUrl == null || baseUrl.isBlank()) {
            throw new IllegalArgumentException("base URL is missing");
        }
        HttpUrl url = HttpUrl.parse(baseUrl.endsWith("/") ? baseUrl : baseUrl + "/");
        if (url == null) {
            throw new IllegalArgumentException("not an http(s) base URL: " + baseUrl);
        }
        return url;
    }
}
