package org.contractfirst.notebooks.client.security;

import org.contractfirst.notebooks.modelarts.api.DevEnvironApi;
import okhttp3.OkHttpClient;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.RecordedRequest;
import okhttp3.tls.HandshakeCertificates;
import okhttp3.tls.HeldCertificate;
import org.contractfirst.notebooks.client.security.SecurityClients.Service;
import org.contractfirst.notebooks.runtime.ApiException;
import org.contractfirst.notebooks.runtime.RedirectRefusedException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.net.InetAddress;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.contractfirst.notebooks.client.security.SecurityClients.assertNoCredentialIn;
import static org.contractfirst.notebooks.client.security.SecurityClients.capture;

/**
 * Fault matrix, redirects: a server that answers 302, 307 or 308 with a {@code Location} on another origin
 * (another host name for the same server, another port, https to http) gets the credentials of no client;
 * the call fails with a {@link RedirectRefusedException} naming the status and the Location, and the other
 * origin receives nothing at all. A redirect within the origin is followed with the credentials, an AK/SK
 * request signed afresh for the path it goes to.
 */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class CredentialRedirectFaultMatrixTest {

    enum Target { OTHER_HOST, OTHER_PORT, HTTPS_TO_HTTP }

    private final List<String> captured = new CopyOnWriteArrayList<>();
    private MockWebServer origin;
    private MockWebServer other;

    @BeforeEach
    void start() throws IOException {
        origin = new MockWebServer();
        other = new MockWebServer();
        other.start(InetAddress.getByName("127.0.0.1"), 0);
    }

    @AfterEach
    void stop() throws IOException {
        origin.shutdown();
        other.shutdown();
    }

    static Stream<Arguments> crossOrigin() {
        return Arrays.stream(Service.values()).flatMap(service -> Stream.of(302, 307, 308)
                .flatMap(status -> Arrays.stream(Target.values()).map(target -> Arguments.of(service, status, target))));
    }

    @ParameterizedTest(name = "{0} {1} to {2}")
    @MethodSource("crossOrigin")
    void redirectToAnotherOriginIsRefusedAndSendsNothingThere(Service service, int status, Target target) throws Exception {
        OkHttpClient trustingBase = null;
        if (target == Target.HTTPS_TO_HTTP) {
            HeldCertificate[] pki = SecurityClients.privateCa("localhost");
            origin.useHttps(SecurityClients.serverCertificates(pki).sslSocketFactory(), false);
            HandshakeCertificates trust = SecurityClients.trusting(pki[0]);
            trustingBase = new OkHttpClient.Builder().sslSocketFactory(trust.sslSocketFactory(), trust.trustManager()).build();
        }
        origin.start(InetAddress.getByName("127.0.0.1"), 0);
        String baseUrl = origin.url("/").toString(); // host "localhost"
        OkHttpClient base = trustingBase;
        String location = switch (target) {
            case OTHER_HOST -> "http://127.0.0.1:" + origin.getPort() + "/stolen"; // same server, another host name
            case OTHER_PORT -> "http://localhost:" + other.getPort() + "/stolen";
            case HTTPS_TO_HTTP -> "http://localhost:" + other.getPort() + "/stolen";
        };
        origin.enqueue(new MockResponse().setResponseCode(status).setHeader("Location", location)
                .setHeader("X-Request-Id", "req-redirect"));
        other.enqueue(service.ok());
        origin.enqueue(service.ok());

        RedirectRefusedException e = catchThrowableOfType(RedirectRefusedException.class,
                () -> service.call(baseUrl, SecurityClients.options(captured, base)));

        assertThat(e.httpStatus()).isEqualTo(status);
        assertThat(e.location()).isEqualTo(location);
        assertThat(e.requestId()).isEqualTo("req-redirect");
        assertThat(e.method()).isEqualTo("GET");
        assertThat(e.path()).isEqualTo(service.path);
        assertThat(e.getMessage()).isEqualTo("GET " + service.path + ": HTTP " + status + " (redirect to " + location
                + " refused: credentials are sent only to " + (target == Target.HTTPS_TO_HTTP ? "https" : "http")
                + "://localhost:" + origin.getPort() + "; build a client for that origin if you trust it)"
                + " [request id req-redirect]");
        RecordedRequest first = origin.takeRequest();
        assertThat(first.getPath()).isEqualTo(service.path);
        assertThat(first.getHeader(service.credentialHeader)).startsWith(service.credentialValue);
        assertThat(origin.getRequestCount()).as("requests to the origin (the other host name included)").isEqualTo(1);
        assertThat(other.getRequestCount()).as("requests to the other port").isZero();
        capture(e, captured);
        assertThat(captured).anySatisfy(line -> assertThat(line).contains(service.credentialHeader + ": ██"));
        assertNoCredentialIn(captured);
    }

    @ParameterizedTest(name = "{0} {1} within the origin")
    @MethodSource("sameOrigin")
    void redirectWithinTheOriginIsFollowedWithCredentials(Service service, int status) throws Exception {
        origin.start(InetAddress.getByName("127.0.0.1"), 0);
        String movedPath = service.path + "-moved";
        origin.enqueue(new MockResponse().setResponseCode(status).setHeader("Location", movedPath + "?from=redirect"));
        origin.enqueue(service.ok());

        String decoded = service.call(origin.url("/").toString(), SecurityClients.options(captured, null));

        assertThat(decoded).isEqualTo(service.expected);
        assertThat(origin.getRequestCount()).isEqualTo(2);
        RecordedRequest first = origin.takeRequest();
        RecordedRequest second = origin.takeRequest();
        assertThat(second.getPath()).isEqualTo(movedPath + "?from=redirect");
        assertThat(second.getMethod()).isEqualTo("GET");
        if (service == Service.MODELARTS_AKSK) {
            SecurityClients.assertSignedFor(second, SecurityClients.AK_SK);
            assertThat(second.getHeader("Authorization")).isNotEqualTo(first.getHeader("Authorization"));
            assertThat(second.getHeader("X-Security-Token")).isEqualTo(SecurityClients.SECURITY_TOKEN);
        } else {
            assertThat(second.getHeader(service.credentialHeader)).isEqualTo(service.credentialValue);
        }
        assertNoCredentialIn(captured);
    }

    static Stream<Arguments> sameOrigin() {
        return Arrays.stream(Service.values()).flatMap(service -> Stream.of(302, 307, 308).map(status -> Arguments.of(service, status)));
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(Service.class)
    void baseClientThatDoesNotFollowRedirectsGetsThe3xxAsAnError(Service service) throws Exception {
        origin.start(InetAddress.getByName("127.0.0.1"), 0);
        origin.enqueue(new MockResponse().setResponseCode(302).setHeader("Location", service.path + "-moved"));
        OkHttpClient noRedirects = new OkHttpClient.Builder().followRedirects(false).build();

        ApiException e = catchThrowableOfType(ApiException.class,
                () -> service.call(origin.url("/").toString(), SecurityClients.options(captured, noRedirects)));

        assertThat(e).isNotInstanceOf(RedirectRefusedException.class);
        assertThat(e.httpStatus()).isEqualTo(302);
        assertThat(origin.getRequestCount()).isEqualTo(1);
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(Service.class)
    void requestRewrittenToAnotherOriginByABaseClientInterceptorLeavesWithoutCredentials(Service service) throws Exception {
        origin.start(InetAddress.getByName("127.0.0.1"), 0);
        other.enqueue(service.ok());
        okhttp3.HttpUrl elsewhere = other.url("/");
        OkHttpClient rewriting = new OkHttpClient.Builder().addInterceptor(chain -> chain.proceed(chain.request().newBuilder()
                .url(chain.request().url().newBuilder().host(elsewhere.host()).port(elsewhere.port()).build()).build())).build();

        String decoded = service.call(origin.url("/").toString(), SecurityClients.options(captured, rewriting));

        assertThat(decoded).isEqualTo(service.expected);
        RecordedRequest received = other.takeRequest();
        assertThat(received.getPath()).isEqualTo(service.path);
        for (String header : List.of("X-Auth-Token", "token", "Authorization", "X-Security-Token", "X-Sdk-Date")) {
            assertThat(received.getHeader(header)).as(header).isNull();
        }
        assertThat(origin.getRequestCount()).isZero();
        assertNoCredentialIn(captured);
    }

    @Test
    void postRedirectedWith307KeepsMethodAndBodyAndIsSignedAfresh() throws Exception {
        origin.start(InetAddress.getByName("127.0.0.1"), 0);
        String notebook = "{\"id\":\"f9937afa-ca78-45b6-bc12-7ecf42553c48\",\"status\":\"CREATING\"}";
        origin.enqueue(new MockResponse().setResponseCode(307).setHeader("Location", "/v1/p/notebooks/open-here"));
        origin.enqueue(new MockResponse().setResponseCode(201).setHeader("Content-Type", "application/json").setBody(notebook));
        var modelarts = org.contractfirst.notebooks.modelarts.ModelArtsClient.builder().baseUrl(origin.url("/").toString())
                .akSk(SecurityClients.AK_SK).options(SecurityClients.options(captured, null)).build();
        var body = new org.contractfirst.notebooks.modelarts.model.OpenCodeLabBody().imageId("e1a07296-22a8-4f05-8bc8-e936c8e54090");

        var opened = modelarts.devEnviron().openCodeLab(DevEnvironApi.OpenCodeLabRequest.builder("p").body(body).build()).execute().body();

        assertThat(opened.getId()).isEqualTo("f9937afa-ca78-45b6-bc12-7ecf42553c48");
        RecordedRequest first = origin.takeRequest();
        RecordedRequest second = origin.takeRequest();
        assertThat(second.getMethod()).isEqualTo("POST");
        assertThat(second.getPath()).isEqualTo("/v1/p/notebooks/open-here");
        SecurityClients.assertSignedFor(second, SecurityClients.AK_SK); // before the body is read below
        assertThat(second.getBody().readUtf8()).isEqualTo(first.getBody().readUtf8()).contains("e1a07296-22a8-4f05-8bc8-e936c8e54090");
        assertNoCredentialIn(captured);
    }
}
