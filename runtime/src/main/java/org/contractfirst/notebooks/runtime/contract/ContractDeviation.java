package org.contractfirst.notebooks.runtime.contract;

/**
 * One place where a request or a response differs from the service's spec.
 *
 * @param service   the client's service ("ModelArts", "EIHealth", "SCNet")
 * @param operation the operationId, or {@code METHOD path} when no operation matched
 * @param direction {@code request} or {@code response}
 * @param pointer   JSON pointer into the body ({@code /data/0/status}), or {@code /query/limit}, {@code /header/token},
 *                  {@code /status} and the like outside the body; empty when the validator gives none
 * @param key       the validator's message key, e.g. {@code validation.response.body.schema.enum}
 * @param level     {@code ERROR} (breaks the contract) or {@code WARN} (tolerated, e.g. an unknown field)
 * @param message   the validator's message; quoted values of secret-looking fields are masked
 */
public record ContractDeviation(String service, String operation, String direction, String pointer, String key,
                                String level, String message) {

    @Override
    public String toString() {
        return service + " " + operation + " " + direction + " " + (pointer.isEmpty() ? "-" : pointer)
                + " [" + key + ", " + level + "] " + message;
    }
}
