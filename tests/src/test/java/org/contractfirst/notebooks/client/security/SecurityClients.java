package org.contractfirst.notebooks.client.security;

import org.contractfirst.notebooks.client.support.LineLogger;
import org.contractfirst.notebooks.scnet.api.ContainerInstancesApi;
import org.contractfirst.notebooks.modelarts.api.DevEnvironApi;
import org.contractfirst.notebooks.eihealth.api.NotebooksApi;
import okhttp3.Headers;
import okhttp3.OkHttpClient;
import okhttp3.mockwebserver.RecordedRequest;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.tls.HandshakeCertificates;
import okhttp3.tls.HeldCertificate;
import org.contractfirst.notebooks.eihealth.EihealthClient;
import org.contractfirst.notebooks.modelarts.ModelArtsClient;
import org.contractfirst.notebooks.runtime.ClientOptions;
import org.contractfirst.notebooks.runtime.RetryPolicy;
import org.contractfirst.notebooks.runtime.auth.AkSkCredentials;
import org.contractfirst.notebooks.runtime.internal.AkSkSigner;
import org.contractfirst.notebooks.scnet.ScnetClient;

import java.io.IOException;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Collection;
import java.util.List;
import java.util.function.UnaryOperator;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The clients of the security tests, each with fake credentials of its own, one call each (kept here so that the
 * calls are quick to port to the request objects), and the check that no credential leaked into captured text.
 */
final class SecurityClients {

    // Fake credentials made for these tests; distinctive so that a leak is unmistakable.
    static final String IAM_TOKEN = "MIIZ-fake-iam-token-redirect-7d1c";
    static final String SCNET_TOKEN = "eyJfake.scnet-token.redirect-3b9e";
    static final String ACCESS_KEY = "AKIDFAKEREDIRECT0000";
    static final String SECRET_KEY = "fake-secret-key-redirect-6a2f";
    static final String SECURITY_TOKEN = "fake-security-token-redirect-8e4d";
    static final AkSkCredentials AK_SK = AkSkCredentials.builder(ACCESS_KEY, SECRET_KEY).securityToken(SECURITY_TOKEN).projectId("project-1").build();
    static final List<String> SECRETS = List.of(IAM_TOKEN, SCNET_TOKEN, SECRET_KEY, SECURITY_TOKEN);

    static final String SCNET_ID = "4c1f43ddb030483e89b55413bee6c004";

    private SecurityClients() {
    }

    /** One client and its one call; {@code call} returns the value the test checks (a documented id or count). */
    enum Service {
        MODELARTS("X-Auth-Token", IAM_TOKEN, "/v1/p/notebooks", "{\"current\":0,\"data\":[],\"pages\":1,\"size\":0,\"total\":7}", "7"),
        EIHEALTH("X-Auth-Token", IAM_TOKEN, "/v1/p/eihealth-projects/e/notebooks", "{\"count\":7,\"notebooks\":[]}", "7"),
        SCNET("token", SCNET_TOKEN, "/ai/openapi/v2/instance-service/" + SCNET_ID + "/detail",
                "{\"code\":\"0\",\"msg\":\"success\",\"data\":{\"id\":\"" + SCNET_ID + "\"}}", SCNET_ID),
        MODELARTS_AKSK("Authorization", "SDK-HMAC-SHA256 Access=" + ACCESS_KEY, "/v1/p/notebooks",
                "{\"current\":0,\"data\":[],\"pages\":1,\"size\":0,\"total\":7}", "7");

        final String credentialHeader;
        final String credentialValue; // the header's value, or for AK/SK its start
        final String path;
        final String okBody;
        final String expected;

        Service(String credentialHeader, String credentialValue, String path, String okBody, String expected) {
            this.credentialHeader = credentialHeader;
            this.credentialValue = credentialValue;
            this.path = path;
            this.okBody = okBody;
            this.expected = expected;
        }

        MockResponse ok() {
            return new MockResponse().setHeader("Content-Type", "application/json").setBody(okBody);
        }

