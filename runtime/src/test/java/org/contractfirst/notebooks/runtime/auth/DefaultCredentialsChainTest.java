package org.contractfirst.notebooks.runtime.auth;

import okhttp3.mockwebserver.Dispatcher;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.RecordedRequest;
import okhttp3.mockwebserver.SocketPolicy;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The chain of {@link DefaultCredentialsChain} with an injected environment and home directory, and a
 * {@link MockWebServer} as the ECS metadata service (the SDK's MetadataAccessor protocol: session token PUT, then
 * the security key GET). Every failure message is checked to hold none of the fake secrets.
 */
class DefaultCredentialsChainTest {

    private static final String AK = "AKENVEXAMPLE000000001";
    private static final String SK = "env-secret-key-not-real";
    private static final String TOKEN = "env-security-token-not-real";
    private static final String PROJECT = "0123456789abcdef0123456789abcdef";
    private static final String META_AK = "AKMETAEXAMPLE00000002";
    private static final String META_SK = "meta-secret-key-not-real";
    private static final String META_TOKEN = "meta-security-token-not-real";
    private static final String SESSION = "metadata-session-token-not-real";
    private static final List<String> SECRETS = List.of(SK, TOKEN, META_SK, META_TOKEN, SESSION,
            "profile-secret-key-not-real", "profile-security-token-not-real");
    private static final Instant NOW = Instant.parse("2026-12-07T08:00:00Z");

    @TempDir
    Path home;

    private final MockWebServer metadata = new MockWebServer();
    private final MutableClock clock = new MutableClock(NOW);
    private final List<String> messages = new ArrayList<>();

    @BeforeEach
    void start() throws IOException {
        metadata.start();
    }

    @AfterEach
    void stopAndCheckNoSecretLeaked() throws IOException {
        metadata.close();
        for (String m : messages) {
            for (String secret : SECRETS) {
                assertThat(m).as("a message or toString()").doesNotContain(secret);
            }
        }
    }

    private DefaultCredentialsChain chain(Map<String, String> env) {
        return DefaultCredentialsChain.builder().environment(env).homeDirectory(home)
                .metadataEndpoint(endpoint()).metadataTimeouts(Duration.ofSeconds(1), Duration.ofMillis(500))
                .clock(clock).build();
    }

    private String endpoint() {
        return "http://127.0.0.1:" + metadata.getPort();
    }

    private String securityKeyUrl() {
        return endpoint() + "/openstack/latest/securitykey";
    }

    private static String securityKey(String ak, String sk, String token, String expiresAt) {
        return "{\"credential\":{\"access\":\"" + ak + "\",\"secret\":\"" + sk + "\",\"securitytoken\":\"" + token
                + "\",\"expires_at\":\"" + expiresAt + "\"}}";
    }

    /** An ECS metadata service: a session token, and security keys from {@code keys} (one per GET). */
    private void ecs(Function<Integer, MockResponse> keys) {
        metadata.setDispatcher(new Dispatcher() {
            private int gets;

            @Override
            public synchronized MockResponse dispatch(RecordedRequest request) {
                if (request.getMethod().equals("PUT") && request.getPath().equals("/meta-data/latest/api/token")) {
                    return new MockResponse().setBody(SESSION);
                }
                if (request.getMethod().equals("GET") && request.getPath().equals("/openstack/latest/securitykey")) {
                    return keys.apply(gets++);
                }
                return new MockResponse().setResponseCode(404);
            }
        });
    }

    private IOException failure(DefaultCredentialsChain chain) {
        try {
            chain.get();
        } catch (IOException e) {
            messages.add(e.getMessage());
            messages.add(chain.toString());
            return e;
        }
        throw new AssertionError("the chain found credentials");
    }

    private void profile(Path file, String content) throws IOException {
        Files.createDirectories(file.getParent());
        Files.writeString(file, content, StandardCharsets.UTF_8);
    }

