package org.contractfirst.notebooks.client.security;

import org.contractfirst.notebooks.scnet.api.ContainerInstancesApi;
import org.contractfirst.notebooks.modelarts.api.DevEnvironApi;
import org.contractfirst.notebooks.eihealth.api.NotebooksApi;
import okhttp3.Credentials;
import okhttp3.OkHttpClient;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.RecordedRequest;
import okhttp3.mockwebserver.SocketPolicy;
import okhttp3.tls.HandshakeCertificates;
import okhttp3.tls.HeldCertificate;
import org.contractfirst.notebooks.eihealth.EihealthClient;
import org.contractfirst.notebooks.modelarts.ModelArtsClient;
import org.contractfirst.notebooks.scnet.ScnetClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import javax.net.ssl.SSLHandshakeException;
import java.io.IOException;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.contractfirst.notebooks.client.security.SecurityClients.IAM_TOKEN;
import static org.contractfirst.notebooks.client.security.SecurityClients.SCNET_ID;
import static org.contractfirst.notebooks.client.security.SecurityClients.SCNET_TOKEN;

/**
 * Networks, through the base OkHttpClient hook ({@code ClientOptions.Builder.baseClient}) exactly as docs/security.md shows
 * it: an HTTP proxy (a MockWebServer tunnelling CONNECT), with and without proxy authentication, and a private CA
 * (the certificates come from okhttp-tls). The proxy sees the CONNECT line and its own credentials, never the
 * API token, which travels inside the TLS tunnel; an endpoint whose CA is not trusted gets no request at all.
 */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class ProxyAndPrivateCaTest {

    private static final String MODELARTS_HOST = "modelarts.cn-north-4.myhuaweicloud.com";
    private static final String PROXY_PASSWORD = "fake-proxy-password-5e7f";

    private final List<String> captured = new CopyOnWriteArrayList<>();
    private MockWebServer proxy;

    @BeforeEach
    void start() {
        proxy = new MockWebServer();
    }

    @AfterEach
    void stop() throws IOException {
        proxy.shutdown();
        SecurityClients.assertNoCredentialIn(captured);
        assertThat(String.join("\n", captured)).doesNotContain(PROXY_PASSWORD)
                .doesNotContain(Credentials.basic("notebooks", PROXY_PASSWORD).substring("Basic ".length()));
    }

    @Test
    void httpsThroughAnAuthenticatingProxyToAnEndpointOfAPrivateCa() throws Exception {
        HeldCertificate[] pki = SecurityClients.privateCa(MODELARTS_HOST);
        proxy.useHttps(SecurityClients.serverCertificates(pki).sslSocketFactory(), true); // tunnel: TLS after CONNECT
        proxy.enqueue(new MockResponse().setSocketPolicy(SocketPolicy.UPGRADE_TO_SSL_AT_END).clearHeaders());
        proxy.enqueue(SecurityClients.Service.MODELARTS.ok());

        ModelArtsClient modelarts = ModelArtsClient.builder().region("cn-north-4").token(IAM_TOKEN)
                .options(SecurityClients.options(captured, proxiedTrusting(pki[0], PROXY_PASSWORD))).build();
        Long total = modelarts.devEnviron().listNotebooks(DevEnvironApi.ListNotebooksRequest.builder("p").build())
                .execute().body().getTotal();

        assertThat(total).isEqualTo(7L);
        RecordedRequest connect = proxy.takeRequest();
        RecordedRequest call = proxy.takeRequest();
        assertThat(connect.getRequestLine()).isEqualTo("CONNECT " + MODELARTS_HOST + ":443 HTTP/1.1");
        assertThat(connect.getHeader("Proxy-Authorization")).as("OkHttp authenticates preemptively")
                .isEqualTo(Credentials.basic("notebooks", PROXY_PASSWORD));
        assertThat(connect.getHeader("X-Auth-Token")).as("what the proxy sees").isNull();
        assertThat(call.getRequestLine()).isEqualTo("GET /v1/p/notebooks HTTP/1.1");
        assertThat(call.getTlsVersion()).isNotNull();
        assertThat(SecurityClients.authority(call)).isEqualTo(MODELARTS_HOST);
        assertThat(call.getHeader("X-Auth-Token")).isEqualTo(IAM_TOKEN);
        assertThat(call.getHeader("Proxy-Authorization")).as("proxy credentials stay with the proxy").isNull();
    }

    @Test
    void proxyRejectingItsCredentialsGetsThemOnceAndNeverTheToken() throws Exception {
        HeldCertificate[] pki = SecurityClients.privateCa(MODELARTS_HOST);
        proxy.useHttps(SecurityClients.serverCertificates(pki).sslSocketFactory(), true);
        for (int i = 0; i < 3; i++) {
            proxy.enqueue(new MockResponse().setResponseCode(407).setHeader("Proxy-Authenticate", "Basic realm=\"corporate proxy\""));
        }
        ModelArtsClient modelarts = ModelArtsClient.builder().region("cn-north-4").token(IAM_TOKEN)
                .options(SecurityClients.options(captured, proxiedTrusting(pki[0], PROXY_PASSWORD))).build();

        IOException e = catchThrowableOfType(IOException.class, () -> modelarts.devEnviron()
                .listNotebooks(DevEnvironApi.ListNotebooksRequest.builder("p").build()).execute());

        assertThat(e).hasMessage("Failed to authenticate with proxy");
        assertThat(proxy.getRequestCount()).as("one CONNECT: the authenticator gives up on a rejected password").isEqualTo(1);
        assertThat(proxy.takeRequest().getHeader("X-Auth-Token")).isNull();
        SecurityClients.capture(e, captured);
    }

    /**
     * The snippet of docs/security.md: a proxy with Basic authentication (given once: a second challenge means a wrong
     * password, and {@code null} stops OkHttp from trying again) and a private CA as the only trusted one.
     */
    private OkHttpClient proxiedTrusting(HeldCertificate privateCa, String proxyPassword) {
        HandshakeCertificates trust = new HandshakeCertificates.Builder().addTrustedCertificate(privateCa.certificate()).build();
        return new OkHttpClient.Builder()
                .proxy(proxy.toProxyAddress())
                .proxyAuthenticator((route, response) -> response.request().header("Proxy-Authorization") != null ? null
                        : response.request().newBuilder().header("Proxy-Authorization", Credentials.basic("notebooks", proxyPassword)).build())
                .sslSocketFactory(trust.sslSocketFactory(), trust.trustManager())
                .build();
    }

    @Test
    void httpsThroughAProxyWithoutAuthentication() throws Exception {
        String host = "eihealth.cn-north-4.myhuaweicloud.com";
        HeldCertificate[] pki = SecurityClients.privateCa(host);
        proxy.useHttps(SecurityClients.serverCertificates(pki).sslSocketFactory(), true);
        proxy.enqueue(new MockResponse().setSocketPolicy(SocketPolicy.UPGRADE_TO_SSL_AT_END).clearHeaders());
        proxy.enqueue(SecurityClients.Service.EIHEALTH.ok());
        HandshakeCertificates trust = SecurityClients.trusting(pki[0]);
        OkHttpClient base = new OkHttpClient.Builder().proxy(proxy.toProxyAddress())
                .sslSocketFactory(trust.sslSocketFactory(), trust.trustManager()).build();
        EihealthClient eihealth = EihealthClient.builder().region("cn-north-4").akSk(SecurityClients.AK_SK)
                .options(SecurityClients.options(captured, base)).build();

        Integer count = eihealth.notebooks().listNotebooks(NotebooksApi.ListNotebooksRequest.builder("p", "e").build()).execute().body().getCount();

        assertThat(count).isEqualTo(7);
        RecordedRequest connect = proxy.takeRequest();
        RecordedRequest call = proxy.takeRequest();
        assertThat(connect.getRequestLine()).isEqualTo("CONNECT " + host + ":443 HTTP/1.1");
        assertThat(connect.getHeader("Authorization")).isNull();
        assertThat(connect.getHeader("X-Security-Token")).isNull();
        assertThat(SecurityClients.authority(call)).isEqualTo(host);
        SecurityClients.assertSignedFor(call, SecurityClients.AK_SK);
    }

    @Test
    void scnetEndpointOfAPrivateCaIsTrustedOnlyWhenConfigured() throws Exception {
        HeldCertificate[] pki = SecurityClients.privateCa("localhost");
        MockWebServer center = new MockWebServer();
        center.useHttps(SecurityClients.serverCertificates(pki).sslSocketFactory(), false);
        center.enqueue(SecurityClients.Service.SCNET.ok());
        center.start();
        try {
            String hostPort = "localhost:" + center.getPort();
            ScnetClient untrusting = ScnetClient.builder().host(hostPort).token(SCNET_TOKEN)
                    .options(SecurityClients.options(captured, null)).build();
            HandshakeCertificates trust = SecurityClients.trusting(pki[0]);
            OkHttpClient base = new OkHttpClient.Builder().sslSocketFactory(trust.sslSocketFactory(), trust.trustManager()).build();
            ScnetClient trusting = ScnetClient.builder().host(hostPort).token(SCNET_TOKEN)
                    .options(SecurityClients.options(captured, base)).build();

            SSLHandshakeException refused = catchThrowableOfType(SSLHandshakeException.class,
                    () -> untrusting.containerInstances().getInstanceServiceDetail(ContainerInstancesApi.GetInstanceServiceDetailRequest.builder(SCNET_ID).build()).execute());
            assertThat(center.getRequestCount()).as("requests sent before the certificate was trusted").isZero();
            String id = trusting.containerInstances().getInstanceServiceDetail(ContainerInstancesApi.GetInstanceServiceDetailRequest.builder(SCNET_ID).build()).execute().body().getData().getId();

            assertThat(refused).hasMessageContaining("PKIX path building failed");
            assertThat(id).isEqualTo(SCNET_ID);
            RecordedRequest call = center.takeRequest();
            assertThat(call.getHeader("token")).isEqualTo(SCNET_TOKEN);
            SecurityClients.capture(refused, captured);
        } finally {
            center.shutdown();
        }
    }
}
