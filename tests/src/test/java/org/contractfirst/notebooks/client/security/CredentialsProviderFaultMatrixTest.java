package org.contractfirst.notebooks.client.security;

import org.contractfirst.notebooks.scnet.api.ContainerInstancesApi;
import org.contractfirst.notebooks.modelarts.api.DevEnvironApi;
import org.contractfirst.notebooks.eihealth.api.NotebooksApi;
import okhttp3.mockwebserver.Dispatcher;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import org.contractfirst.notebooks.client.support.MockWebServerExtension;
import okhttp3.mockwebserver.RecordedRequest;
import org.contractfirst.notebooks.eihealth.EihealthClient;
import org.contractfirst.notebooks.modelarts.ModelArtsClient;
import org.contractfirst.notebooks.runtime.ApiException;
import org.contractfirst.notebooks.runtime.ClientOptions;
import org.contractfirst.notebooks.runtime.auth.AkSkCredentials;
import org.contractfirst.notebooks.runtime.auth.CredentialsProvider;
import org.contractfirst.notebooks.runtime.auth.JwtExpiry;
import org.contractfirst.notebooks.runtime.auth.RefreshingCredentialsProvider;
import org.contractfirst.notebooks.runtime.auth.RefreshingCredentialsProvider.Expiring;
import org.contractfirst.notebooks.scnet.ScnetClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * Fault matrix, credentials that change: the provider is asked before each request; an answer that says the
 * credentials expired makes the client refresh once and send once more; a wrong credential is reported at once,
 * a second expiry answer too (never a loop); 8 threads meeting one expiry cause one refresh; temporary AK/SK
 * with a security token go the same way; an SCNet JWT is replaced ahead of its {@code expireTime}.
 */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class CredentialsProviderFaultMatrixTest {

    private static final String PAGE = "{\"count\":7,\"notebooks\":[]}";
    private static final String EXPIRED_0307 = "{\"error_code\":\"APIGW.0307\",\"error_msg\":\"The token must be updated.\",\"request_id\":\"r-0307\"}";
    private static final String WRONG_0301 = "{\"error_code\":\"APIGW.0301\",\"error_msg\":\"Incorrect IAM authentication information: decrypt token fail\"}";

    // Fake tokens made for this test.
    private static final String TOKEN_1 = "MIIZ-fake-provider-token-one-11aa";
    private static final String TOKEN_2 = "MIIZ-fake-provider-token-two-22bb";

    private final List<String> captured = new CopyOnWriteArrayList<>();
    @RegisterExtension
    final MockWebServerExtension mock = new MockWebServerExtension();
    private final MockWebServer server = mock.server();

    /** Runs before the extension shuts the server down: nothing secret in what the clients logged or threw. */
    @AfterEach
    void noSecretWasPrinted() {
        List<String> secrets = new ArrayList<>(SecurityClients.SECRETS);
        secrets.addAll(List.of(TOKEN_1, TOKEN_2, "fake-temporary-sk-", "fake-temporary-security-token-"));
        String all = String.join("\n", captured);
        for (String secret : secrets) {
            assertThat(all).as("captured log lines and exception texts").doesNotContain(secret);
        }
    }

    private static MockResponse json(int status, String body) {
        return new MockResponse().setResponseCode(status).setHeader("Content-Type", "application/json").setBody(body);
    }

    private ClientOptions options() {
        return SecurityClients.options(captured, null);
    }

    /** A fetcher handing out TOKEN_1, TOKEN_2, ... (then a third token), valid for a day; counts its calls. */
    private static RefreshingCredentialsProvider<String> tokens(AtomicInteger fetches) {
        return new RefreshingCredentialsProvider<>(() -> {
            int n = fetches.incrementAndGet();
            String token = n == 1 ? TOKEN_1 : n == 2 ? TOKEN_2 : "MIIZ-fake-provider-token-" + n;
            return new Expiring<>(token, Instant.now().plus(Duration.ofHours(24)));
        });
    }

    private int listEihealth(CredentialsProvider<String> provider) throws IOException {
        return EihealthClient.builder().baseUrl(server.url("/").toString()).tokenProvider(provider).options(options()).build()
                .notebooks().listNotebooks(NotebooksApi.ListNotebooksRequest.builder("p", "e").build()).execute().body().getCount();
    }

    @Test
    void providerIsAskedBeforeEachRequest() throws Exception {
        AtomicInteger asked = new AtomicInteger();
        CredentialsProvider<String> rotating = () -> asked.incrementAndGet() == 1 ? TOKEN_1 : TOKEN_2;
        EihealthClient client = EihealthClient.builder().baseUrl(server.url("/").toString()).tokenProvider(rotating).options(options()).build();
        server.enqueue(json(200, PAGE));
        server.enqueue(json(200, PAGE));

        client.notebooks().listNotebooks(NotebooksApi.ListNotebooksRequest.builder("p", "e").build()).execute();
        client.notebooks().listNotebooks(NotebooksApi.ListNotebooksRequest.builder("p", "e").build()).execute();

        assertThat(server.takeRequest().getHeader("X-Auth-Token")).isEqualTo(TOKEN_1);
        assertThat(server.takeRequest().getHeader("X-Auth-Token")).isEqualTo(TOKEN_2);
        assertThat(asked).hasValue(2);
    }

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource(delimiter = '|', value = {
            "APIGW.0307|The token must be updated.",
            "APIG.0307|The token must be updated.",
            "APIGW.0301|Incorrect IAM authentication information: token expires, expires_at: 2026-12-01T17:00:00.000000Z"})
    void expiredTokenIsRefreshedOnceAndTheRequestSentOnceMore(String code, String message) throws Exception {
        AtomicInteger fetches = new AtomicInteger();
        RefreshingCredentialsProvider<String> provider = tokens(fetches);
        server.enqueue(json(401, "{\"error_code\":\"" + code + "\",\"error_msg\":\"" + message + "\"}"));
        server.enqueue(json(200, PAGE));

        assertThat(listEihealth(provider)).isEqualTo(7);

        assertThat(server.takeRequest().getHeader("X-Auth-Token")).isEqualTo(TOKEN_1);
        assertThat(server.takeRequest().getHeader("X-Auth-Token")).isEqualTo(TOKEN_2);
        assertThat(server.getRequestCount()).isEqualTo(2);
        assertThat(fetches).hasValue(2);
        assertThat(provider.fetchCount()).isEqualTo(2);
    }

    @Test
    void wrongTokenIsReportedAtOnceWithoutRefresh() throws Exception {
        AtomicInteger fetches = new AtomicInteger();
        server.enqueue(json(401, WRONG_0301));
        server.enqueue(json(200, PAGE)); // must not be reached

        ApiException e = catchThrowableOfType(ApiException.class, () -> listEihealth(tokens(fetches)));

        assertThat(e.httpStatus()).isEqualTo(401);
        assertThat(e.errorCode()).isEqualTo("APIGW.0301");
        assertThat(e.errorMessage()).isEqualTo("Incorrect IAM authentication information: decrypt token fail");
        assertThat(server.getRequestCount()).isEqualTo(1);
        assertThat(fetches).hasValue(1);
        SecurityClients.capture(e, captured);
    }

    @Test
    void secondExpiryAnswerIsReportedNotLooped() throws Exception {
        AtomicInteger fetches = new AtomicInteger();
        for (int i = 0; i < 3; i++) {
            server.enqueue(json(401, EXPIRED_0307));
        }

        ApiException e = catchThrowableOfType(ApiException.class, () -> listEihealth(tokens(fetches)));

        assertThat(e.httpStatus()).isEqualTo(401);
        assertThat(e.errorCode()).isEqualTo("APIGW.0307");
        assertThat(e.requestId()).isEqualTo("r-0307");
        assertThat(server.getRequestCount()).isEqualTo(2);
        assertThat(fetches).hasValue(2);
        SecurityClients.capture(e, captured);
    }

    @Test
    void providerWithNothingNewerReportsTheExpiryAfterOneRequest() throws Exception {
        server.enqueue(json(401, EXPIRED_0307));
        server.enqueue(json(200, PAGE)); // must not be reached
        CredentialsProvider<String> fixed = CredentialsProvider.fixed(TOKEN_1);

        ApiException e = catchThrowableOfType(ApiException.class, () -> listEihealth(fixed));

        assertThat(e.errorCode()).isEqualTo("APIGW.0307");
        assertThat(server.getRequestCount()).isEqualTo(1);
        captured.add(fixed.toString());
        SecurityClients.capture(e, captured);
    }

    @Test
    void eightThreadsMeetingOneExpiryCauseOneRefresh() throws Exception {
        server.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) {
                return TOKEN_2.equals(request.getHeader("X-Auth-Token")) ? json(200, PAGE) : json(401, EXPIRED_0307);
            }
        });
        AtomicInteger fetches = new AtomicInteger();
        AtomicInteger inFlight = new AtomicInteger();
        AtomicInteger maxInFlight = new AtomicInteger();
        RefreshingCredentialsProvider<String> provider = new RefreshingCredentialsProvider<>(() -> {
            maxInFlight.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
            try {
                Thread.sleep(50); // a slow IAM call, so that the threads overlap
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            inFlight.decrementAndGet();
            return new Expiring<>(fetches.incrementAndGet() == 1 ? TOKEN_1 : TOKEN_2, null);
        });
        provider.get(); // every thread starts with TOKEN_1, which the server considers expired
        EihealthClient client = EihealthClient.builder().baseUrl(server.url("/").toString()).tokenProvider(provider).options(options()).build();
        CountDownLatch go = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<Integer>> results = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                Callable<Integer> call = () -> {
                    go.await();
                    return client.notebooks().listNotebooks(NotebooksApi.ListNotebooksRequest.builder("p", "e").build()).execute().body().getCount();
                };
                results.add(pool.submit(call));
            }
            go.countDown();
            for (Future<Integer> result : results) {
                assertThat(result.get(20, TimeUnit.SECONDS)).isEqualTo(7);
            }
        } finally {
            pool.shutdownNow();
        }

        assertThat(fetches).as("fetches: the initial token and one refresh").hasValue(2);
        assertThat(maxInFlight).as("fetches in flight at once").hasValue(1);
        assertThat(server.getRequestCount()).isBetween(9, 16); // each thread: at most one expired answer, then success
    }

    @Test
    void temporaryAkSkWithSecurityTokenIsRefreshedAndSignedAfresh() throws Exception {
        AkSkCredentials first = AkSkCredentials.builder("AKIDFAKETEMPORARY001", "fake-temporary-sk-1").securityToken("fake-temporary-security-token-1").build();
        AkSkCredentials second = AkSkCredentials.builder("AKIDFAKETEMPORARY002", "fake-temporary-sk-2").securityToken("fake-temporary-security-token-2").build();
        AtomicInteger fetches = new AtomicInteger();
        RefreshingCredentialsProvider<AkSkCredentials> temporary = new RefreshingCredentialsProvider<>(
                () -> new Expiring<>(fetches.incrementAndGet() == 1 ? first : second, Instant.now().plus(Duration.ofMinutes(15))),
                Duration.ofMinutes(1), Clock.systemUTC());
        server.enqueue(json(401, EXPIRED_0307));
        server.enqueue(json(200, "{\"current\":0,\"data\":[],\"pages\":1,\"size\":0,\"total\":7}"));
        ModelArtsClient modelarts = ModelArtsClient.builder().baseUrl(server.url("/").toString()).akSkProvider(temporary)
                .options(options()).build();

        Long total = modelarts.devEnviron().listNotebooks(DevEnvironApi.ListNotebooksRequest.builder("p").build())
                .execute().body().getTotal();

        assertThat(total).isEqualTo(7L);
        RecordedRequest expired = server.takeRequest();
        RecordedRequest refreshed = server.takeRequest();
        assertThat(expired.getHeader("X-Security-Token")).isEqualTo("fake-temporary-security-token-1");
        assertThat(expired.getHeader("Authorization")).startsWith("SDK-HMAC-SHA256 Access=AKIDFAKETEMPORARY001,");
        assertThat(refreshed.getHeader("X-Security-Token")).isEqualTo("fake-temporary-security-token-2");
        assertThat(refreshed.getHeader("Authorization")).startsWith("SDK-HMAC-SHA256 Access=AKIDFAKETEMPORARY002,");
        SecurityClients.assertSignedFor(refreshed, second);
        assertThat(fetches).hasValue(2);
        captured.add(temporary.toString());
        captured.add(first.toString());
    }

    @Test
    void scnetJwtIsReplacedAheadOfItsExpireTimeWithoutA401() throws Exception {
        MutableClock clock = new MutableClock(Instant.parse("2026-12-02T08:00:00Z"));
        String jwtA = jwt(clock.instant().plus(Duration.ofHours(1)), "a");
        String jwtB = jwt(clock.instant().plus(Duration.ofHours(25)), "b");
        AtomicInteger fetches = new AtomicInteger();
        RefreshingCredentialsProvider<String> scnetTokens = new RefreshingCredentialsProvider<>(() -> {
            String token = fetches.incrementAndGet() == 1 ? jwtA : jwtB; // e.g. POST /ac/openapi/v2/tokens/next
            return new Expiring<>(token, JwtExpiry.of(token));
        }, Duration.ofMinutes(5), clock);
        ScnetClient scnet = ScnetClient.builder().baseUrl(server.url("/").toString()).tokenProvider(scnetTokens).options(options()).build();
        String ok = "{\"code\":\"0\",\"msg\":\"success\",\"data\":{\"id\":\"" + SecurityClients.SCNET_ID + "\"}}";
        for (int i = 0; i < 3; i++) {
            server.enqueue(json(200, ok));
        }

        scnet.containerInstances().getInstanceServiceDetail(ContainerInstancesApi.GetInstanceServiceDetailRequest.builder(SecurityClients.SCNET_ID).build()).execute();
        clock.set(Instant.parse("2026-12-02T08:54:00Z")); // 6 minutes before jwtA expires: still used
        scnet.containerInstances().getInstanceServiceDetail(ContainerInstancesApi.GetInstanceServiceDetailRequest.builder(SecurityClients.SCNET_ID).build()).execute();
        clock.set(Instant.parse("2026-12-02T08:56:00Z")); // within 5 minutes of its expiry: replaced first
        String id = scnet.containerInstances().getInstanceServiceDetail(ContainerInstancesApi.GetInstanceServiceDetailRequest.builder(SecurityClients.SCNET_ID).build()).execute().body().getData().getId();

        assertThat(id).isEqualTo(SecurityClients.SCNET_ID);
        assertThat(JwtExpiry.of(jwtA)).isEqualTo(Instant.parse("2026-12-02T09:00:00Z"));
        assertThat(server.takeRequest().getHeader("token")).isEqualTo(jwtA);
        assertThat(server.takeRequest().getHeader("token")).isEqualTo(jwtA);
        assertThat(server.takeRequest().getHeader("token")).isEqualTo(jwtB);
        assertThat(fetches).hasValue(2);
    }

    @Test
    void scnet401RefreshesOnceAndSendsOnceMore() throws Exception {
        AtomicInteger fetches = new AtomicInteger();
        server.enqueue(json(401, "{\"code\":\"401\",\"msg\":\"token expired\"}"));
        server.enqueue(json(401, "{\"code\":\"401\",\"msg\":\"token expired\"}"));
        server.enqueue(json(200, "{\"code\":\"0\",\"msg\":\"success\",\"data\":{\"id\":\"x\"}}")); // must not be reached
        ScnetClient scnet = ScnetClient.builder().baseUrl(server.url("/").toString()).tokenProvider(tokens(fetches)).options(options()).build();

        ApiException e = catchThrowableOfType(ApiException.class,
                () -> scnet.containerInstances().getInstanceServiceDetail(ContainerInstancesApi.GetInstanceServiceDetailRequest.builder(SecurityClients.SCNET_ID).build()).execute());

        assertThat(e.httpStatus()).isEqualTo(401);
        assertThat(server.takeRequest().getHeader("token")).isEqualTo(TOKEN_1);
        assertThat(server.takeRequest().getHeader("token")).isEqualTo(TOKEN_2);
        assertThat(server.getRequestCount()).isEqualTo(2);
        assertThat(fetches).hasValue(2);
        SecurityClients.capture(e, captured);
    }

    @Test
    void jwtExpiryReadsExpAndExpireTimeAndNothingElse() {
        String seedToken = "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJjb21wdXRlVXNlciI6InNsdXJtdGVzdCIsImFjY291bnRTdGF0dXMiOiJUcmlhbCIsImNyZWF0b3IiOiJhYyIsInJvbGUiOiIxIiwiZXhwaXJlVGltZSI6IjE2ODYxMjMzNDY1NjgiLCJjbHVzdGVySWQiOiIxMTExMiIsImludm9rZXIiOiI2MDQ4Y2U3YmExNWMyYWYyZThjZWMxMjk5MWVjMTNjZiIsInVzZXIiOiJzbHVybXRlc3QiLCJ1c2VySWQiOiIxMTY1NTA0ODU0MSJ9.iQUBzN32jiCeeFuJ9lFS_XjBpxenEEupQRiyA3Ef334";
        String standard = "e30." + b64("{\"exp\":1764662400}") + ".sig";

        assertThat(JwtExpiry.of(seedToken)).as("the SCNet page's example token (expireTime in ms)").isEqualTo(Instant.ofEpochMilli(1686123346568L));
        assertThat(JwtExpiry.of(standard)).isEqualTo(Instant.ofEpochSecond(1764662400L));
        assertThat(JwtExpiry.of("not-a-jwt")).isNull();
        assertThat(JwtExpiry.of("e30.e30.sig")).isNull();
        assertThat(JwtExpiry.of("e30.%%%.sig")).isNull();
    }

    /** An SCNet-style token: payload with {@code expireTime} in milliseconds, as a string. */
    private static String jwt(Instant expires, String user) {
        return b64("{\"alg\":\"HS256\",\"typ\":\"JWT\"}") + "." + b64("{\"user\":\"" + user + "\",\"expireTime\":\"" + expires.toEpochMilli() + "\"}")
                + ".fake-signature";
    }

    private static String b64(String json) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }

    private static final class MutableClock extends Clock {
        private final AtomicReference<Instant> now;

        MutableClock(Instant start) {
            now = new AtomicReference<>(start);
        }

        void set(Instant instant) {
            now.set(instant);
        }

        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now.get();
        }
    }
}
