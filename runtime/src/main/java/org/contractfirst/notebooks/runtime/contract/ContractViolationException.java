package org.contractfirst.notebooks.runtime.contract;

import org.contractfirst.notebooks.runtime.ApiException;
import org.contractfirst.notebooks.runtime.internal.Exceptions;

import java.util.List;

/**
 * Thrown by the contract check in {@link ContractCheck.Mode#THROW} mode. An {@link ApiException} (so an
 * {@code IOException} the call reports, and never retried); the status is the answer's, or 0 when the request itself
 * broke the spec and was not sent. The message lists the deviations; it never quotes a body.
 */
public final class ContractViolationException extends ApiException {

    static {
        Exceptions.install(ContractViolationException::new);
    }

    private final transient List<ContractDeviation> deviations;

    private ContractViolationException(List<ContractDeviation> deviations, int httpStatus, String requestId, String method, String path) {
        super(deviations.size() + " contract deviation(s): " + deviations, httpStatus, null, null, requestId, null, method, path, null);
        this.deviations = List.copyOf(deviations);
    }

    public List<ContractDeviation> deviations() {
        return deviations;
    }
}
