package org.contractfirst.notebooks.client.support;

import okhttp3.mockwebserver.MockWebServer;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A MockWebServer started before each test and shut down after it (okhttp 4.12 has no JUnit 5 extension):
 * {@code @RegisterExtension final MockWebServerExtension mock = new MockWebServerExtension();
 * private final MockWebServer server = mock.server();}
 */
public final class MockWebServerExtension implements BeforeEachCallback, AfterEachCallback {

    private final MockWebServer server = new MockWebServer();

    public MockWebServer server() {
        return server;
    }

    @Override
    public void beforeEach(ExtensionContext context) throws Exception {
        server.start();
    }

    @Override
    public void afterEach(ExtensionContext context) throws Exception {
        server.shutdown();
    }
}
