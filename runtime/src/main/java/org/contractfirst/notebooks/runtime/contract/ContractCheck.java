package org.contractfirst.notebooks.runtime.contract;

import okhttp3.Interceptor;

import java.io.File;
import java.net.URL;
import java.util.Locale;
import java.util.Objects;

/**
 * Opt-in check of a client's live traffic against its service's bundled spec: every request and response is
 * validated (Atlassian's swagger-request-validator-core, an optional dependency of the runtime: add
 * {@code com.atlassian.oai:swagger-request-validator-core} to your build to use it) and each deviation is reported
 * as operation + JSON pointer + message.
 *
 * <p>Off by default, and free when off: the client is built exactly as without this class (no interceptor, the
 * validator never loaded). Turned on for every client built afterwards by the system property
 * {@value #MODE_PROPERTY} (or the environment variable {@value #MODE_ENV}):
 * <ul>
 *   <li>{@code log}: each deviation is logged (java.util.logging, logger {@value #LOGGER}, level WARNING); the call
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
     * The hook of {@code ClientBuilder}: {@code auth} itself while the check is off, else {@code auth} wrapped so that
     * what it sends and what comes back is validated (each attempt of a retried call on its own).
     */
    public static Interceptor around(String service, Interceptor auth) {
        Mode mode = mode();
        if (mode == Mode.OFF) {
            return auth;
        }
        return interceptor(service, specLocation(service), mode, auth);
    }

    /** The checking interceptor for an explicit spec location and mode, around {@code inner} (may be null). */
    public static Interceptor interceptor(String service, String specLocation, Mode mode, Interceptor inner) {
        Objects.requireNonNull(specLocation, "specLocation");
        if (mode == Mode.OFF) {
            return inner;
        }
        try {
            Class.forName("com.atlassian.oai.validator.OpenApiInteractionValidator");
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException("the contract check (" + MODE_PROPERTY + "=" + mode.name().toLowerCase(Locale.ROOT)
                    + ") needs com.atlassian.oai:swagger-request-validator-core on the classpath", e);
        }
        return new ContractCheckInterceptor(service, specLocation, mode, inner);
    }

    /** The mode from {@value #MODE_PROPERTY}, else {@value #MODE_ENV}; OFF when neither is set. */
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

    /** Where the bundled spec of {@code service} is: a file path, a URL or a classpath URL. */
    public static String specLocation(String service) {
        String name = service.toLowerCase(Locale.ROOT);
        String configured = System.getProperty(SPEC_PROPERTY_PREFIX + name);
        if (configured != null && !configured.isBlank()) {
            File file = new File(configured);
            return file.isFile() ? file.toURI().toString() : configured;
        }
        URL resource = ContractCheck.class.getClassLoader().getResource("notebook-contracts/" + name + ".yaml");
        if (resource == null) {
            throw new IllegalStateException("the contract check is on but there is no spec for " + service + ": set "
                    + SPEC_PROPERTY_PREFIX + name + " to its bundle (e.g. specs/target/bundles/" + name + ".yaml)");
        }
        return resource.toString();
    }
}
