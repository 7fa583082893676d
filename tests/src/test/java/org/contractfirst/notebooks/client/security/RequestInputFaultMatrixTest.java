package org.contractfirst.notebooks.client.security;

import okhttp3.OkHttpClient;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.RecordedRequest;
import org.contractfirst.notebooks.client.support.MockWebServerExtension;
import org.contractfirst.notebooks.eihealth.EihealthClient;
import org.contractfirst.notebooks.eihealth.api.NotebooksApi;
import org.contractfirst.notebooks.modelarts.ModelArtsClient;
import org.contractfirst.notebooks.modelarts.api.DevEnvironApi;
import org.contractfirst.notebooks.modelarts.api.DevEnvironOldVersionApi;
import org.contractfirst.notebooks.modelarts.model.NotebookResp;
import org.contractfirst.notebooks.runtime.ClientOptions;
import org.contractfirst.notebooks.runtime.internal.Origin;
import org.contractfirst.notebooks.runtime.internal.ServiceClients;
import org.contractfirst.notebooks.runtime.auth.AkSkCredentials;
import org.contractfirst.notebooks.runtime.auth.CredentialsProvider;
import org.contractfirst.notebooks.scnet.ScnetClient;
import org.contractfirst.notebooks.scnet.api.ContainerInstancesApi;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import retrofit2.Call;
import retrofit2.Callback;
import retrofit2.Response;

import java.io.IOException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

