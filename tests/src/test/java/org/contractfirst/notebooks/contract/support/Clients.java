package org.contractfirst.notebooks.contract.support;

import com.fasterxml.jackson.databind.ObjectMapper;
import okhttp3.Interceptor;
import okhttp3.OkHttpClient;
import org.contractfirst.notebooks.eihealth.EihealthClient;
import org.contractfirst.notebooks.modelarts.ModelArtsClient;
import org.contractfirst.notebooks.runtime.ApiException;
import org.contractfirst.notebooks.runtime.ClientOptions;
import org.contractfirst.notebooks.scnet.ScnetClient;
import retrofit2.Call;
import retrofit2.Response;
import retrofit2.Retrofit;
import retrofit2.converter.jackson.JacksonConverterFactory;
import retrofit2.converter.scalars.ScalarsConverterFactory;

import java.io.IOException;

/**
 * The clients the contract tests call: the public facades (ModelArtsClient, EihealthClient, ScnetClient) as a
 * user builds them, so that errors ({@link ApiException}), retries, credentials and the mapper are the ones users
 * get. {@code extra} interceptors (e.g. {@link Prefer}, to pick a Prism example or status) go in the base
 * OkHttpClient of {@link ClientOptions}, the hook a user has for their own interceptors. The token is a
 * placeholder: Prism checks that the header is present, not its value.
 *
 * <p>{@link #withoutCredentials} is the one bare Retrofit: the facades refuse to build without credentials, and
 * the missing-token tests check that the spec itself requires them (PrismDynamicDecodingTest also uses it, with
 * its own token header, to test the generated mapper without the runtime's SCNet envelope check).
 */
public final class Clients {

    /** Not a secret: any non-empty value satisfies the mock's security check. */
    public static final String TOKEN = "contract-test-token";

    private Clients() {
    }

    public static ModelArtsClient modelarts(PrismServer prism, Interceptor... extra) {
        return modelarts(prism.baseUrl(), extra);
    }

    public static ModelArtsClient modelarts(String baseUrl, Interceptor... extra) {
        return ModelArtsClient.builder().baseUrl(baseUrl).token(TOKEN).options(options(extra)).build();
    }

    public static EihealthClient eihealth(PrismServer prism, Interceptor... extra) {
        return eihealth(prism.baseUrl(), extra);
    }

    public static EihealthClient eihealth(String baseUrl, Interceptor... extra) {
        return EihealthClient.builder().baseUrl(baseUrl).token(TOKEN).options(options(extra)).build();
    }

    public static ScnetClient scnet(PrismServer prism, Interceptor... extra) {
        return scnet(prism.baseUrl(), extra);
    }

    public static ScnetClient scnet(String baseUrl, Interceptor... extra) {
        return ScnetClient.builder().baseUrl(baseUrl).token(TOKEN).options(options(extra)).build();
    }

    /** The defaults a user gets, with {@code extra} interceptors in the base client when there are any. */
    private static ClientOptions options(Interceptor... extra) {
        if (extra.length == 0) {
            return ClientOptions.defaults();
        }
        OkHttpClient.Builder base = new OkHttpClient.Builder();
        for (Interceptor i : extra) {
            base.addInterceptor(i);
        }
        return ClientOptions.builder().baseClient(base.build()).build();
    }

    /** The ApiException {@code call} fails with (the typed error a user catches); fails the test on a 2xx. */
    public static ApiException apiError(Call<?> call) throws IOException {
        Response<?> response;
        try {
            response = call.execute();
        } catch (ApiException e) {
            return e;
        }
        throw new AssertionError("expected an ApiException, got HTTP " + response.code() + " " + response.body());
    }

    /**
     * A bare Retrofit with the service's generated mapper and no credentials at all: the public clients cannot be
     * built without credentials, and the missing-token tests check that the spec requires them (Prism's 401).
     */
    public static Retrofit withoutCredentials(PrismServer prism, ObjectMapper generatedMapper, Interceptor... extra) {
        OkHttpClient.Builder http = new OkHttpClient.Builder();
        for (Interceptor i : extra) {
            http.addInterceptor(i);
        }
        return new Retrofit.Builder()
                .baseUrl(prism.baseUrl())
                .client(http.build())
                .addConverterFactory(ScalarsConverterFactory.create())
                .addConverterFactory(JacksonConverterFactory.create(generatedMapper))
                .build();
    }
}
