package org.contractfirst.notebooks.inventory;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/**
 * A source (or, for SCNet, one watched instance) that did not answer. {@code httpStatus} is null when no HTTP
 * answer came (deadline, connection); {@code code} is the service's error code, or DEADLINE_EXCEEDED,
 * CONNECTION_FAILED, CONFIGURATION or CLIENT_ERROR; {@code requestId} is the service's X-Request-Id.
 */
@JsonPropertyOrder({"platform", "source", "instanceId", "httpStatus", "code", "message", "requestId"})
public record SourceError(Platform platform, String source, String instanceId, Integer httpStatus, String code,
                          String message, String requestId) {
}
