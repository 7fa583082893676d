package org.contractfirst.notebooks.runtime.internal;

import org.contractfirst.notebooks.runtime.ApiException;
import org.contractfirst.notebooks.runtime.RedirectRefusedException;
import org.contractfirst.notebooks.runtime.ScnetApiException;
import org.contractfirst.notebooks.runtime.contract.ContractDeviation;
import org.contractfirst.notebooks.runtime.contract.ContractViolationException;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * Makes the runtime's exceptions, whose constructors are not public (users read exceptions; only the runtime makes
 * them). Each exception package hands this class its {@link Factory} from a static initializer that this class
 * triggers itself, so no one else can install one (the JDK's {@code SharedSecrets} pattern).
 */
public final class Exceptions {

    /** Implemented in {@code org.contractfirst.notebooks.runtime}, next to the package-private constructors. */
    public interface Factory {
        ApiException api(String summary, int httpStatus, String errorCode, String errorMessage, String requestId,
                         byte[] rawBody, String method, String path, Throwable cause);

        ApiException withRetryAfter(ApiException e, Duration wait);

        ScnetApiException scnet(int httpStatus, String code, String msg, String requestId, byte[] rawBody,
                                String method, String path);

        RedirectRefusedException redirectRefused(int status, String location, String configuredOrigin,
                                                  String requestId, byte[] body, String method, String path);
    }

    /** Implemented in {@code org.contractfirst.notebooks.runtime.contract}. */
    public interface ContractFactory {
        ContractViolationException violation(List<ContractDeviation> deviations, int httpStatus, String requestId,
                                             String method, String path);
    }

    /** How much of an unreadable body is quoted in a message. */
    public static final int BODY_EXCERPT = 200;

    private static Factory factory;
    private static ContractFactory contractFactory;

    static {
        initialize(ApiException.class);
        initialize(ContractViolationException.class);
    }

    private Exceptions() {
    }

    /** Called once, by the static initializer of {@link ApiException}; any later call fails. */
    public static synchronized void install(Factory f) {
        if (factory != null) {
            throw new IllegalStateException("exception factory already installed");
        }
        factory = Objects.requireNonNull(f);
    }

    /** Called once, by the static initializer of {@link ContractViolationException}; any later call fails. */
    public static synchronized void install(ContractFactory f) {
        if (contractFactory != null) {
            throw new IllegalStateException("contract exception factory already installed");
        }
        contractFactory = Objects.requireNonNull(f);
    }

    public static ApiException api(String summary, int httpStatus, String errorCode, String errorMessage,
                                   String requestId, byte[] rawBody, String method, String path, Throwable cause) {
        return factory.api(summary, httpStatus, errorCode, errorMessage, requestId, rawBody, method, path, cause);
    }

    /** {@code e} with the wait its answer's {@code Retry-After} asked for. */
    public static ApiException withRetryAfter(ApiException e, Duration wait) {
        return factory.withRetryAfter(e, wait);
    }

    public static ScnetApiException scnet(int httpStatus, String code, String msg, String requestId, byte[] rawBody,
                                          String method, String path) {
        return factory.scnet(httpStatus, code, msg, requestId, rawBody, method, path);
    }

    public static RedirectRefusedException redirectRefused(int status, String location, Origin configured,
                                                           String requestId, byte[] body, String method, String path) {
        return factory.redirectRefused(status, location, configured.toString(), requestId, body, method, path);
    }

    public static ContractViolationException contractViolation(List<ContractDeviation> deviations, int httpStatus,
                                                               String requestId, String method, String path) {
        return contractFactory.violation(deviations, httpStatus, requestId, method, path);
    }

    /** The first bytes of a body, for messages about bodies that are not the expected JSON. */
    public static String excerpt(byte[] body) {
        if (body == null || body.length == 0) {
            return "<empty body>";
        }
        byte[] head = body.length <= BODY_EXCERPT ? body : Arrays.copyOf(body, BODY_EXCERPT);
        String text = new String(head, StandardCharsets.UTF_8).replaceAll("\\s+", " ").trim();
        return '"' + text + (body.length > BODY_EXCERPT ? "..." : "") + "\" (" + body.length + " bytes)";
    }

    private static void initialize(Class<?> type) {
        try {
            Class.forName(type.getName(), true, type.getClassLoader());
        } catch (ClassNotFoundException e) {
            throw new ExceptionInInitializerError(e);
        }
    }
}
