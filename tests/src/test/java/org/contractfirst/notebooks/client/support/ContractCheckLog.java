package org.contractfirst.notebooks.client.support;

import org.contractfirst.notebooks.runtime.contract.ContractCheck;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

import java.nio.file.Path;
import java.text.MessageFormat;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/**
 * For tests of the contract check: points it at the ModelArts bundle this build made, collects what it logs (JUL, the
 * System.Logger default), and clears the mode and spec properties and the handler after each test.
 * Use: {@code @RegisterExtension final ContractCheckLog log = new ContractCheckLog();} then {@code log.lines()}.
 */
public final class ContractCheckLog extends Handler implements BeforeEachCallback, AfterEachCallback {

    private static final Logger LOGGER = Logger.getLogger(ContractCheck.LOGGER);
    private final List<String> lines = new ArrayList<>();

    /** The formatted messages logged by the contract check during this test. */
    public List<String> lines() {
        return lines;
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        lines.clear();
        LOGGER.addHandler(this);
        Path bundle = Path.of(System.getProperty("specs.dir", "../specs")).resolve("target/bundles/modelarts.yaml");
        System.setProperty(ContractCheck.SPEC_PROPERTY_PREFIX + "modelarts", bundle.toString());
    }

    @Override
    public void afterEach(ExtensionContext context) {
        System.clearProperty(ContractCheck.MODE_PROPERTY);
        System.clearProperty(ContractCheck.SPEC_PROPERTY_PREFIX + "modelarts");
        LOGGER.removeHandler(this);
    }

    @Override
    public void publish(LogRecord record) {
        lines.add(MessageFormat.format(record.getMessage(), record.getParameters()));
    }

    @Override
    public void flush() {
    }

    @Override
    public void close() {
    }
}