        /** Builds the client over {@code baseUrl} (options as given, the builder adjusted by {@code more}) and calls it once. */
        String call(String baseUrl, ClientOptions options, UnaryOperator<Object> more) throws IOException {
            return switch (this) {
                case MODELARTS -> String.valueOf(((ModelArtsClient.Builder) more.apply(ModelArtsClient.builder()
                        .baseUrl(baseUrl).token(IAM_TOKEN).options(options))).build()
                        .devEnviron().listNotebooks(DevEnvironApi.ListNotebooksRequest.builder("p").build())
                        .execute().body().getTotal());
                case MODELARTS_AKSK -> String.valueOf(((ModelArtsClient.Builder) more.apply(ModelArtsClient.builder()
                        .baseUrl(baseUrl).akSk(AK_SK).options(options))).build()
                        .devEnviron().listNotebooks(DevEnvironApi.ListNotebooksRequest.builder("p").build())
                        .execute().body().getTotal());
                case EIHEALTH -> String.valueOf(((EihealthClient.Builder) more.apply(EihealthClient.builder()
                        .baseUrl(baseUrl).token(IAM_TOKEN).options(options))).build()
                        .notebooks().listNotebooks(NotebooksApi.ListNotebooksRequest.builder("p", "e").build()).execute().body().getCount());
                case SCNET -> ((ScnetClient.Builder) more.apply(ScnetClient.builder()
                        .baseUrl(baseUrl).token(SCNET_TOKEN).options(options))).build()
                        .containerInstances().getInstanceServiceDetail(ContainerInstancesApi.GetInstanceServiceDetailRequest.builder(SCNET_ID).build()).execute().body().getData().getId();
            };
        }

        String call(String baseUrl, ClientOptions options) throws IOException {
            return call(baseUrl, options, b -> b);
        }
    }

    /** No retries (each test counts requests), HTTP headers logged into {@code log}. */
    static ClientOptions options(Collection<String> log, OkHttpClient base) {
        ClientOptions options = ClientOptions.builder().retryPolicy(RetryPolicy.none())
                .httpLog(ClientOptions.HttpLog.HEADERS, LineLogger.of(log::add)).build();
        return base == null ? options : options.toBuilder().baseClient(base).build();
    }

    /** A private CA and a server certificate it issued for {@code hosts} (names or IP addresses). */
    static HeldCertificate[] privateCa(String... hosts) {
        HeldCertificate ca = new HeldCertificate.Builder().certificateAuthority(0).commonName("Notebook test private CA").build();
        HeldCertificate.Builder server = new HeldCertificate.Builder().signedBy(ca).commonName(hosts[0]);
        for (String host : hosts) {
            server.addSubjectAlternativeName(host);
        }
        return new HeldCertificate[] {ca, server.build()};
    }

    static HandshakeCertificates serverCertificates(HeldCertificate[] caAndServer) {
        return new HandshakeCertificates.Builder().heldCertificate(caAndServer[1], caAndServer[0].certificate()).build();
    }

    /** What a client needs to trust the private CA (and only it). */
    static HandshakeCertificates trusting(HeldCertificate ca) {
        return new HandshakeCertificates.Builder().addTrustedCertificate(ca.certificate()).build();
    }

    /** Every captured line (log lines, exception texts, toString()s) is free of every fake credential. */
    static void assertNoCredentialIn(Collection<String> captured) {
        String all = String.join("\n", captured);
        for (String secret : SECRETS) {
            assertThat(all).as("captured log lines and exception texts").doesNotContain(secret);
        }
    }

    /** The texts an exception shows: toString, message, its causes' and suppressed ones'. */
    static void capture(Throwable e, Collection<String> into) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            into.add(t.toString());
            into.add(String.valueOf(t.getMessage()));
            for (Throwable s : t.getSuppressed()) {
                into.add(s.toString());
            }
        }
    }

    /** The Host header, or its HTTP/2 form {@code :authority}. */
    static String authority(RecordedRequest request) {
        String host = request.getHeader("Host");
        return host != null ? host : request.getHeader(":authority");
    }

    /** The request's Authorization is the signature of exactly that request (method, path, query, signed headers, body). */
    static void assertSignedFor(RecordedRequest request, AkSkCredentials credentials) {
        String authorization = request.getHeader("Authorization");
        String signedHeaders = authorization.replaceAll(".*SignedHeaders=([^,]+),.*", "$1");
        Headers.Builder headers = new Headers.Builder();
        for (String name : signedHeaders.split(";")) {
            headers.add(name, name.equals("host") ? authority(request) : request.getHeader(name));
        }
        byte[] body = request.getBodySize() > 0 ? request.getBody().clone().readByteArray() : null;
        var date = LocalDateTime.parse(request.getHeader(AkSkSigner.X_SDK_DATE), DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'"))
                .toInstant(ZoneOffset.UTC);
        Headers expected = new AkSkSigner(credentials).sign(request.getMethod(), request.getRequestUrl(), headers.build(), body, date);
        assertThat(authorization).isEqualTo(expected.get("Authorization"));
    }
}
