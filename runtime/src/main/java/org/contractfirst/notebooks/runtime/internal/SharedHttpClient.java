package org.contractfirst.notebooks.runtime.internal;

import okhttp3.OkHttpClient;

/**
 * The one OkHttpClient of the process that service clients derive from ({@code newBuilder()}), so that all
 * of them share one connection pool and one dispatcher.
 */
public final class SharedHttpClient {

    private SharedHttpClient() {
    }

    private static final class Holder {
        static final OkHttpClient INSTANCE = new OkHttpClient();
    }

    public static OkHttpClient get() {
        return Holder.INSTANCE;
    }
}
