package org.contractfirst.notebooks.contract.support;

import okhttp3.Interceptor;

/**
 * Generated clients pointed at a Prism mock. {@code token == null} builds a client without credentials.
 * The token is a placeholder: Prism checks that the header is present, not its value.
 */
public final class Clients {

    /** Not a secret: any non-empty value satisfies the mock's security check. */
    public static final String TOKEN = "contract-test-token";

    private Clients() {
    }

    public static org.contractfirst.notebooks.modelarts.invoker.ApiClient modelarts(
            PrismServer prism, String token, Interceptor... interceptors) {
        var client = token == null
                ? new org.contractfirst.notebooks.modelarts.invoker.ApiClient()
                : new org.contractfirst.notebooks.modelarts.invoker.ApiClient("TokenAuth", token);
        client.getAdapterBuilder().baseUrl(prism.baseUrl());
        for (Interceptor i : interceptors) {
            client.getOkBuilder().addInterceptor(i);
        }
        return client;
    }

    public static org.contractfirst.notebooks.eihealth.invoker.ApiClient eihealth(
            PrismServer prism, String token, Interceptor... interceptors) {
        var client = token == null
                ? new org.contractfirst.notebooks.eihealth.invoker.ApiClient()
                : new org.contractfirst.notebooks.eihealth.invoker.ApiClient("TokenAuth", token);
        client.getAdapterBuilder().baseUrl(prism.baseUrl());
        for (Interceptor i : interceptors) {
            client.getOkBuilder().addInterceptor(i);
        }
        return client;
    }

    public static org.contractfirst.notebooks.scnet.invoker.ApiClient scnet(
            PrismServer prism, String token, Interceptor... interceptors) {
        var client = token == null
                ? new org.contractfirst.notebooks.scnet.invoker.ApiClient()
                : new org.contractfirst.notebooks.scnet.invoker.ApiClient("ScnetToken", token);
        client.getAdapterBuilder().baseUrl(prism.baseUrl());
        for (Interceptor i : interceptors) {
            client.getOkBuilder().addInterceptor(i);
        }
        return client;
    }
}
