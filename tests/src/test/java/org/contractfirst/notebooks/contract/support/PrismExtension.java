package org.contractfirst.notebooks.contract.support;

import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.platform.commons.support.AnnotationSupport;

/**
 * Gives a test of a {@link PrismMock} class the running Prism of its spec: launched with every other mock of the
 * run when it started ({@link PrismMocksListener}; classes sharing a spec share the server), awaited here, and
 * stopped when the run ends, whatever the tests' outcome.
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
        // Also when the listener did not run (a launcher without service loading): stop them at the end of the run.
        context.getRoot().getStore(NAMESPACE).getOrComputeIfAbsent(StopAll.class, k -> new StopAll(), StopAll.class);
        try {
            return PrismServers.server(mock);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for Prism of " + mock.value(), e);
        } catch (RuntimeException e) {
            throw new IllegalStateException("could not start Prism for " + PrismServers.key(mock), e);
        }
    }

    /** Store entry that JUnit closes at the end of the run. */
    private static final class StopAll implements ExtensionContext.Store.CloseableResource {
        @Override
        public void close() throws Exception {
            PrismServers.closeAll();
        }
    }
}
