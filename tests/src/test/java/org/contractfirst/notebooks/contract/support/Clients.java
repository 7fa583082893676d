package org.contractfirst.notebooks.contract.support;

import com.fasterxml.jackson.databind.ObjectMapper;
import okhttp3.Interceptor;
import okhttp3.OkHttpClient;
import retrofit2.Retrofit;
import retrofit2.converter.jackson.JacksonConverterFactory;
import retrofit2.converter.scalars.ScalarsConverterFactory;

/**
 * Bare generated clients: Retrofit with the service's generated JSON mapper and nothing of the runtime (no
 * error mapping, no retries), so that a test sees every status and header as the server sent them. Wrap the
 * result in the generated API class, e.g. {@code new DevEnvironApi(Clients.modelarts(prism, TOKEN))}.
 * {@code token == null} builds a client without credentials. The token is a placeholder: Prism checks that
 * the header is present, not its value.
 */
public final class Clients {

    /** Not a secret: any non-empty value satisfies the mock's security check. */
    public static final String TOKEN = "contract-test-token";

    private Clients() {
    }

    public static Retrofit modelarts(PrismServer prism, String token, Interceptor... interceptors) {
        return modelarts(prism.baseUrl(), token, interceptors);
    }

    public static Retrofit modelarts(String baseUrl, String token, Interceptor... interceptors) {
        return retrofit(baseUrl, new org.contractfirst.notebooks.modelarts.invoker.JSON().getMapper(),
                "X-Auth-Token", token, interceptors);
    }

    public static Retrofit eihealth(PrismServer prism, String token, Interceptor... interceptors) {
        return eihealth(prism.baseUrl(), token, interceptors);
    }

    public static Retrofit eihealth(String baseUrl, String token, Interceptor... interceptors) {
        return retrofit(baseUrl, new org.contractfirst.notebooks.eihealth.invoker.JSON().getMapper(),
                "X-Auth-Token", token, interceptors);
    }

    public static Retrofit scnet(PrismServer prism, String token, Interceptor... interceptors) {
        return scnet(prism.baseUrl(), token, interceptors);
    }

    public static Retrofit scnet(String baseUrl, String token, Interceptor... interceptors) {
        return retrofit(baseUrl, new org.contractfirst.notebooks.scnet.invoker.JSON().getMapper(),
                "token", token, interceptors);
    }

    private static Retrofit retrofit(String baseUrl, ObjectMapper mapper, String tokenHeader, String token,
                                     Interceptor... interceptors) {
        OkHttpClient.Builder http = new OkHttpClient.Builder();
        if (token != null) {
            http.addInterceptor(chain -> chain.proceed(chain.request().newBuilder().header(tokenHeader, token).build()));
        }
        for (Interceptor i : interceptors) {
            http.addInterceptor(i);
        }
        return new Retrofit.Builder()
                .baseUrl(baseUrl)
                .client(http.build())
                .addConverterFactory(ScalarsConverterFactory.create())
                .addConverterFactory(JacksonConverterFactory.create(mapper))
                .build();
    }
}
