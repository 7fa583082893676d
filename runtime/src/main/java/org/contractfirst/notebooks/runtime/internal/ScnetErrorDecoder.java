package org.contractfirst.notebooks.runtime.internal;

import com.fasterxml.jackson.databind.JsonNode;
import okhttp3.Response;
import org.contractfirst.notebooks.runtime.ApiException;

import java.util.List;

/**
 * SCNet: business errors arrive as HTTP 200 with an envelope {@code {"code": "10004", "msg": "...", "data": null}};
 * any code other than {@code "0"} is an error. HTTP errors are decoded from the same envelope when present.
 */
public final class ScnetErrorDecoder implements ErrorDecoder {

    private static final HuaweiErrorDecoder GENERIC = new HuaweiErrorDecoder();

    @Override
    public ApiException httpError(Response response, byte[] body, Throwable readFailure) {
        JsonNode root = HuaweiErrorDecoder.parse(body);
        if (root != null && root.isObject() && root.hasNonNull("code") && root.has("msg")) {
            return Exceptions.scnet(response.code(), root.get("code").asText(),
                    HuaweiErrorDecoder.firstText(root, List.of("msg", "message")), response.header("X-Request-Id"),
                    body, response.request().method(), response.request().url().encodedPath());
        }
        return GENERIC.httpError(response, body, readFailure); // a gateway's own error body, or no JSON at all
    }

    @Override
    public boolean inspectsSuccessBodies() {
        return true;
    }

    @Override
    public ApiException successError(Response response, byte[] body) {
        JsonNode root = HuaweiErrorDecoder.parse(body);
        if (root == null || !root.isObject() || !root.hasNonNull("code")) {
            return null; // not an envelope: left to the JSON converter, which reports what is wrong
        }
        String code = root.get("code").asText();
        if ("0".equals(code)) {
            return null;
        }
        return Exceptions.scnet(response.code(), code, HuaweiErrorDecoder.firstText(root, List.of("msg", "message")),
                response.header("X-Request-Id"), body, response.request().method(), response.request().url().encodedPath());
    }
}
