package org.contractfirst.notebooks.runtime.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import okhttp3.Response;
import org.contractfirst.notebooks.runtime.ApiException;

import java.io.IOException;
import java.util.Iterator;
import java.util.List;

/**
 * Huawei Cloud errors: {@code {"error_code": "ModelArts.6309", "error_msg": "..."}}, falling back to
 * {@code code}/{@code message} and to the same fields one object deeper (IAM's {@code {"error": {...}}});
 * the request id comes from the {@code X-Request-Id} header, else from the body's {@code request_id}.
 */
public final class HuaweiErrorDecoder implements ErrorDecoder {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final List<String> CODE_FIELDS = List.of("error_code", "errorCode", "code");
    private static final List<String> MESSAGE_FIELDS = List.of("error_msg", "error_message", "errorMsg", "message", "msg");

    @Override
    public ApiException httpError(Response response, byte[] body, Throwable readFailure) {
        String method = response.request().method();
        String path = response.request().url().encodedPath();
        String requestId = response.header("X-Request-Id");
        JsonNode root = parse(body);
        if (root == null || !root.isObject()) {
            String summary = (readFailure != null ? "response body could not be read completely: " + readFailure
                    : "response body is not a JSON error object") + "; body starts with " + Exceptions.excerpt(body);
            return Exceptions.api(summary, response.code(), null, null, requestId, body, method, path, readFailure);
        }
        JsonNode fields = findErrorObject(root);
        String code = firstText(fields, CODE_FIELDS);
        String message = firstText(fields, MESSAGE_FIELDS);
        if (requestId == null) {
            requestId = firstText(root, List.of("request_id", "requestId"));
        }
        String summary = code == null && message == null ? "no error code in body " + Exceptions.excerpt(body) : null;
        return Exceptions.api(summary, response.code(), code, message, requestId, body, method, path, readFailure);
    }

    static JsonNode parse(byte[] body) {
        if (body == null || body.length == 0) {
            return null;
        }
        try {
            return MAPPER.readTree(body);
        } catch (IOException notJson) {
            return null;
        }
    }

    /** The object holding the error fields: the root, or the first nested object that has them. */
    private static JsonNode findErrorObject(JsonNode root) {
        if (firstText(root, CODE_FIELDS) != null || firstText(root, MESSAGE_FIELDS) != null) {
            return root;
        }
        for (Iterator<JsonNode> it = root.elements(); it.hasNext(); ) {
            JsonNode child = it.next();
            if (child.isObject() && (firstText(child, CODE_FIELDS) != null || firstText(child, MESSAGE_FIELDS) != null)) {
                return child;
            }
        }
        return root;
    }

    static String firstText(JsonNode node, List<String> names) {
        for (String name : names) {
            JsonNode value = node.get(name);
            if (value != null && value.isValueNode() && !value.isNull()) {
                return value.asText();
            }
        }
        return null;
    }
}
