package org.contractfirst.notebooks.contract.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import retrofit2.Response;

import java.io.IOException;

import static org.assertj.core.api.Assertions.assertThat;

/** Error bodies of Retrofit responses: Prism's problem+json, or a Huawei Cloud error. */
public final class ProblemJson {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private ProblemJson() {
    }

    public static JsonNode errorBody(Response<?> response) throws IOException {
        if (response.errorBody() == null) {
            throw new AssertionError("expected an error body, got HTTP " + response.code());
        }
        return MAPPER.readTree(response.errorBody().string());
    }

    /** The answer is a Huawei Cloud error: status, X-Request-Id header, error_code and error_msg. */
    public static void assertHuaweiError(Response<?> response, int status, String errorCode, String errorMsg) throws IOException {
        assertThat(response.code()).as("HTTP status").isEqualTo(status);
        assertThat(response.headers().get("X-Request-Id")).isEqualTo("8f2d2a9a3d7b4f6cb1f4e0c1d2a3b4c5");
        JsonNode error = errorBody(response);
        assertThat(error.path("error_code").asText()).isEqualTo(errorCode);
        assertThat(error.path("error_msg").asText()).isEqualTo(errorMsg);
    }
}
