package org.contractfirst.notebooks.runtime.internal;

import okhttp3.Interceptor;
import org.contractfirst.notebooks.runtime.contract.ContractCheck;

import java.io.File;
import java.net.URL;
import java.util.Locale;
import java.util.Objects;

/**
 * Puts the contract check into a client's stack. Kept apart from {@link ContractCheckInterceptor} so that nothing of
 * the optional validator is loaded while the check is off.
 */
public final class ContractChecks {

    private ContractChecks() {
    }

    /**
     * {@code auth} itself while the check is off, else {@code auth} wrapped so that what it sends and what comes back
     * is validated (each attempt of a retried call on its own). {@code configured} is the client's
     * {@code ClientOptions} mode; null means "not set", and then the system property / environment variable decide.
     */
    public static Interceptor around(String service, ContractCheck.Mode configured, Interceptor auth) {
        ContractCheck.Mode mode = configured != null ? configured : ContractCheck.mode();
        if (mode == ContractCheck.Mode.OFF) {
            return auth;
        }
        return interceptor(service, specLocation(service), mode, auth);
    }

    /** The checking interceptor for an explicit spec location and mode, around {@code inner} (may be null). */
    public static Interceptor interceptor(String service, String specLocation, ContractCheck.Mode mode,
                                         Interceptor inner) {
        Objects.requireNonNull(specLocation, "specLocation");
        if (mode == ContractCheck.Mode.OFF) {
            return inner;
        }
        try {
            Class.forName("com.atlassian.oai.validator.OpenApiInteractionValidator");
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException("the contract check (" + mode.name().toLowerCase(Locale.ROOT)
                    + ") needs com.atlassian.oai:swagger-request-validator-core on the classpath", e);
        }
        return new ContractCheckInterceptor(service, specLocation, mode, inner);
    }

    /** Where the bundled spec of {@code service} is: a file path, a URL or a classpath URL. */
    public static String specLocation(String service) {
        String name = service.toLowerCase(Locale.ROOT);
        String configured = System.getProperty(ContractCheck.SPEC_PROPERTY_PREFIX + name);
        if (configured != null && !configured.isBlank()) {
            File file = new File(configured);
            return file.isFile() ? file.toURI().toString() : configured;
        }
        URL resource = ContractChecks.class.getClassLoader().getResource("notebook-contracts/" + name + ".yaml");
        if (resource == null) {
            throw new IllegalStateException("the contract check is on but there is no spec for " + service + ": set "
                    + ContractCheck.SPEC_PROPERTY_PREFIX + name + " to its bundle (e.g. specs/target/bundles/" + name
                    + ".yaml)");
        }
        return resource.toString();
    }
}
