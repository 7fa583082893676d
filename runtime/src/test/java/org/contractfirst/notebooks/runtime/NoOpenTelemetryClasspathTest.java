package org.contractfirst.notebooks.runtime;

import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import org.contractfirst.notebooks.runtime.internal.ErrorMappingInterceptor;
import org.contractfirst.notebooks.runtime.internal.OperationTelemetry;
import org.contractfirst.notebooks.runtime.internal.ServiceClients;
import org.junit.jupiter.api.Test;

import java.io.File;
import java.net.URL;
import java.net.URLClassLoader;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The OpenTelemetry API is an optional dependency: a client built without {@link ClientOptions.Builder#openTelemetry}
 * must load and work on a classpath without it, and must not even try to load one of its classes (nor
 * {@link OperationTelemetry}, the only runtime class that uses them). The runtime, its other dependencies and a probe
 * run in a class loader made of this test's classpath minus the OpenTelemetry jars, recording every class it is
 * asked for.
 */
class NoOpenTelemetryClasspathTest {

    /** Loads from the given jars and folders only (the platform loader above it has no application class). */
    static final class RecordingLoader extends URLClassLoader {
        final List<String> requested = new CopyOnWriteArrayList<>();

        RecordingLoader(URL[] urls) {
            super(urls, ClassLoader.getPlatformClassLoader());
        }

        @Override
        protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
            requested.add(name);
            return super.loadClass(name, resolve);
        }
    }

    @Test
    void aClientWithoutTelemetryWorksWithoutTheOpenTelemetryJarsAndNeverAsksForThem() throws Exception {
        List<URL> urls = new ArrayList<>();
        for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
            if (!entry.contains("opentelemetry")) {
                urls.add(new File(entry).toURI().toURL());
            }
        }
        try (MockWebServer server = new MockWebServer();
             RecordingLoader loader = new RecordingLoader(urls.toArray(URL[]::new))) {
            server.enqueue(new MockResponse().setHeader("Content-Type", "application/json").setBody("{\"count\":3}"));
            server.enqueue(new MockResponse().setResponseCode(404).setHeader("X-Request-Id", "req-404")
                    .setHeader("Content-Type", "application/json")
                    .setBody("{\"error_code\":\"ModelArts.6309\",\"error_msg\":\"Notebook not found\"}"));
            server.start();

            assertThatThrownBy(() -> Class.forName("io.opentelemetry.api.OpenTelemetry", false, loader))
                    .as("the isolated loader really has no OpenTelemetry").isInstanceOf(ClassNotFoundException.class);
            loader.requested.clear();

            @SuppressWarnings("unchecked")
            Callable<String> probe = (Callable<String>) loader.loadClass("org.contractfirst.notebooks.runtime.isolation.NoOpenTelemetryProbe")
                    .getConstructor(String.class).newInstance(server.url("/").toString());
            assertThat(probe.call()).isEqualTo("3 404 ModelArts.6309 req-404");

            assertThat(loader.requested).as("classes the runtime loaded")
                    .contains(ClientOptions.class.getName(), ClientBuilder.class.getName(), ServiceClients.class.getName(),
                            ErrorMappingInterceptor.class.getName())
                    .noneMatch(name -> name.startsWith("io.opentelemetry."))
                    .doesNotContain(OperationTelemetry.class.getName());
            assertThat(server.takeRequest().getHeader("traceparent")).isNull();
        }
    }
}
