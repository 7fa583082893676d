package org.contractfirst.notebooks.contract.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.contractfirst.notebooks.runtime.ApiException;
import retrofit2.Response;

import java.io.IOException;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Error bodies: Prism's problem+json, or a Huawei Cloud error, as the public clients report them (an
 * {@link ApiException} with its raw body) or, for the bare missing-token calls, as a Retrofit response.
 */
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

    public static JsonNode errorBody(ApiException e) throws IOException {
        return MAPPER.readTree(e.rawBodyText());
    }

    /**
     * The client reports a Huawei Cloud error: status, request id (the X-Request-Id header), error code and message
     * as the ApiException carries them, and error_code and error_msg in its raw body.
     */
    public static void assertHuaweiError(ApiException e, int status, String errorCode, String errorMsg) throws IOException {
        assertThat(e.httpStatus()).as("HTTP status").isEqualTo(status);
        assertThat(e.requestId()).isEqualTo("8f2d2a9a3d7b4f6cb1f4e0c1d2a3b4c5");
        assertThat(e.errorCode()).isEqualTo(errorCode);
        assertThat(e.errorMessage()).isEqualTo(errorMsg);
        JsonNode error = errorBody(e);
        assertThat(error.path("error_code").asText()).isEqualTo(errorCode);
        assertThat(error.path("error_msg").asText()).isEqualTo(errorMsg);
    }

    /** Prism's request validation answer: a 422 problem+json, as the client reports it. */
    public static JsonNode validationProblem(ApiException e) throws IOException {
        assertThat(e.httpStatus()).as("HTTP status").isEqualTo(422);
        return errorBody(e);
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
