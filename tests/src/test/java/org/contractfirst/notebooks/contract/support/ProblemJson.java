package org.contractfirst.notebooks.contract.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import retrofit2.Response;

import java.io.IOException;

/** Reads the error body of a Retrofit response as a JSON tree (Prism's problem+json, or a vendor error). */
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
}
