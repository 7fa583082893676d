package org.contractfirst.notebooks.client.security;

import org.contractfirst.notebooks.eihealth.EihealthClient;
import org.contractfirst.notebooks.modelarts.ModelArtsClient;
import org.contractfirst.notebooks.scnet.ScnetClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.contractfirst.notebooks.client.security.SecurityClients.AK_SK;
import static org.contractfirst.notebooks.client.security.SecurityClients.IAM_TOKEN;
import static org.contractfirst.notebooks.client.security.SecurityClients.SCNET_TOKEN;

/** Fault matrix, plain http: credentials over http are refused at build() unless the host is loopback or the caller opts in. */
class PlainHttpCredentialsTest {

    private static final String WHY = ": the credentials would travel in clear text, readable and replayable by anyone on the way;"
            + " use https, or call allowPlainHttp() if the network is trusted end to end (loopback hosts need no opt-in)";

    @Test
    void everyClientRefusesPlainHttpToARemoteHostAndSaysWhy() {
        List<String> captured = new ArrayList<>();
        Throwable modelarts = catchThrowable(() -> ModelArtsClient.builder().baseUrl("http://modelarts.example.com/").token(IAM_TOKEN).build());
        Throwable modelartsAkSk = catchThrowable(() -> ModelArtsClient.builder().baseUrl("http://10.1.2.3:8080").akSk(AK_SK).build());
        Throwable eihealth = catchThrowable(() -> EihealthClient.builder().baseUrl("http://eihealth.example.com/").token(IAM_TOKEN).build());
        Throwable scnet = catchThrowable(() -> ScnetClient.builder().baseUrl("http://api01.example.com:65106/").token(SCNET_TOKEN).build());

        assertThat(modelarts).isInstanceOf(IllegalStateException.class)
                .hasMessage("ModelArts client: refusing plain http to http://modelarts.example.com:80" + WHY);
        assertThat(modelartsAkSk).hasMessage("ModelArts client: refusing plain http to http://10.1.2.3:8080" + WHY);
        assertThat(eihealth).hasMessage("EIHealth client: refusing plain http to http://eihealth.example.com:80" + WHY);
        assertThat(scnet).hasMessage("SCNet client: refusing plain http to http://api01.example.com:65106" + WHY);
        for (Throwable t : List.of(modelarts, modelartsAkSk, eihealth, scnet)) {
            SecurityClients.capture(t, captured);
        }
        SecurityClients.assertNoCredentialIn(captured);
    }

    @ParameterizedTest
    @ValueSource(strings = {"http://localhost:4010/", "http://127.0.0.1:4010", "http://127.8.9.10/", "http://[::1]:4010/",
            "http://prism.localhost:4010/"})
    void loopbackNeedsNoOptIn(String url) {
        assertThatCode(() -> ModelArtsClient.builder().baseUrl(url).token(IAM_TOKEN).build()).doesNotThrowAnyException();
        assertThatCode(() -> ScnetClient.builder().baseUrl(url).token(SCNET_TOKEN).build()).doesNotThrowAnyException();
    }

    @ParameterizedTest
    @ValueSource(strings = {"http://127.0.0.1.example.com/", "http://localhost.example.com/", "http://128.0.0.1/", "http://[::2]/"})
    void namesThatOnlyLookLikeLoopbackAreRemote(String url) {
        assertThat(catchThrowable(() -> EihealthClient.builder().baseUrl(url).token(IAM_TOKEN).build()))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("refusing plain http");
    }

    @Test
    void explicitOptInAllowsPlainHttpAndHttpsNeedsNone() {
        assertThatCode(() -> ModelArtsClient.builder().baseUrl("http://modelarts.example.com/").allowPlainHttp().token(IAM_TOKEN).build())
                .doesNotThrowAnyException();
        assertThatCode(() -> ScnetClient.builder().baseUrl("http://api01.example.com:65106/").token(SCNET_TOKEN).allowPlainHttp().build())
                .doesNotThrowAnyException();
        assertThatCode(() -> EihealthClient.builder().region("cn-north-4").akSk(AK_SK).build()).doesNotThrowAnyException();
        assertThatCode(() -> ScnetClient.builder().host("api01.example.com:65106").token(SCNET_TOKEN).build()).doesNotThrowAnyException();
    }
}
