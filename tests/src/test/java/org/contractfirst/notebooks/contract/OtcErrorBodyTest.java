package org.contractfirst.notebooks.contract;

import okhttp3.Protocol;
import okhttp3.Request;
import okhttp3.Response;
import org.contractfirst.notebooks.runtime.ApiException;
import org.contractfirst.notebooks.runtime.internal.HuaweiErrorDecoder;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Open Telekom Cloud DevEnviron (old version) pages show the error message as {@code error_message}
 * (source-payloads/otc-devenviron-old-error.json): the runtime's typed error reads it like {@code error_msg}.
 */
class OtcErrorBodyTest {

    private static ApiException decode(String body) {
        Response response = new Response.Builder()
                .request(new Request.Builder().url("https://modelarts.eu-de.otc.t-systems.com/v1/p/demanager/instances/DE-1").build())
                .protocol(Protocol.HTTP_1_1).code(404).message("Not Found").header("X-Request-Id", "req-1").build();
        return new HuaweiErrorDecoder().httpError(response, body.getBytes(StandardCharsets.UTF_8), null);
    }

    @Test
    void errorMessageUnderTheOtcNameIsTheErrorMessage() throws Exception {
        String body;
        try (var in = OtcErrorBodyTest.class.getResourceAsStream("/source-payloads/otc-devenviron-old-error.json")) {
            body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        ApiException e = decode(body);

        assertThat(e.httpStatus()).isEqualTo(404);
        assertThat(e.errorCode()).isEqualTo("ModelArts.6309");
        assertThat(e.errorMessage()).isEqualTo("The instance does not exist.");
        assertThat(e.requestId()).isEqualTo("req-1");
    }

    @Test
    void errorMsgStillWinsWhenBothAreSent() {
        ApiException e = decode("{\"error_code\":\"ModelArts.6309\",\"error_message\":\"old\",\"error_msg\":\"new\"}");

        assertThat(e.errorMessage()).isEqualTo("new");
    }
}