/**
 * Fault matrix, hostile request input (issue 17, item 1) over the five operations of the three clients, each against
 * a MockWebServer that counts what reaches it:
 * <ul>
 *   <li>a blank required path parameter, {@code .} or {@code ..}: an exception naming the request and the
 *       parameter, and nothing sent; every other value percent-encoded in its own segment (exact path asserted);</li>
 *   <li>credentials with control characters: refused at {@code token(...)}/{@code akSk(...)} naming the header,
 *       never the value; from a provider, an {@link IOException} from {@code execute()} and to
 *       {@code onFailure} from {@code enqueue()}, nothing rethrown on OkHttp's dispatcher thread, nothing sent;</li>
 *   <li>{@code response.raw()} and the requests it carries show no credential, although the server got it;</li>
 *   <li>{@code region(...)}, {@code host(...)} and {@code baseUrl(...)} accept a region id, a host and port, and a
 *       plain URL only, with messages naming the method and the bad part;</li>
 *   <li>{@code openCodeLab} without a body sends the documented {@code {}};</li>
 *   <li>no public factory builds an HTTP client whose credentials are not bound to an origin.</li>
 * </ul>
 * Every exception text and log line captured is checked for every fake credential after each test.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class RequestInputFaultMatrixTest {

    // Fake credentials made for this test; distinctive so that a leak is unmistakable.
    private static final String IAM_TOKEN = "MIIZ-fake-iam-token-input-5c2e";
    private static final String SCNET_TOKEN = "eyJfake.scnet-token.input-9d1a";
    private static final String ACCESS_KEY = "AKIDFAKEINPUT0000000";
    private static final String SECRET_KEY = "fake-secret-key-input-4f7b";
    private static final String SECURITY_TOKEN = "fake-security-token-input-1e8c";
    private static final List<String> SECRETS = List.of(IAM_TOKEN, SCNET_TOKEN, SECRET_KEY, SECURITY_TOKEN);
    private static final String SCNET_ID = "4c1f43ddb030483e89b55413bee6c004";
    private static final String OPENED_ID = "f9937afa-ca78-45b6-bc12-7ecf42553c48";

    @RegisterExtension
    final MockWebServerExtension mock = new MockWebServerExtension();
    private final MockWebServer server = mock.server();
    private final List<String> captured = new CopyOnWriteArrayList<>();
    private final List<Throwable> uncaught = new CopyOnWriteArrayList<>();
    private Thread.UncaughtExceptionHandler previousHandler;
    private ModelArtsClient modelarts;
    private EihealthClient eihealth;
    private ScnetClient scnet;

    @BeforeEach
    void clients() {
        previousHandler = Thread.getDefaultUncaughtExceptionHandler();
        Thread.setDefaultUncaughtExceptionHandler((thread, e) -> uncaught.add(e));
        String url = server.url("/").toString();
        modelarts = ModelArtsClient.builder().baseUrl(url).token(IAM_TOKEN).options(options()).build();
        eihealth = EihealthClient.builder().baseUrl(url).token(IAM_TOKEN).options(options()).build();
        scnet = ScnetClient.builder().baseUrl(url).token(SCNET_TOKEN).options(options()).build();
    }

    /** Runs before the extension shuts the server down. */
    @AfterEach
    void nothingSecretWasShownAndNothingEscapedToADispatcherThread() {
        Thread.setDefaultUncaughtExceptionHandler(previousHandler);
        String all = String.join("\n", captured);
        for (String secret : SECRETS) {
            assertThat(all).as("captured log lines, exception texts and toString()s").doesNotContain(secret);
        }
        assertThat(uncaught).as("exceptions rethrown on OkHttp's dispatcher threads").isEmpty();
    }

    private ClientOptions options() {
        return SecurityClients.options(captured, null);
    }

    private Throwable thrown(ThrowingRunnable action) {
        Throwable e = catchThrowable(action::run);
        if (e != null) {
            SecurityClients.capture(e, captured);
        }
        return e;
    }

    @FunctionalInterface
    private interface ThrowingRunnable {
        void run() throws Throwable;
    }

    // ---- path parameters ----------------------------------------------------------------------------------------

    /** One required path parameter of one of the five operations; {@code {}} in the path template is its place. */
    private record PathParam(String operation, String requestClass, String param, String pathTemplate, String okBody,
                             String expected, Function<RequestInputFaultMatrixTest, Function<String, Call<?>>> call) {
        @Override
        public String toString() {
            return operation + " " + param;
        }

        Call<?> call(RequestInputFaultMatrixTest test, String value) {
            return call.apply(test).apply(value);
        }

        String path(String encoded) {
            return pathTemplate.replace("{}", encoded);
        }
    }

    private static final List<PathParam> PATH_PARAMS = List.of(
            new PathParam("ModelArts listNotebooks", "ListNotebooksRequest", "project_id", "/v1/{}/notebooks",
                    "{\"current\":0,\"data\":[],\"pages\":1,\"size\":0,\"total\":7}", "7",
                    t -> v -> t.modelarts.devEnviron().listNotebooks(DevEnvironApi.ListNotebooksRequest.builder(v).build())),
            new PathParam("ModelArts openCodeLab", "OpenCodeLabRequest", "project_id", "/v1/{}/notebooks/open",
                    "{\"id\":\"" + OPENED_ID + "\",\"status\":\"CREATING\"}", OPENED_ID,
                    t -> v -> t.modelarts.devEnviron().openCodeLab(DevEnvironApi.OpenCodeLabRequest.builder(v).build())),
            new PathParam("ModelArts listDevEnvInstances", "ListDevEnvInstancesRequest", "project_id", "/v1/{}/demanager/instances",
                    "{\"instances\":[],\"total_count\":7}", "7",
                    t -> v -> t.modelarts.devEnvironOldVersion().listDevEnvInstances(DevEnvironOldVersionApi.ListDevEnvInstancesRequest.builder(v).build())),
            new PathParam("EIHealth listNotebooks", "ListNotebooksRequest", "project_id", "/v1/{}/eihealth-projects/e/notebooks",
                    "{\"count\":7,\"notebooks\":[]}", "7",
                    t -> v -> t.eihealth.notebooks().listNotebooks(NotebooksApi.ListNotebooksRequest.builder(v, "e").build())),
            new PathParam("EIHealth listNotebooks", "ListNotebooksRequest", "eihealth_project_id", "/v1/p/eihealth-projects/{}/notebooks",
                    "{\"count\":7,\"notebooks\":[]}", "7",
                    t -> v -> t.eihealth.notebooks().listNotebooks(NotebooksApi.ListNotebooksRequest.builder("p", v).build())),
            new PathParam("SCNet getInstanceServiceDetail", "GetInstanceServiceDetailRequest", "id", "/ai/openapi/v2/instance-service/{}/detail",
                    "{\"code\":\"0\",\"msg\":\"success\",\"data\":{\"id\":\"" + SCNET_ID + "\"}}", SCNET_ID,
                    t -> v -> t.scnet.containerInstances().getInstanceServiceDetail(ContainerInstancesApi.GetInstanceServiceDetailRequest.builder(v).build())));

    /** Blank values: empty, spaces, tab, line breaks, a no-break space, a NUL. */
    private static final List<String> BLANK = List.of("", " ", "   ", "\t", "\r\n", "\n", "\u00A0", " \u2007 ", "\u0000");

    static Stream<Arguments> blankPathValues() {
        return PATH_PARAMS.stream().flatMap(p -> BLANK.stream().map(v -> Arguments.of(p, v)));
    }

    @ParameterizedTest(name = "{0} = \"{1}\"")
    @MethodSource("blankPathValues")
    void blankPathParameterFailsNamingItAndNothingIsSent(PathParam p, String value) {
        Throwable e = thrown(() -> p.call(this, value));

        assertThat(e).isInstanceOf(IllegalArgumentException.class).hasMessage(p.requestClass() + ": path parameter "
                + p.param() + " is blank; it must be a non-empty value (an empty segment would address another resource)");
        assertThat(server.getRequestCount()).isZero();
    }

    static Stream<Arguments> dotPathValues() {
        return PATH_PARAMS.stream().flatMap(p -> Stream.of(".", "..").map(v -> Arguments.of(p, v)));
    }

    @ParameterizedTest(name = "{0} = \"{1}\"")
    @MethodSource("dotPathValues")
    void dotSegmentFailsNamingTheParameterAndNothingIsSent(PathParam p, String value) {
        Throwable e = thrown(() -> p.call(this, value));

        assertThat(e).isInstanceOf(IllegalArgumentException.class).hasMessage(p.requestClass() + ": path parameter "
                + p.param() + " is '" + value + "'; it must not be . or .. (a dot segment would address another resource)");
        assertThat(server.getRequestCount()).isZero();
    }

    @Test
    void theBuildersSetterAndToBuilderAreCheckedToo() {
        DevEnvironApi.ListNotebooksRequest valid = DevEnvironApi.ListNotebooksRequest.builder("p").build();

        assertThat(thrown(() -> valid.toBuilder().projectId(" ").build())).isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("ListNotebooksRequest: path parameter project_id is blank");
        assertThat(thrown(() -> NotebooksApi.ListNotebooksRequest.builder("p", "e").eihealthProjectId("..")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("ListNotebooksRequest: path parameter eihealth_project_id is '..'");
        assertThat(thrown(() -> ContainerInstancesApi.GetInstanceServiceDetailRequest.builder(null)))
                .isInstanceOf(NullPointerException.class).hasMessage("id is required");
    }

    /** Values that must stay inside their segment, and the exact encoded segment the server must see. */
    private static final List<String[]> ENCODED = List.of(
            new String[] {"a/b", "a%2Fb"},
            new String[] {"/", "%2F"},
            new String[] {"../x", "..%2Fx"},
            new String[] {"..%2F", "..%252F"},
            new String[] {"%2F", "%252F"},
            new String[] {"%2e%2e", "%252e%252e"},
            new String[] {"?x=1", "%3Fx=1"},
            new String[] {"#frag", "%23frag"},
            new String[] {"a b", "a%20b"},
            new String[] {"...", "..."},
            new String[] {". .", ".%20."},
            new String[] {"a\\b", "a%5Cb"},
            new String[] {"\u00FCber", "%C3%BCber"},
            new String[] {"\u540D\u524D", "%E5%90%8D%E5%89%8D"},
            new String[] {"x\r\ny", "x%0D%0Ay"});

    static Stream<Arguments> encodedPathValues() {
        return PATH_PARAMS.stream().flatMap(p -> ENCODED.stream().map(v -> Arguments.of(p, v[0], v[1])));
    }

    @ParameterizedTest(name = "{0} = \"{1}\" -> {2}")
    @MethodSource("encodedPathValues")
    void everyPathValueIsEncodedInItsOwnSegment(PathParam p, String value, String encoded) throws Exception {
        server.enqueue(new MockResponse().setHeader("Content-Type", "application/json").setBody(p.okBody()));

        Response<?> response = p.call(this, value).execute();

        RecordedRequest request = server.takeRequest();
        assertThat(request.getPath()).isEqualTo(p.path(encoded));
        assertThat(request.getRequestUrl().pathSegments()).contains(value);
        assertThat(server.getRequestCount()).isEqualTo(1);
        assertThat(response.code()).isEqualTo(200);
        assertThat(String.valueOf(response.body())).contains(p.expected());
    }

    // ---- credentials with control characters ---------------------------------------------------------------------

    /** Bad credential values: a token file's trailing CRLF, LF alone, CR inside, NUL, BEL, ESC, DEL, a tab. */
    private static final List<String> BAD = List.of(IAM_TOKEN + "\r\n", IAM_TOKEN + "\n", "MIIZ-fake\rsplit-4a1b",
            "\u0000" + IAM_TOKEN, IAM_TOKEN + "\u0007", "MIIZ\u001Bfake-6c3d", IAM_TOKEN + "\u007F", "MIIZ\tfake-8b0e");

    private enum StaticCredential {
        MODELARTS_TOKEN("the X-Auth-Token header value", v -> ModelArtsClient.builder().baseUrl("https://127.0.0.1/").token(v).build()),
        EIHEALTH_TOKEN("the X-Auth-Token header value", v -> EihealthClient.builder().baseUrl("https://127.0.0.1/").token(v).build()),
        SCNET_TOKEN("the token header value", v -> ScnetClient.builder().host("api01.example.com:65106").token(v).build()),
        MODELARTS_AK("AK/SK credentials: the access key (AK, sent in the Authorization header)",
                v -> ModelArtsClient.builder().region("cn-north-4").akSk(AkSkCredentials.builder(v, SECRET_KEY).build()).build()),
        EIHEALTH_SK("AK/SK credentials: the secret key (SK)",
                v -> EihealthClient.builder().region("cn-north-4").akSk(AkSkCredentials.builder(ACCESS_KEY, v).build()).build()),
        MODELARTS_SECURITY_TOKEN("AK/SK credentials: the security token (X-Security-Token header)",
                v -> ModelArtsClient.builder().region("cn-north-4").akSk(AkSkCredentials.builder(ACCESS_KEY, SECRET_KEY).securityToken(v).build()).build()),
        EIHEALTH_PROJECT_ID("AK/SK credentials: the project id (X-Project-Id header)",
                v -> EihealthClient.builder().region("cn-north-4").akSk(AkSkCredentials.builder(ACCESS_KEY, SECRET_KEY).projectId(v).build()).build());

        final String what;
        final java.util.function.Consumer<String> build;

        StaticCredential(String what, java.util.function.Consumer<String> build) {
            this.what = what;
            this.build = build;
        }
    }

    static Stream<Arguments> staticCredentials() {
        return Arrays.stream(StaticCredential.values()).flatMap(c -> BAD.stream().map(v -> Arguments.of(c, v)));
    }

    @ParameterizedTest(name = "{0} {index}")
    @MethodSource("staticCredentials")
    void staticCredentialWithAControlCharacterIsRefusedWhenGiven(StaticCredential credential, String value) {
        Throwable e = thrown(() -> credential.build.accept(value));

        assertThat(e).isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith(credential.what + " contains a ")
                .hasMessageContaining(" and is refused (not trimmed)");
        assertThat(e.getMessage()).doesNotContain(value.strip()).doesNotContain("fake");
        assertThat(server.getRequestCount()).isZero();
    }

    @Test
    void theMessageSaysWhichCharacterAndWhere() {
        assertThat(thrown(() -> ModelArtsClient.builder().token(IAM_TOKEN + "\r\n"))).hasMessage(
                "the X-Auth-Token header value contains a carriage return (CR, 0x0D) at index " + IAM_TOKEN.length()
                        + " and is refused (not trimmed): a credential must be printable ASCII without surrounding spaces;"
                        + " a token read from a file often keeps its line break (CR/LF)");
        assertThat(thrown(() -> ScnetClient.builder().token("\u0000x"))).hasMessageStartingWith(
                "the token header value contains a NUL character (NUL, 0x00) at index 0 ");
        assertThat(thrown(() -> ScnetClient.builder().token("eyJ\u00E9")))
                .hasMessageStartingWith("the token header value contains a non-ASCII character at index 3 ");
        assertThat(thrown(() -> ScnetClient.builder().token(SCNET_TOKEN + " ")))
                .hasMessageStartingWith("the token header value contains a leading or trailing space ");
    }

    /** A client whose provider hands out {@code value}, and the header the message must name. */
    private enum ProviderCase {
        MODELARTS_TOKEN("the token provider gave a X-Auth-Token header value that contains "),
        EIHEALTH_TOKEN("the token provider gave a X-Auth-Token header value that contains "),
        SCNET_TOKEN("the token provider gave a token header value that contains "),
        MODELARTS_AKSK_SECURITY_TOKEN("the AK/SK credentials provider failed: AK/SK credentials: the security token (X-Security-Token header) contains "),
        EIHEALTH_AKSK_SECURITY_TOKEN("the AK/SK credentials provider failed: AK/SK credentials: the security token (X-Security-Token header) contains ");

        final String message;

        ProviderCase(String message) {
            this.message = message;
        }

        Call<?> call(RequestInputFaultMatrixTest t, String value) {
            String url = t.server.url("/").toString();
            CredentialsProvider<String> tokens = () -> value;
            CredentialsProvider<AkSkCredentials> akSk = () -> AkSkCredentials.builder(ACCESS_KEY, SECRET_KEY).securityToken(value).build();
            return switch (this) {
                case MODELARTS_TOKEN -> ModelArtsClient.builder().baseUrl(url).tokenProvider(tokens).options(t.options()).build()
                        .devEnviron().listNotebooks(DevEnvironApi.ListNotebooksRequest.builder("p").build());
                case EIHEALTH_TOKEN -> EihealthClient.builder().baseUrl(url).tokenProvider(tokens).options(t.options()).build()
                        .notebooks().listNotebooks(NotebooksApi.ListNotebooksRequest.builder("p", "e").build());
                case SCNET_TOKEN -> ScnetClient.builder().baseUrl(url).tokenProvider(tokens).options(t.options()).build()
                        .containerInstances().getInstanceServiceDetail(ContainerInstancesApi.GetInstanceServiceDetailRequest.builder(SCNET_ID).build());
                case MODELARTS_AKSK_SECURITY_TOKEN -> ModelArtsClient.builder().baseUrl(url).akSkProvider(akSk).options(t.options()).build()
                        .devEnviron().openCodeLab(DevEnvironApi.OpenCodeLabRequest.builder("p").build());
                case EIHEALTH_AKSK_SECURITY_TOKEN -> EihealthClient.builder().baseUrl(url).akSkProvider(akSk).options(t.options()).build()
                        .notebooks().listNotebooks(NotebooksApi.ListNotebooksRequest.builder("p", "e").build());
            };
        }
    }

    static Stream<Arguments> providerCases() {
        return Arrays.stream(ProviderCase.values()).flatMap(c -> BAD.stream().map(v -> Arguments.of(c, v)));
    }

    @ParameterizedTest(name = "{0} {index}")
    @MethodSource("providerCases")
    void providerCredentialWithAControlCharacterIsAnIOExceptionFromExecuteAndNothingIsSent(ProviderCase c, String value) {
        Throwable e = thrown(() -> c.call(this, value).execute());

        assertThat(e).isExactlyInstanceOf(IOException.class).hasMessageStartingWith(c.message);
        assertThat(e.getMessage()).doesNotContain(value.strip()).doesNotContain("fake");
        assertThat(server.getRequestCount()).isZero();
    }

    @ParameterizedTest(name = "{0} {index}")
    @MethodSource("providerCases")
    void providerCredentialWithAControlCharacterReachesOnFailureFromEnqueue(ProviderCase c, String value) throws Exception {
        CompletableFuture<Throwable> failure = new CompletableFuture<>();
        @SuppressWarnings("unchecked")
        Call<Object> call = (Call<Object>) c.call(this, value);

        call.enqueue(new Callback<>() {
            @Override
            public void onResponse(Call<Object> call, Response<Object> response) {
                failure.completeExceptionally(new AssertionError("unexpected response " + response.code()));
            }

            @Override
            public void onFailure(Call<Object> call, Throwable t) {
                failure.complete(t);
            }
        });

        Throwable e = failure.get(10, TimeUnit.SECONDS);
        SecurityClients.capture(e, captured);
        assertThat(e).isExactlyInstanceOf(IOException.class).hasMessageStartingWith(c.message);
        assertThat(e.getSuppressed()).isEmpty(); // not OkHttp's "canceled due to" wrapper of a rethrown exception
        assertThat(server.getRequestCount()).isZero();
        Thread.sleep(50); // a rethrow on the dispatcher thread would come right after the callback
    }

    @Test
    void aProviderThatThrowsIsAnIOExceptionToo() {
        CredentialsProvider<String> broken = () -> {
            throw new IllegalStateException("the vault is sealed");
        };
        ScnetClient client = ScnetClient.builder().baseUrl(server.url("/").toString()).tokenProvider(broken).options(options()).build();

        Throwable e = thrown(() -> client.containerInstances()
                .getInstanceServiceDetail(ContainerInstancesApi.GetInstanceServiceDetailRequest.builder(SCNET_ID).build()).execute());

        assertThat(e).isExactlyInstanceOf(IOException.class)
                .hasMessage("the token provider for the token header failed (IllegalStateException)")
                .hasCauseExactlyInstanceOf(IllegalStateException.class);
        assertThat(server.getRequestCount()).isZero();
    }

    // ---- what the caller holds shows no credential ---------------------------------------------------------------

    private enum Holder {
        MODELARTS_TOKEN("X-Auth-Token", IAM_TOKEN), EIHEALTH_AKSK("X-Security-Token", SECURITY_TOKEN), SCNET_TOKEN("token", RequestInputFaultMatrixTest.SCNET_TOKEN);

        final String header;
        final String secret;

        Holder(String header, String secret) {
            this.header = header;
            this.secret = secret;
        }
    }

    @ParameterizedTest
    @org.junit.jupiter.params.provider.EnumSource(Holder.class)
    void theResponsesRequestShowsNoCredentialAlthoughTheServerGotIt(Holder holder) throws Exception {
        String url = server.url("/").toString();
        server.enqueue(new MockResponse().setHeader("Content-Type", "application/json").setBody(switch (holder) {
            case MODELARTS_TOKEN -> "{\"current\":0,\"data\":[],\"pages\":1,\"size\":0,\"total\":7}";
            case EIHEALTH_AKSK -> "{\"count\":7,\"notebooks\":[]}";
            case SCNET_TOKEN -> "{\"code\":\"0\",\"msg\":\"success\",\"data\":{\"id\":\"" + SCNET_ID + "\"}}";
        }));
        Response<?> response = switch (holder) {
            case MODELARTS_TOKEN -> modelarts.devEnviron().listNotebooks(DevEnvironApi.ListNotebooksRequest.builder("p").build()).execute();
            case EIHEALTH_AKSK -> EihealthClient.builder().baseUrl(url).akSk(AkSkCredentials.builder(ACCESS_KEY, SECRET_KEY).securityToken(SECURITY_TOKEN).projectId("p").build())
                    .options(options()).build().notebooks().listNotebooks(NotebooksApi.ListNotebooksRequest.builder("p", "e").build()).execute();
            case SCNET_TOKEN -> scnet.containerInstances().getInstanceServiceDetail(
                    ContainerInstancesApi.GetInstanceServiceDetailRequest.builder(SCNET_ID).build()).execute();
        };

        assertThat(server.takeRequest().getHeader(holder.header)).isEqualTo(holder.secret);
        okhttp3.Response raw = response.raw();
        List<String> shown = new ArrayList<>(List.of(response.toString(), raw.toString(), raw.request().toString(),
                raw.request().headers().toString(), String.valueOf(raw.request().headers().toMultimap())));
        for (okhttp3.Response r = raw.networkResponse(); r != null; r = r.priorResponse()) {
            shown.add(r.request().toString());
            shown.add(r.request().headers().toString());
        }
        captured.addAll(shown);
        assertThat(raw.networkResponse()).isNotNull();
        for (String name : ServiceClients.SECRET_HEADERS) {
            assertThat(raw.request().header(name)).as(name).isNull();
            assertThat(raw.networkResponse().request().header(name)).as(name).isNull();
        }
        assertThat(String.join("\n", shown)).doesNotContain(holder.secret).doesNotContain(SECRET_KEY);
    }

    @Test
    void afterARefreshTheResponsesRequestShowsNeitherToken() throws Exception {
        String first = "MIIZ-fake-expiring-token-one-3f3f";
        String second = "MIIZ-fake-expiring-token-two-4e4e";
        List<String> given = new CopyOnWriteArrayList<>(List.of(first, second));
        CredentialsProvider<String> tokens = new CredentialsProvider<>() {
            @Override
            public String get() {
                return given.get(0);
            }

            @Override
            public void invalidate(String rejected) {
                given.remove(rejected);
            }
        };
        server.enqueue(new MockResponse().setResponseCode(401).setHeader("Content-Type", "application/json")
                .setBody("{\"error_code\":\"APIGW.0307\",\"error_msg\":\"The token must be updated.\"}"));
        server.enqueue(new MockResponse().setHeader("Content-Type", "application/json").setBody("{\"count\":7,\"notebooks\":[]}"));

        Response<?> response = EihealthClient.builder().baseUrl(server.url("/").toString()).tokenProvider(tokens).options(options())
                .build().notebooks().listNotebooks(NotebooksApi.ListNotebooksRequest.builder("p", "e").build()).execute();

        assertThat(server.takeRequest().getHeader("X-Auth-Token")).isEqualTo(first);
        assertThat(server.takeRequest().getHeader("X-Auth-Token")).isEqualTo(second);
        String shown = response.raw().request() + "\n" + response.raw().networkResponse().request() + "\n" + response.raw();
        captured.add(shown);
        assertThat(shown).doesNotContain(first).doesNotContain(second);
    }

    @Test
    void aFollowUpOfTheCallersBaseClientLeavesAPriorResponseWithoutCredentialsToo() throws Exception {
        // OkHttp's own follow-up (here: the caller's authenticator answering a 401 once) sits below the runtime's
        // interceptors, so the prior response's request carried the token on the wire
        OkHttpClient base = new OkHttpClient.Builder()
                .authenticator((route, answer) -> answer.priorResponse() == null ? answer.request() : null).build();
        server.enqueue(new MockResponse().setResponseCode(401));
        server.enqueue(new MockResponse().setHeader("Content-Type", "application/json").setBody("{\"count\":7,\"notebooks\":[]}"));

        Response<?> response = EihealthClient.builder().baseUrl(server.url("/").toString()).token(IAM_TOKEN)
                .options(SecurityClients.options(captured, base)).build()
                .notebooks().listNotebooks(NotebooksApi.ListNotebooksRequest.builder("p", "e").build()).execute();

        assertThat(server.takeRequest().getHeader("X-Auth-Token")).isEqualTo(IAM_TOKEN);
        assertThat(server.takeRequest().getHeader("X-Auth-Token")).isEqualTo(IAM_TOKEN);
        okhttp3.Response prior = response.raw().priorResponse();
        assertThat(prior).isNotNull();
        assertThat(prior.code()).isEqualTo(401);
        String shown = response.raw().request() + "\n" + prior.request() + "\n" + prior.request().headers();
        captured.add(shown);
        assertThat(prior.request().header("X-Auth-Token")).isNull();
        assertThat(shown).doesNotContain(IAM_TOKEN);
    }

    // ---- region(...), host(...), baseUrl(...) --------------------------------------------------------------------

    @ParameterizedTest
    @ValueSource(strings = {"cn-north-4", "cn-north-1", "cn-east-3", "cn-southwest-2", "ap-southeast-1", "ap-southeast-4",
            "af-south-1", "la-south-2", "la-north-2", "sa-brazil-1", "tr-west-1", "me-east-1", "eu-west-101", "cn-north-12"})
    void regionIdsOfHuaweiCloudGiveTheVendorsEndpoint(String region) {
        assertThat(ModelArtsClient.regionUrl(region)).isEqualTo("https://modelarts." + region + ".myhuaweicloud.com/");
        assertThat(EihealthClient.regionUrl(region)).isEqualTo("https://eihealth." + region + ".myhuaweicloud.com/");
    }

    static Stream<Arguments> badRegions() {
        return Stream.of(
                Arguments.of("x.attacker.example#", "contains '.' at index 1"),
                Arguments.of("cn-north-4.attacker.example", "contains '.' at index 10"),
                Arguments.of("cn-north-4#", "contains a fragment ('#') at index 10"),
                Arguments.of("cn-north-4/", "contains a path ('/') at index 10"),
                Arguments.of("cn-north-4@attacker.example", "contains user info ('@') at index 10"),
                Arguments.of("attacker.example:443/x?", "contains '.' at index 8"),
                Arguments.of("cn-north-4 ", "contains a space at index 10"),
                Arguments.of("cn-north-4\r\n", "contains a carriage return (CR) at index 10"),
                Arguments.of("CN-NORTH-4", "contains an upper-case letter at index 0"),
                Arguments.of("cn-north", "is not of that form"),
                Arguments.of("eu-de", "is not of that form"),
                Arguments.of("4-cn-north", "is not of that form"));
    }

    @ParameterizedTest(name = "region(\"{0}\")")
    @MethodSource("badRegions")
    void regionTakesARegionIdOnly(String region, String what) {
        String message = "region(...) takes a Huawei Cloud region id such as cn-north-4 or ap-southeast-1 (lower-case"
                + " words and a number joined by hyphens); the value given " + what + "; for another endpoint use baseUrl(...)";
        assertThat(thrown(() -> ModelArtsClient.builder().region(region))).isInstanceOf(IllegalArgumentException.class).hasMessage(message);
        assertThat(thrown(() -> EihealthClient.builder().region(region))).isInstanceOf(IllegalArgumentException.class).hasMessage(message);
        assertThat(thrown(() -> ModelArtsClient.regionUrl(region))).hasMessage(message);
        assertThat(thrown(() -> ModelArtsClient.builder().region(""))).hasMessage("region(...): the region id is missing; give one such as cn-north-4");
    }

    @ParameterizedTest
    @ValueSource(strings = {"api01.example.com:65106", "api01.example.com", "127.0.0.1:8443", "[::1]:8443", "[2001:db8::1]", "localhost", "API01.Example.com:443"})
    void hostTakesAHostAndPortAndTheOriginIsExactlyThat(String host) {
        String url = org.contractfirst.notebooks.runtime.internal.Endpoints.hostUrl(host);
        okhttp3.HttpUrl parsed = okhttp3.HttpUrl.get(url);
        String name = host.startsWith("[") ? host.substring(0, host.indexOf(']') + 1) : host.split(":")[0];
        int port = host.matches(".*:[0-9]+$") && !host.endsWith("]") ? Integer.parseInt(host.substring(host.lastIndexOf(':') + 1)) : 443;
        assertThat(Origin.of(parsed)).isEqualTo(new Origin("https", name.replace("[", "").replace("]", ""), port));
        assertThat(parsed.encodedPath()).isEqualTo("/");
        assertThat(parsed.query()).isNull();
        assertThat(ScnetClient.builder().host(host).token(SCNET_TOKEN).build()).isNotNull();
    }

    static Stream<Arguments> badHosts() {
        return Stream.of(
                Arguments.of("h:1@evil.example", "host(...) takes a host and an optional port only, such as api01.example.com:65106; the value given contains user info ('@') at index 3"),
                Arguments.of("user:fake-password@api01.example.com", "host(...) takes a host and an optional port only, such as api01.example.com:65106; the value given contains user info ('@') at index 18"),
                Arguments.of("api01.example.com/evil", "host(...) takes a host and an optional port only, such as api01.example.com:65106; the value given contains a path ('/') at index 17"),
                Arguments.of("evil.example\\@api01.example.com", "host(...) takes a host and an optional port only, such as api01.example.com:65106; the value given contains a path ('\\') at index 12"),
                Arguments.of("api01.example.com?x", "host(...) takes a host and an optional port only, such as api01.example.com:65106; the value given contains a query ('?') at index 17"),
                Arguments.of("evil.example#.api01.example.com", "host(...) takes a host and an optional port only, such as api01.example.com:65106; the value given contains a fragment ('#') at index 12"),
                Arguments.of(" api01.example.com", "host(...) takes a host and an optional port only, such as api01.example.com:65106; the value given contains a space at index 0"),
                Arguments.of("api01.example.com\r\n", "host(...) takes a host and an optional port only, such as api01.example.com:65106; the value given contains a carriage return (CR) at index 17"),
                Arguments.of("https://api01.example.com", "host(...) takes a host and an optional port only, such as api01.example.com:65106; the value given contains a path ('/') at index 6"),
                Arguments.of("2001:db8::1", "host(...): more than one ':'; write an IPv6 address in brackets, e.g. [2001:db8::1]:8443"),
                Arguments.of("[::1", "host(...): an IPv6 address is missing its closing ']'"),
                Arguments.of("[::1]x", "host(...): only ':port' may follow the bracketed IPv6 address"),
                Arguments.of("api01.example.com:0", "host(...): the port must be a number from 1 to 65535"),
                Arguments.of("api01.example.com:65536", "host(...): the port must be a number from 1 to 65535"),
                Arguments.of("api01.example.com:", "host(...): the port must be a number from 1 to 65535"),
                Arguments.of("api01.example.com:8a", "host(...): the port must be a number from 1 to 65535"),
                Arguments.of("api01..example.com", "host(...): the host name is not a DNS name or IPv4 address (letters, digits and hyphens in dot-separated labels)"),
                Arguments.of("evil_example.com", "host(...): the host name is not a DNS name or IPv4 address (letters, digits and hyphens in dot-separated labels)"),
                Arguments.of("", "host(...): the host is missing; give one such as api01.example.com:65106"));
    }

    @ParameterizedTest(name = "host(\"{0}\")")
    @MethodSource("badHosts")
    void hostTakesAHostAndPortOnly(String host, String message) {
        Throwable e = thrown(() -> ScnetClient.builder().host(host));

        assertThat(e).isInstanceOf(IllegalArgumentException.class).hasMessage(message);
        assertThat(e.getMessage()).doesNotContain("fake-password").doesNotContain("evil");
    }

    static Stream<Arguments> badBaseUrls() {
        return Stream.of(
                Arguments.of("https://user:fake-password@api01.example.com/", "baseUrl(...): the URL contains user info (user:password@), which is not allowed; give credentials to token(...) or akSk(...)"),
                Arguments.of("https://h:1@evil.example/", "baseUrl(...): the URL contains user info (user:password@), which is not allowed; give credentials to token(...) or akSk(...)"),
                Arguments.of("https://@evil.example/", "baseUrl(...): the URL contains user info (user:password@), which is not allowed; give credentials to token(...) or akSk(...)"),
                Arguments.of("https://api01.example.com/?token=fake-password", "baseUrl(...): the URL contains a query ('?'), which is not allowed"),
                Arguments.of("https://evil.example#@api01.example.com/", "baseUrl(...): the URL contains a fragment ('#'), which is not allowed"),
                Arguments.of("https://evil.example\\@api01.example.com/", "baseUrl(...): the URL contains a path ('\\') at index 20; percent-encode it in the path, or remove it"),
                Arguments.of(" https://api01.example.com/", "baseUrl(...): the URL contains a space at index 0; percent-encode it in the path, or remove it"),
                Arguments.of("https://api01.example.com/v1\r\n", "baseUrl(...): the URL contains a carriage return (CR) at index 28; percent-encode it in the path, or remove it"),
                Arguments.of("https://evil%2Eexample/", "baseUrl(...): the URL's host contains percent-encoding ('%'), which is not allowed"),
                Arguments.of("ftp://api01.example.com/", "baseUrl(...): the URL must start with https:// (or http://)"),
                Arguments.of("api01.example.com", "baseUrl(...): the URL must start with https:// (or http://)"),
                Arguments.of("https://api01.example.com:99999/", "baseUrl(...): not a valid http(s) URL (check the host and the port)"),
                Arguments.of("", "baseUrl(...): the URL is missing"));
    }

    @ParameterizedTest(name = "baseUrl(\"{0}\")")
    @MethodSource("badBaseUrls")
    void baseUrlIsParsedStrictly(String url, String message) {
        for (Supplier<Throwable> builder : List.<Supplier<Throwable>>of(
                () -> thrown(() -> ModelArtsClient.builder().baseUrl(url)),
                () -> thrown(() -> EihealthClient.builder().baseUrl(url)),
                () -> thrown(() -> ScnetClient.builder().baseUrl(url)))) {
            Throwable e = builder.get();
            assertThat(e).isInstanceOf(IllegalArgumentException.class).hasMessage(message);
            assertThat(e.getMessage()).doesNotContain("fake-password").doesNotContain("evil");
        }
    }

    @Test
    void aPlainBaseUrlWithAPathIsKeptAsWritten() throws Exception {
        String url = server.url("/gateway/modelarts").toString();
        server.enqueue(new MockResponse().setHeader("Content-Type", "application/json")
                .setBody("{\"current\":0,\"data\":[],\"pages\":1,\"size\":0,\"total\":7}"));

        Long total = ModelArtsClient.builder().baseUrl(url).token(IAM_TOKEN).options(options()).build().devEnviron()
                .listNotebooks(DevEnvironApi.ListNotebooksRequest.builder("p").build()).execute().body().getTotal();

        assertThat(total).isEqualTo(7L);
        RecordedRequest request = server.takeRequest();
        assertThat(request.getPath()).isEqualTo("/gateway/modelarts/v1/p/notebooks");
        assertThat(request.getHeader("X-Auth-Token")).isEqualTo(IAM_TOKEN);
    }

    // ---- openCodeLab without its optional body -------------------------------------------------------------------

    @Test
    void openCodeLabWithoutBodySendsTheDocumentedEmptyObject() throws Exception {
        server.enqueue(new MockResponse().setHeader("Content-Type", "application/json")
                .setBody("{\"id\":\"" + OPENED_ID + "\",\"status\":\"CREATING\"}"));

        NotebookResp opened = modelarts.devEnviron().openCodeLab(DevEnvironApi.OpenCodeLabRequest.builder("p").build()).execute().body();

        assertThat(opened.getId()).isEqualTo(OPENED_ID);
        RecordedRequest request = server.takeRequest();
        assertThat(request.getMethod()).isEqualTo("POST");
        assertThat(request.getPath()).isEqualTo("/v1/p/notebooks/open");
        assertThat(request.getHeader("Content-Type")).isEqualTo("application/json");
        assertThat(request.getBody().readUtf8()).isEqualTo("{}");
    }

    // ---- no factory without origin binding ------------------------------------------------------------------------

    @Test
    void everyPublicFactoryOfAnHttpClientBindsTheCredentialsToAnOrigin() {
        List<Method> factories = Arrays.stream(ServiceClients.class.getDeclaredMethods())
                .filter(m -> Modifier.isPublic(m.getModifiers()) && m.getReturnType() == OkHttpClient.class)
                .toList();

        assertThat(factories).isNotEmpty().allSatisfy(m -> assertThat(m.getParameterTypes()).contains(Origin.class));
    }
}
