package org.contractfirst.notebooks.runtime.contract;

import java.util.Locale;

/**
 * Opt-in check of a client's live traffic against its service's bundled spec: every request and response is
 * validated (Atlassian's swagger-request-validator-core, an optional dependency of the runtime: add
 * {@code com.atlassian.oai:swagger-request-validator-core} to your build to use it) and each deviation is reported
 * as operation + JSON pointer + message.
 *
 * <p>Off by default, and free when off: the client is built exactly as without this class (no interceptor, the
 * validator never loaded). Turned on per client with {@code ClientOptions.builder().contractCheck(Mode.LOG)}; a client
 * whose options set no mode follows the documented process-wide opt-in, the system property {@value #MODE_PROPERTY}
 * (or the environment variable {@value #MODE_ENV}), see {@link #mode()}:
 * <ul>
 *   <li>{@code log}: each deviation is logged ({@link System.Logger} {@value #LOGGER}, level WARNING); the call
 *       goes on as if nothing happened;</li>
 *   <li>{@code throw}: a request that breaks the spec is not sent and a response that breaks it fails the call,
 *       with a {@link ContractViolationException}; tolerated deviations (unknown fields) are only logged.</li>
 * </ul>
 * The spec is the service's bundle that travels in its client jar (classpath resource
 * {@code notebook-contracts/<service>.yaml}), unless the system property {@value #SPEC_PROPERTY_PREFIX}{@code <service>}
 * ({@code modelarts}, {@code eihealth}, {@code scnet}) names another file or URL, e.g. {@code specs/target/bundles/modelarts.yaml}. Security requirements are not checked (AK/SK signing replaces the
 * token the specs declare), and bodies or credentials never reach the report.
 */
public final class ContractCheck {

    public enum Mode { OFF, LOG, THROW }

    public static final String MODE_PROPERTY = "notebooks.contractCheck";
    public static final String MODE_ENV = "NOTEBOOKS_CONTRACT_CHECK";
    public static final String SPEC_PROPERTY_PREFIX = "notebooks.contractCheck.spec.";
    public static final String LOGGER = "org.contractfirst.notebooks.contract";

    private ContractCheck() {
    }

    /**
     * The process-wide opt-in, applied to a client whose {@code ClientOptions} set no mode: {@value #MODE_PROPERTY},
     * else {@value #MODE_ENV}; OFF when neither is set. An unknown value fails with a message naming the property.
     */
    public static Mode mode() {
        String value = System.getProperty(MODE_PROPERTY);
        if (value == null || value.isBlank()) {
            value = System.getenv(MODE_ENV);
        }
        if (value == null || value.isBlank()) {
            return Mode.OFF;
        }
        try {
            return Mode.valueOf(value.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException(MODE_PROPERTY + " must be off, log or throw, not '" + value + "'", e);
        }
    }
}
