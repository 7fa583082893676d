package org.contractfirst.notebooks.contract.support;

import org.junit.platform.commons.support.AnnotationSupport;
import org.junit.platform.engine.support.descriptor.ClassSource;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.TestPlan;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Queues the Prism mock of every {@link PrismMock} class in the test plan when the run starts (they boot concurrently,
 * {@link PrismServers#PARALLEL} at a time, instead of one after another as classes reach them), and stops them all
 * when it ends. Registered in META-INF/services/org.junit.platform.launcher.TestExecutionListener.
 */
public final class PrismMocksListener implements TestExecutionListener {

    @Override
    public void testPlanExecutionStarted(TestPlan plan) {
        Map<String, PrismMock> mocks = new LinkedHashMap<>();
        for (TestIdentifier root : plan.getRoots()) {
            for (TestIdentifier id : plan.getDescendants(root)) {
                id.getSource().filter(ClassSource.class::isInstance).map(ClassSource.class::cast)
                        .flatMap(c -> AnnotationSupport.findAnnotation(c.getJavaClass(), PrismMock.class))
                        .ifPresent(m -> mocks.putIfAbsent(PrismServers.key(m), m));
            }
        }
        if (!mocks.isEmpty()) {
            System.out.println("[prism] starting " + mocks.size() + " mock(s), " + PrismServers.PARALLEL + " at a time: "
                    + String.join(", ", mocks.keySet()));
            PrismServers.launchAll(mocks.values());
        }
    }

    @Override
    public void testPlanExecutionFinished(TestPlan plan) {
        try {
            PrismServers.closeAll();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