    @Test
    void environmentComesFirstWithTheSdkVariableNames() throws IOException {
        profile(home.resolve(".huaweicloud/credentials"), "[basic]\nak = AKPROFILE\nsk = profile-secret-key-not-real\n");
        DefaultCredentialsChain chain = chain(Map.of("HUAWEICLOUD_SDK_AK", AK, "HUAWEICLOUD_SDK_SK", SK,
                "HUAWEICLOUD_SDK_SECURITY_TOKEN", TOKEN, "HUAWEICLOUD_SDK_PROJECT_ID", PROJECT));
        assertThat(chain.source()).isNull();
        assertThat(metadata.getRequestCount()).isZero();

        assertThat(chain.get()).isEqualTo(AkSkCredentials.builder(AK, SK).securityToken(TOKEN).projectId(PROJECT).build());
        assertThat(chain.source()).isEqualTo("environment");
        assertThat(chain).hasToString("DefaultCredentialsChain[environment]");
        assertThat(chain.get()).isSameAs(chain.get());
        assertThat(metadata.getRequestCount()).as("metadata service asked").isZero();
    }

    @Test
    void environmentValueWithALineBreakIsRefusedNamingTheKeyNotTheValue() {
        // a variable set from a file keeps its CRLF: refused (not trimmed), as an IOException on the call path
        DefaultCredentialsChain chain = chain(Map.of("HUAWEICLOUD_SDK_AK", AK + "\r\n", "HUAWEICLOUD_SDK_SK", SK));
        assertThatThrownBy(chain::get).isInstanceOf(IOException.class)
                .hasMessageStartingWith("Huawei Cloud credentials from the environment: AK/SK credentials: the access key")
                .hasMessageContaining("carriage return (CR, 0x0D) at index " + AK.length())
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain(AK).doesNotContain(SK));
        assertThat(chain.source()).isNull();
    }

    @Test
    void anAkWithoutAnSkFallsThroughToTheProfileLikeTheSdk() throws IOException {
        profile(home.resolve(".huaweicloud/credentials"), """
                ak = AKOUTSIDEASECTION
                [global]
                ak = AKGLOBAL
                sk = global-secret
                domain_id = d1
                [basic]
                # a comment = ignored
                ak=AKPROFILEFIRST
                ak   =   AKPROFILE000000000003\r
                sk = profile-secret-key-not-real\r
                security_token = profile-security-token-not-real\r
                project_id = %s\r
                iam_endpoint = https://iam.example.com
                """.formatted(PROJECT));
        DefaultCredentialsChain chain = chain(Map.of("HUAWEICLOUD_SDK_AK", AK));

        assertThat(chain.get()).isEqualTo(AkSkCredentials.builder("AKPROFILE000000000003", "profile-secret-key-not-real").securityToken("profile-security-token-not-real").projectId(PROJECT).build());
        assertThat(chain.source()).isEqualTo("profile");
        assertThat(metadata.getRequestCount()).isZero();
    }

    @Test
    void theProfileFileVariableOverridesTheHomeDirectory() throws IOException {
        Path file = home.resolve("elsewhere/my-credentials");
        profile(file, "[basic]\nak = AKELSEWHERE\nsk = profile-secret-key-not-real\n");
        profile(home.resolve(".huaweicloud/credentials"), "[basic]\nak = AKHOME\nsk = profile-secret-key-not-real\n");

        AkSkCredentials found = chain(Map.of("HUAWEICLOUD_SDK_CREDENTIALS_FILE", file.toString())).get();

        assertThat(found).isEqualTo(AkSkCredentials.builder("AKELSEWHERE", "profile-secret-key-not-real").build());
    }

    @Test
    void metadataGivesTemporaryCredentialsWithTheSessionToken() throws Exception {
        ecs(n -> new MockResponse().setBody(securityKey(META_AK, META_SK, META_TOKEN, "2026-12-08T08:00:00.000000Z")));
        DefaultCredentialsChain chain = chain(Map.of());

        assertThat(chain.get()).isEqualTo(AkSkCredentials.builder(META_AK, META_SK).securityToken(META_TOKEN).build());
        assertThat(chain.source()).isEqualTo("metadata");

        RecordedRequest token = metadata.takeRequest();
        assertThat(token.getMethod()).isEqualTo("PUT");
        assertThat(token.getPath()).isEqualTo("/meta-data/latest/api/token");
        assertThat(token.getHeader("X-Metadata-Token-Ttl-Seconds")).isEqualTo("21600");
        RecordedRequest key = metadata.takeRequest();
        assertThat(key.getMethod()).isEqualTo("GET");
        assertThat(key.getPath()).isEqualTo("/openstack/latest/securitykey");
        assertThat(key.getHeader("X-Metadata-Token")).isEqualTo(SESSION);
        assertThat(metadata.getRequestCount()).isEqualTo(2);
    }

    @Test
    void metadataCredentialsAreRefreshedFortyMinutesBeforeTheyExpire() throws Exception {
        ecs(n -> new MockResponse().setBody(securityKey("AKMETA" + n, META_SK, META_TOKEN,
                n == 0 ? "2026-12-08T08:00:00.000000Z" : "2026-12-09T08:00:00.000000Z")));
        DefaultCredentialsChain chain = chain(Map.of());
        assertThat(chain.get().accessKey()).isEqualTo("AKMETA0");

        clock.set(Instant.parse("2026-12-08T07:19:59Z"));          // 40 min 1 s before expires_at
        assertThat(chain.get().accessKey()).isEqualTo("AKMETA0");
        assertThat(metadata.getRequestCount()).isEqualTo(2);

        clock.set(Instant.parse("2026-12-08T07:20:00Z"));          // 40 min before
        assertThat(chain.get().accessKey()).isEqualTo("AKMETA1");
        assertThat(metadata.getRequestCount()).as("session token kept: one GET more").isEqualTo(3);
    }

    @Test
    void shortLivedMetadataCredentialsAreRefreshedAtHalfTheirLife() throws Exception {
        ecs(n -> new MockResponse().setBody(securityKey("AKMETA" + n, META_SK, META_TOKEN,
                "2026-12-07T08:30:00Z")));                           // 30 minutes from NOW: less than the 40
        DefaultCredentialsChain chain = chain(Map.of());
        assertThat(chain.get().accessKey()).isEqualTo("AKMETA0");
        clock.set(NOW.plus(Duration.ofMinutes(14)));
        assertThat(chain.get().accessKey()).as("not a fetch per request").isEqualTo("AKMETA0");
        clock.set(NOW.plus(Duration.ofMinutes(15)));
        assertThat(chain.get().accessKey()).isEqualTo("AKMETA1");
    }

    @Test
    void sixteenThreadsMeetingTheExpiryCauseOneFetch() throws Exception {
        ecs(n -> new MockResponse().setBody(securityKey("AKMETA" + n, META_SK, META_TOKEN,
                n == 0 ? "2026-12-08T08:00:00Z" : "2026-12-09T08:00:00Z")).setBodyDelay(n == 0 ? 0 : 200, TimeUnit.MILLISECONDS));
        DefaultCredentialsChain chain = chain(Map.of());
        chain.get();
        clock.set(Instant.parse("2026-12-08T07:30:00Z"));
        ExecutorService pool = Executors.newFixedThreadPool(16);
        try {
            CountDownLatch go = new CountDownLatch(1);
            List<Future<String>> got = new ArrayList<>();
            for (int i = 0; i < 16; i++) {
                got.add(pool.submit(() -> {
                    go.await();
                    return chain.get().accessKey();
                }));
            }
            go.countDown();
            for (Future<String> f : got) {
                assertThat(f.get(10, TimeUnit.SECONDS)).isEqualTo("AKMETA1");
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(metadata.getRequestCount()).as("PUT token, GET, one GET for all 16").isEqualTo(3);
    }

    @Test
    void invalidatedMetadataCredentialsAreFetchedAgain() throws Exception {
        ecs(n -> new MockResponse().setBody(securityKey("AKMETA" + n, META_SK, META_TOKEN, "2026-12-08T08:00:00Z")));
        DefaultCredentialsChain chain = chain(Map.of());
        AkSkCredentials first = chain.get();
        chain.invalidate(first);
        assertThat(chain.get().accessKey()).isEqualTo("AKMETA1");
    }

    @Test
    void withoutSessionTokensTheKeyIsAskedWithoutOne() throws Exception {
        metadata.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) {
                return request.getMethod().equals("PUT") ? new MockResponse().setResponseCode(404)
                        : new MockResponse().setBody(securityKey(META_AK, META_SK, META_TOKEN, "2026-12-08T08:00:00Z"));
            }
        });
        assertThat(chain(Map.of()).get().accessKey()).isEqualTo(META_AK);
        metadata.takeRequest();
        assertThat(metadata.takeRequest().getHeader("X-Metadata-Token")).isNull();
    }

    @Test
    void anExpiredSessionTokenIsRenewedOnceOnA401() throws Exception {
        ecs(n -> n == 0 ? new MockResponse().setResponseCode(401).setBody("{\"error\":\"token expired\"}")
                : new MockResponse().setBody(securityKey(META_AK, META_SK, META_TOKEN, "2026-12-08T08:00:00Z")));
        assertThat(chain(Map.of()).get().accessKey()).isEqualTo(META_AK);
        assertThat(metadata.getRequestCount()).as("PUT, GET 401, PUT, GET").isEqualTo(4);
    }

    @Test
    void nothingFoundListsEverySourceAndWhy() {
        metadata.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) {
                return new MockResponse().setResponseCode(404);
            }
        });
        DefaultCredentialsChain chain = chain(Map.of("HUAWEICLOUD_SDK_SK", SK));

        IOException e = failure(chain);

        assertThat(e).hasMessage("no Huawei Cloud credentials found: environment: HUAWEICLOUD_SDK_AK not set; profile: "
                + home.resolve(".huaweicloud/credentials") + " not found; metadata: " + securityKeyUrl() + ": HTTP 404");
        assertThat(chain.source()).isNull();
        assertThat(chain).hasToString("DefaultCredentialsChain[unresolved]");
    }

    @Test
    void aFailedLookupIsTriedAgainByTheNextCall() throws Exception {
        ecs(n -> n == 0 ? new MockResponse().setResponseCode(500)
                : new MockResponse().setBody(securityKey(META_AK, META_SK, META_TOKEN, "2026-12-08T08:00:00Z")));
        DefaultCredentialsChain chain = chain(Map.of());
        assertThat(failure(chain)).hasMessageEndingWith("metadata: " + securityKeyUrl() + ": HTTP 500");
        assertThat(chain.get().accessKey()).isEqualTo(META_AK);
    }

    @Test
    void profileReasonsNameTheFileAndTheMissingKey() throws IOException {
        metadata.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) {
                return new MockResponse().setResponseCode(404);
            }
        });
        Path file = home.resolve(".huaweicloud/credentials");
        profile(file, "[global]\nak = AKGLOBAL\nsk = profile-secret-key-not-real\n");
        assertThat(failure(chain(Map.of()))).hasMessageContaining("; profile: " + file + " has no [basic] section;");

        profile(file, "[basic]\nak = AKPROFILE\n");
        assertThat(failure(chain(Map.of()))).hasMessageContaining("; profile: " + file + ": [basic] has no sk;");

        profile(file, "[basic]\nidp_id = idp\nid_token_file = /tmp/t\nproject_id = p\n");
        assertThat(failure(chain(Map.of("HUAWEICLOUD_SDK_IDP_ID", "idp")))).hasMessageStartingWith(
                "no Huawei Cloud credentials found: environment: HUAWEICLOUD_SDK_AK not set (HUAWEICLOUD_SDK_IDP_ID is set:"
                        + " federated sign-in is not supported); profile: " + file
                        + ": [basic] has no ak (idp_id: federated sign-in is not supported);");
    }

    @Test
    void anAgencyLessEcsIsNamed() {
        ecs(n -> new MockResponse().setResponseCode(401).setBody("Please configure Cloud Service Agency first"));
        assertThat(failure(chain(Map.of()))).hasMessageEndingWith(
                "metadata: " + securityKeyUrl() + ": HTTP 401: the instance has no cloud service agency");
        assertThat(metadata.getRequestCount()).as("no session renewal for the agency answer").isEqualTo(2);
    }

    @Test
    void aSilentMetadataServiceTimesOut() {
        metadata.enqueue(new MockResponse().setSocketPolicy(SocketPolicy.NO_RESPONSE));
        long start = System.nanoTime();
        IOException e = failure(chain(Map.of()));
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
        assertThat(e).hasMessageEndingWith("metadata: " + endpoint() + "/meta-data/latest/api/token: timed out");
    }

    @Test
    void noMetadataServiceFailsAtConnect() throws IOException {
        String url = endpoint();
        metadata.close();                                           // the port is closed: connection refused
        IOException e = failure(chain(Map.of()));
        assertThat(e.getMessage()).startsWith("no Huawei Cloud credentials found: environment: HUAWEICLOUD_SDK_AK not set;"
                + " profile: ").contains("; metadata: " + url + "/meta-data/latest/api/token: Failed to connect to ");
    }

    @Test
    void malformedAnswersAreNamedWithoutTheirContent() {
        Map<String, String> answers = new java.util.LinkedHashMap<>();
        answers.put("<html>" + META_SK + "</html>", "the answer is not JSON");
        answers.put("{\"credential\":\"" + META_SK + "\"}", "malformed answer: no \"credential\" object");
        answers.put("{\"credential\":{\"access\":\"AK\",\"securitytoken\":\"" + META_TOKEN
                + "\",\"expires_at\":\"2026-12-08T08:00:00Z\"}}", "malformed answer: credential.secret missing or not a string");
        answers.put("{\"credential\":{\"access\":\"AK\",\"secret\":\"" + META_SK + "\",\"securitytoken\":\"" + META_TOKEN
                + "\",\"expires_at\":\"tomorrow\"}}", "malformed answer: credential.expires_at is not an ISO-8601 date-time");
        answers.put(securityKey(META_AK, META_SK, META_TOKEN, "2026-12-07T07:59:59Z"),
                "the credentials expired already at 2026-12-07T07:59:59Z (is this machine's clock right?)");
        for (Map.Entry<String, String> a : answers.entrySet()) {
            ecs(n -> new MockResponse().setBody(a.getKey()));
            assertThat(failure(chain(Map.of()))).hasMessageEndingWith("metadata: " + securityKeyUrl() + ": " + a.getValue());
        }
    }

    @Test
    void theSdkAliasesAndALocalTimeAreAccepted() throws IOException {
        ecs(n -> new MockResponse().setBody("{\"credential\":{\"accessKeyId\":\"" + META_AK + "\",\"secretAccessKey\":\""
                + META_SK + "\",\"securityToken\":\"" + META_TOKEN + "\",\"expiration\":\"2026-12-08T08:00:00\"}}"));
        assertThat(chain(Map.of()).get()).isEqualTo(AkSkCredentials.builder(META_AK, META_SK).securityToken(META_TOKEN).build());
    }

    @Test
    void theMetadataEndpointIsSchemeHostAndPortOnly() {
        for (String bad : new String[] {"169.254.169.254", "ftp://h", "http://h/path", "http://u:p@h", "http://h?x=1"}) {
            assertThatThrownBy(() -> DefaultCredentialsChain.builder().metadataEndpoint(bad))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("metadataEndpoint must be http(s)://host[:port], e.g. http://169.254.169.254");
        }
        assertThatThrownBy(() -> DefaultCredentialsChain.builder().metadataTimeouts(Duration.ZERO, Duration.ofSeconds(1)))
                .hasMessage("metadata connect timeout must be positive");
    }

    @Test
    void createReadsTheProcessEnvironmentLazily() {
        DefaultCredentialsChain chain = DefaultCredentialsChain.create();
        assertThat(chain.source()).isNull();                         // nothing read, nothing asked
        assertThat(chain).hasToString("DefaultCredentialsChain[unresolved]");
    }

    static final class MutableClock extends Clock {
        private volatile Instant now;

        MutableClock(Instant start) {
            this.now = start;
        }

        void set(Instant instant) {
            now = instant;
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
