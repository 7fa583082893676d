package org.contractfirst.notebooks.client.security;

import org.contractfirst.notebooks.client.support.LineLogger;
import okhttp3.mockwebserver.Dispatcher;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.RecordedRequest;
import org.contractfirst.notebooks.client.support.MockWebServerExtension;
import org.contractfirst.notebooks.eihealth.EihealthClient;
import org.contractfirst.notebooks.eihealth.api.NotebooksApi;
import org.contractfirst.notebooks.modelarts.ModelArtsClient;
import org.contractfirst.notebooks.modelarts.api.DevEnvironApi;
import org.contractfirst.notebooks.runtime.ApiException;
import org.contractfirst.notebooks.runtime.ClientOptions;
import org.contractfirst.notebooks.runtime.RetryPolicy;
import org.contractfirst.notebooks.runtime.ScnetApiException;
import org.contractfirst.notebooks.runtime.auth.AkSkCredentials;
import org.contractfirst.notebooks.scnet.ScnetClient;
import org.contractfirst.notebooks.scnet.api.ContainerInstancesApi;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

/**
 * A server or gateway that echoes the credentials it received (issue 17: "no exception message, log line or
 * toString() of anything the caller holds contains a credential"): a 401 whose {@code error_msg} quotes the token,
 * a 502 HTML page dumping the request headers, an SCNet HTTP 200 error envelope, a 2xx body that does not decode.
 * The exception's message, {@code toString()}, {@code errorMessage()}, {@code rawBodyText()} and its causes show
 * {@code [REDACTED]} where the credential was, and the rest of the body as it was sent.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class EchoedCredentialsTest {

    // Fake credentials made for this test; distinctive so that a leak is unmistakable.
    private static final String IAM_TOKEN = "MIIZ-fake-iam-token-echo-2b7f/x+y==";
    private static final String SCNET_TOKEN = "eyJfake.scnet-token.echo-6c3a";
    private static final String ACCESS_KEY = "AKIDFAKEECHO00000000";
    private static final String SECRET_KEY = "fake-secret-key-echo-9e1d";
    private static final String SECURITY_TOKEN = "fake-security-token-echo-4a8b";
    private static final AkSkCredentials AK_SK = AkSkCredentials.builder(ACCESS_KEY, SECRET_KEY).securityToken(SECURITY_TOKEN).projectId("project-1").build();
    private static final String SCNET_ID = "4c1f43ddb030483e89b55413bee6c004";
    private static final String R = "[REDACTED]";
    private static final Pattern SIGNATURE = Pattern.compile("Signature=([0-9a-f]+)");

    @RegisterExtension
    final MockWebServerExtension mock = new MockWebServerExtension();
    private final MockWebServer server = mock.server();
    private final List<String> captured = new CopyOnWriteArrayList<>();
    /** The credential values of the last request the server got (token, or Authorization, AK, signature, security token). */
    private final List<String> echoed = new CopyOnWriteArrayList<>();

    /** The four clients and a call of each (total, count or id as text). */
    enum Service {
        MODELARTS, EIHEALTH, SCNET, MODELARTS_AKSK;

        String call(String url, ClientOptions options) throws IOException {
            return switch (this) {
                case MODELARTS -> String.valueOf(ModelArtsClient.builder().baseUrl(url).token(IAM_TOKEN).options(options)
                        .build().devEnviron().listNotebooks(DevEnvironApi.ListNotebooksRequest.builder("p").build())
                        .execute().body().getTotal());
                case MODELARTS_AKSK -> String.valueOf(ModelArtsClient.builder().baseUrl(url).akSk(AK_SK).options(options)
                        .build().devEnviron().listNotebooks(DevEnvironApi.ListNotebooksRequest.builder("p").build())
                        .execute().body().getTotal());
                case EIHEALTH -> String.valueOf(EihealthClient.builder().baseUrl(url).token(IAM_TOKEN).options(options)
                        .build().notebooks().listNotebooks(NotebooksApi.ListNotebooksRequest.builder("p", "e").build())
                        .execute().body().getCount());
                case SCNET -> ScnetClient.builder().baseUrl(url).token(SCNET_TOKEN).options(options).build()
                        .containerInstances().getInstanceServiceDetail(
                                ContainerInstancesApi.GetInstanceServiceDetailRequest.builder(SCNET_ID).build())
                        .execute().body().getData().getId();
            };
        }

        /** A 2xx body of this operation with {@code text} where a number (or object) belongs: it cannot decode. */
        String undecodable(String text) {
            return switch (this) {
                case MODELARTS, MODELARTS_AKSK -> "{\"total\":\"" + text + "\"}";
                case EIHEALTH -> "{\"count\":\"" + text + "\"}";
                case SCNET -> "{\"code\":\"0\",\"msg\":\"success\",\"data\":\"" + text + "\"}";
            };
        }

        String okBody() {
            return switch (this) {
                case MODELARTS, MODELARTS_AKSK -> "{\"current\":0,\"data\":[],\"pages\":1,\"size\":0,\"total\":7}";
                case EIHEALTH -> "{\"count\":7,\"notebooks\":[]}";
                case SCNET -> "{\"code\":\"0\",\"msg\":\"success\",\"data\":{\"id\":\"" + SCNET_ID + "\"}}";
            };
        }

        String expected() {
            return this == SCNET ? SCNET_ID : "7";
        }
    }

    private ClientOptions options() {
        return ClientOptions.builder().retryPolicy(RetryPolicy.none())
                .httpLog(ClientOptions.HttpLog.HEADERS, LineLogger.of(captured::add)).build();
    }

    /** Answers every request with {@code answer(values)}, values = the credential values that request carried. */
    private void echo(Function<List<String>, MockResponse> answer) {
        server.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) {
                List<String> values = credentialValues(request);
                echoed.clear();
                echoed.addAll(values);
                return answer.apply(values);
            }
        });
    }

    /** The token; or the Authorization value, then its AK, its signature and the security token. */
    private static List<String> credentialValues(RecordedRequest request) {
        List<String> values = new ArrayList<>();
        for (String name : List.of("X-Auth-Token", "token")) {
            if (request.getHeader(name) != null) {
                values.add(request.getHeader(name));
            }
        }
        String authorization = request.getHeader("Authorization");
        if (authorization != null) {
            Matcher signature = SIGNATURE.matcher(authorization);
            assertThat(signature.find()).as("signature in %s", authorization).isTrue();
            assertThat(authorization).contains("Access=" + ACCESS_KEY);
            values.addAll(List.of(authorization, ACCESS_KEY, signature.group(1), request.getHeader("X-Security-Token")));
        }
        return values;
    }

    /** "a b c" of the values as the server echoes them, and the same with each one redacted. */
    private static String joined(List<String> values) {
        return String.join(" ", values);
    }

    private static String redactedJoined(List<String> values) {
        return String.join(" ", values.stream().map(v -> R).toList());
    }

    private ApiException failedCall(Service service) {
        Throwable thrown = catchThrowable(() -> service.call(server.url("/").toString(), options()));
        assertThat(thrown).isInstanceOf(ApiException.class);
        ApiException e = (ApiException) thrown;
        SecurityClients.capture(e, captured);
        captured.add(String.valueOf(e.errorMessage()));
        captured.add(e.rawBodyText());
        return e;
    }

    @AfterEach
    void nothingLeaked() {
        assertThat(echoed).as("the server saw credentials (else the test proves nothing)").isNotEmpty();
        String all = String.join("\n", captured);
        for (String secret : echoed) {
            assertThat(all).as("captured exception texts and log lines").doesNotContain(secret);
        }
        for (String secret : List.of(IAM_TOKEN, SCNET_TOKEN, ACCESS_KEY, SECRET_KEY, SECURITY_TOKEN)) {
            assertThat(all).as("captured exception texts and log lines").doesNotContain(secret);
        }
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(Service.class)
    void a401WhoseMessageQuotesTheCredentialShowsItRedacted(Service service) {
        echo(values -> new MockResponse().setResponseCode(401).setHeader("Content-Type", "application/json")
                .setHeader("X-Request-Id", "req-401-echo")
                .setBody("{\"error_code\":\"APIGW.0301\",\"error_msg\":\"token " + values.get(0)
                        + " expired\",\"echo\":\"" + joined(values) + "\"}"));

        ApiException e = failedCall(service);

        assertThat(e.httpStatus()).isEqualTo(401);
        assertThat(e.errorCode()).isEqualTo("APIGW.0301");
        assertThat(e.errorMessage()).isEqualTo("token [REDACTED] expired");
        assertThat(e.requestId()).isEqualTo("req-401-echo");
        assertThat(e.rawBodyText()).isEqualTo("{\"error_code\":\"APIGW.0301\",\"error_msg\":\"token [REDACTED] expired\","
                + "\"echo\":\"" + redactedJoined(echoed) + "\"}");
        assertThat(e.getMessage()).contains("HTTP 401 APIGW.0301 token [REDACTED] expired [request id req-401-echo]");
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(Service.class)
    void a502HtmlPageDumpingTheRequestHeadersShowsThemRedacted(Service service) {
        Map<String, String> expected = new java.util.concurrent.ConcurrentHashMap<>();
        server.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) {
                echoed.clear();
                echoed.addAll(credentialValues(request));
                StringBuilder page = new StringBuilder("<html><body><h1>502 Bad Gateway</h1><pre>\n");
                StringBuilder redacted = new StringBuilder(page);
                for (var header : request.getHeaders()) {
                    page.append(header.getFirst()).append(": ").append(header.getSecond()).append('\n');
                    String value = header.getSecond();
                    for (String secret : echoed) {
                        value = value.replace(secret, R);
                    }
                    redacted.append(header.getFirst()).append(": ").append(value).append('\n');
                }
                page.append("</pre></body></html>");
                redacted.append("</pre></body></html>");
                expected.put("page", redacted.toString());
                return new MockResponse().setResponseCode(502).setHeader("Content-Type", "text/html").setBody(page.toString());
            }
        });

        ApiException e = failedCall(service);

        assertThat(e.httpStatus()).isEqualTo(502);
        assertThat(e.errorCode()).isNull();
        assertThat(e.rawBodyText()).isEqualTo(expected.get("page")).contains("<h1>502 Bad Gateway</h1>")
                .contains("Host: " + server.getHostName() + ":" + server.getPort());
        assertThat(e.getMessage()).contains("HTTP 502 (response body is not a JSON error object; body starts with \"<html>");
        if (service == Service.MODELARTS_AKSK) {
            assertThat(e.rawBodyText()).contains("Authorization: [REDACTED]\n", "X-Security-Token: [REDACTED]\n")
                    .containsPattern("X-Sdk-Date: \\d{8}T\\d{6}Z\n").contains("X-Project-Id: project-1\n");
        } else {
            assertThat(e.rawBodyText()).contains((service == Service.SCNET ? "token" : "X-Auth-Token") + ": [REDACTED]\n");
        }
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(value = Service.class, names = "SCNET")
    void anScnetHttp200EnvelopeEchoingTheTokenShowsItRedacted(Service service) {
        echo(values -> new MockResponse().setHeader("Content-Type", "application/json")
                .setBody("{\"code\":\"10004\",\"msg\":\"token " + values.get(0) + " is invalid\",\"data\":null}"));

        ApiException e = failedCall(service);

        assertThat(e).isInstanceOf(ScnetApiException.class);
        assertThat(e.httpStatus()).isEqualTo(200);
        assertThat(e.errorCode()).isEqualTo("10004");
        assertThat(e.errorMessage()).isEqualTo("token [REDACTED] is invalid");
        assertThat(e.rawBodyText()).isEqualTo("{\"code\":\"10004\",\"msg\":\"token [REDACTED] is invalid\",\"data\":null}");
        assertThat(e.getMessage()).contains("HTTP 200 10004 token [REDACTED] is invalid");
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(value = Service.class, names = "SCNET")
    void aGzippedScnetEnvelopeEchoingTheTokenShowsItRedacted(Service service) {
        // OkHttp unzips it and hides its length; its length on the wire tells that it is small
        echo(values -> {
            okio.Buffer zipped = new okio.Buffer();
            try (okio.BufferedSink gzip = okio.Okio.buffer(new okio.GzipSink(zipped))) {
                gzip.writeUtf8("{\"code\":\"10004\",\"msg\":\"token " + values.get(0) + " is invalid\",\"data\":null}");
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
            return new MockResponse().setHeader("Content-Type", "application/json").setHeader("Content-Encoding", "gzip")
                    .setBody(zipped);
        });

        ApiException e = failedCall(service);

        assertThat(e.errorCode()).isEqualTo("10004");
        assertThat(e.errorMessage()).isEqualTo("token [REDACTED] is invalid");
        assertThat(e.rawBodyText()).isEqualTo("{\"code\":\"10004\",\"msg\":\"token [REDACTED] is invalid\",\"data\":null}");
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(Service.class)
    void a2xxBodyThatDoesNotDecodeAndEchoesTheCredentialShowsItRedacted(Service service) {
        echo(values -> new MockResponse().setHeader("Content-Type", "application/json")
                .setBody(service.undecodable("token " + joined(values))));

        ApiException e = failedCall(service);

        assertThat(e.httpStatus()).isEqualTo(200);
        assertThat(e.getMessage()).contains("body does not decode as");
        assertThat(e.getCause()).isNotNull(); // Jackson's exception, whose message quotes the value it could not read
        assertThat(e.rawBodyText()).isEqualTo(service.undecodable("token " + redactedJoined(echoed)));
        assertThat(e.getMessage()).contains("token " + redactedJoined(echoed));
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(Service.class)
    void aNormalPageIsDecodedUnchanged(Service service) throws IOException {
        echo(values -> new MockResponse().setHeader("Content-Type", "application/json").setBody(service.okBody()));

        assertThat(service.call(server.url("/").toString(), options())).isEqualTo(service.expected());
    }
}
