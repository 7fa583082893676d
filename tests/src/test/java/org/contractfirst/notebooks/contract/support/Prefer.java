package org.contractfirst.notebooks.contract.support;

import okhttp3.Interceptor;
import okhttp3.Response;

import java.io.IOException;

/**
 * Adds Prism's {@code Prefer} header (e.g. {@code example=empty} or {@code code=404}) to every request,
 * to select a named example or a documented status of the spec.
 */
public record Prefer(String value) implements Interceptor {

    public static Prefer example(String name) {
        return new Prefer("example=" + name);
    }

    public static Prefer code(int status) {
        return new Prefer("code=" + status);
    }

    @Override
    public Response intercept(Chain chain) throws IOException {
        return chain.proceed(chain.request().newBuilder().header("Prefer", value).build());
    }
}
