package org.contractfirst.notebooks.contract.support;

import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.platform.commons.support.AnnotationSupport;

/**
 * Starts the Prism of the test class's {@link PrismMock} spec once per test run (kept in the root
 * extension store, so classes sharing a spec share the server) and stops it when the run ends, whatever
 * the tests' outcome.
 */
public final class PrismExtension implements ParameterResolver {

    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(PrismExtension.class);

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == PrismServer.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        PrismMock mock = AnnotationSupport.findAnnotation(context.getRequiredTestClass(), PrismMock.class)
                .orElseThrow(() -> new ParameterResolutionException(
                        context.getRequiredTestClass().getName() + " needs @PrismMock to receive a PrismServer"));
        String key = mock.value() + (mock.dynamic() ? " (dynamic)" : "");
        return context.getRoot().getStore(NAMESPACE)
                .getOrComputeIfAbsent(key, k -> start(mock.value(), mock.dynamic()), Running.class)
                .server();
    }

    private static Running start(String spec, boolean dynamic) {
        try {
            return new Running(PrismServer.start(spec, dynamic));
        } catch (Exception e) {
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            throw new IllegalStateException("could not start Prism for " + spec, e);
        }
    }

    /** Store entry that JUnit closes at the end of the run. */
    private record Running(PrismServer server) implements ExtensionContext.Store.CloseableResource {
        @Override
        public void close() throws Exception {
            server.close();
        }
    }
}
