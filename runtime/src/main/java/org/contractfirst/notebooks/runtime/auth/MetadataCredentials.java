package org.contractfirst.notebooks.runtime.auth;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import okhttp3.ResponseBody;
import org.contractfirst.notebooks.runtime.internal.SharedHttpClient;

import java.io.IOException;
import java.net.Proxy;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;

/**
 * Temporary AK/SK and security token of an ECS's agency from the metadata service, the way huaweicloud-sdk-java-v3
 * 3.1.192 gets them (core/src/main/java/com/huaweicloud/sdk/core/auth/MetadataAccessor.java):
 * <ol>
 *   <li>{@code PUT /meta-data/latest/api/token} with {@code X-Metadata-Token-Ttl-Seconds: 21600} for a session
 *       token; 404, 405 or 503 mean the service has no sessions, and the token is left out (asked again after 24
 *       hours);</li>
 *   <li>{@code GET /openstack/latest/securitykey} (with {@code X-Metadata-Token}) answering
 *       {@code {"credential": {"access", "secret", "securitytoken", "expires_at"}}}; a 401 that is not "Please
 *       configure Cloud Service Agency first" means the session token expired: a new one, and the GET once more.</li>
 * </ol>
 * Cached, and fetched again 40 minutes before {@code expires_at} (the SDK's DEFAULT_EXPIRATION_THRESHOLD_SECONDS),
 * or at half their remaining life when they were given for less than 80 minutes, one fetch at a time
 * ({@link RefreshingCredentialsProvider}). Error messages name the URL and the status or the I/O failure, never
 * a value of the answer.
 */
final class MetadataCredentials implements CredentialsProvider<AkSkCredentials> {

    static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(1);
    static final Duration DEFAULT_READ_TIMEOUT = Duration.ofSeconds(3);  // the SDK's
    static final Duration REFRESH_AHEAD = Duration.ofMinutes(40);

    static final String TOKEN_PATH = "/meta-data/latest/api/token";
    static final String SECURITY_KEY_PATH = "/openstack/latest/securitykey";
    private static final String TOKEN_TTL_SECONDS = String.valueOf(6 * 60 * 60);
    private static final Duration TOKEN_RETRY = Duration.ofHours(24);
    private static final String NO_AGENCY = "Please configure Cloud Service Agency first";
    private static final long MAX_ANSWER_BYTES = 64 * 1024;
    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpUrl tokenUrl;
    private final HttpUrl securityKeyUrl;
    private final OkHttpClient http;
    private final Clock clock;
    private final RefreshingCredentialsProvider<AkSkCredentials> cache;
    // Used by the fetcher only, which RefreshingCredentialsProvider runs on one thread at a time.
    private String sessionToken;
    private Instant lastTokenAttempt;

    MetadataCredentials(String endpoint, Duration connectTimeout, Duration readTimeout, Clock clock) {
        this.tokenUrl = HttpUrl.get(endpoint + TOKEN_PATH);
        this.securityKeyUrl = HttpUrl.get(endpoint + SECURITY_KEY_PATH);
        this.clock = clock;
        this.http = SharedHttpClient.get().newBuilder()
                .proxy(Proxy.NO_PROXY)                  // a link-local address: never through a proxy
                .followRedirects(false)
                .followSslRedirects(false)
                .retryOnConnectionFailure(false)
                .connectTimeout(connectTimeout)
                .readTimeout(readTimeout)
                .writeTimeout(readTimeout)
                .build();
        this.cache = new RefreshingCredentialsProvider<>(this::fetch, Duration.ZERO, clock);
    }

    /** Validates a metadata endpoint: http(s), a host, an optional port, nothing else; no trailing slash. */
    static String endpoint(String endpoint) {
        HttpUrl url = endpoint == null ? null : HttpUrl.parse(endpoint);
        if (url == null || !url.encodedPath().equals("/") || url.query() != null || url.fragment() != null
                || !url.username().isEmpty() || !url.password().isEmpty()) {
            throw new IllegalArgumentException("metadataEndpoint must be http(s)://host[:port], e.g. "
                    + DefaultCredentialsChain.DEFAULT_METADATA_ENDPOINT);
        }
        String s = url.toString();
        return s.substring(0, s.length() - 1);
    }

    @Override
    public AkSkCredentials get() throws IOException {
        return cache.get();
    }

    @Override
    public void invalidate(AkSkCredentials rejected) {
        cache.invalidate(rejected);
    }

    /** Successful fetches so far (tests). */
    long fetchCount() {
        return cache.fetchCount();
    }

    private RefreshingCredentialsProvider.Expiring<AkSkCredentials> fetch() throws IOException {
        Instant now = clock.instant();
        if (sessionToken == null && (lastTokenAttempt == null || now.isAfter(lastTokenAttempt.plus(TOKEN_RETRY)))) {
            updateSessionToken(false);
        }
        Answer answer = call(securityKeyRequest());
        if (answer.code == 401 && !answer.body.contains(NO_AGENCY)) {
            updateSessionToken(true);
            answer = call(securityKeyRequest());
        }
        if (answer.code == 401 && answer.body.contains(NO_AGENCY)) {
            throw new IOException(securityKeyUrl + ": HTTP 401: the instance has no cloud service agency");
        }
        if (answer.code != 200) {
            throw new IOException(securityKeyUrl + ": HTTP " + answer.code);
        }
        Instant fetched = clock.instant();
        Parsed p = parse(answer.body);
        Duration life = Duration.between(fetched, p.expiresAt);
        if (life.isNegative() || life.isZero()) {
            throw new IOException(securityKeyUrl + ": the credentials expired already at " + p.expiresAt
                    + " (is this machine's clock right?)");
        }
        Instant refreshAt = p.expiresAt.minus(REFRESH_AHEAD);
        Instant halfLife = fetched.plus(life.dividedBy(2));
        return new RefreshingCredentialsProvider.Expiring<>(p.credentials,
                refreshAt.isAfter(halfLife) ? refreshAt : halfLife);
    }

    private Request securityKeyRequest() {
        Request.Builder b = new Request.Builder().url(securityKeyUrl).get();
        if (sessionToken != null) {
            b.header("X-Metadata-Token", sessionToken);
        }
        return b.build();
    }

    private void updateSessionToken(boolean required) throws IOException {
        lastTokenAttempt = clock.instant();
        Answer answer = call(new Request.Builder().url(tokenUrl)
                .header("X-Metadata-Token-Ttl-Seconds", TOKEN_TTL_SECONDS)
                .put(RequestBody.create(new byte[0])).build());
        switch (answer.code) {
            case 200 -> sessionToken = answer.body.strip();
            case 404, 405, 503 -> {
                if (required) {
                    throw new IOException(tokenUrl + ": HTTP " + answer.code);
                }
                sessionToken = null;
            }
            default -> throw new IOException(tokenUrl + ": HTTP " + answer.code);
        }
    }

    private record Answer(int code, String body) {
        @Override
        public String toString() {
            return "Answer[" + code + "]";
        }
    }

    private Answer call(Request request) throws IOException {
        try (Response response = http.newCall(request).execute()) {
            ResponseBody body = response.body();
            if (body != null && body.contentLength() > MAX_ANSWER_BYTES) {
                throw new IOException(request.url() + ": HTTP " + response.code() + " with an answer of "
                        + body.contentLength() + " bytes (more than " + MAX_ANSWER_BYTES + ")");
            }
            return new Answer(response.code(), body == null ? "" : response.peekBody(MAX_ANSWER_BYTES).string());
        } catch (IOException e) {
            // one wording for a timeout (OkHttp says "timeout", the JDK "Read timed out" or "connect timed out");
            // OkHttp's other messages ("Failed to connect to /169.254.169.254:80") carry no secret
            String why = e instanceof java.net.SocketTimeoutException ? "timed out"
                    : e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
            throw new IOException(request.url() + ": " + why, e);
        }
    }

    private record Parsed(AkSkCredentials credentials, Instant expiresAt) {
        @Override
        public String toString() {
            return "Parsed[<redacted>, " + expiresAt + "]";
        }
    }

    private Parsed parse(String body) throws IOException {
        JsonNode root;
        try {
            root = JSON.readTree(body);
        } catch (IOException e) {
            // Jackson's message quotes the input: never passed on
            throw new IOException(securityKeyUrl + ": the answer is not JSON");
        }
        JsonNode c = root == null ? null : root.get("credential");
        if (c == null || !c.isObject()) {
            throw malformed("no \"credential\" object");
        }
        // the SDK's Credential model also takes the aliases accessKeyId, secretAccessKey, securityToken, expiration
        String access = text(c, "access", "accessKeyId");
        String secret = text(c, "secret", "secretAccessKey");
        String token = text(c, "securitytoken", "securityToken");
        String expires = text(c, "expires_at", "expiration");
        return new Parsed(new AkSkCredentials(access, secret, token, null), instant(expires));
    }

    private String text(JsonNode credential, String name, String alias) throws IOException {
        JsonNode v = credential.hasNonNull(name) ? credential.get(name) : credential.get(alias);
        if (v == null || !v.isTextual() || v.asText().isBlank()) {
            throw malformed("credential." + name + " missing or not a string");
        }
        return v.asText();
    }

    /** "2026-12-07T12:00:00.000000Z" (ECS), any ISO-8601 instant, or a date-time without zone taken as UTC. */
    private Instant instant(String s) throws IOException {
        try {
            return Instant.parse(s);
        } catch (DateTimeParseException e) {
            try {
                return LocalDateTime.parse(s).toInstant(ZoneOffset.UTC);
            } catch (DateTimeParseException e2) {
                throw malformed("credential.expires_at is not an ISO-8601 date-time");
            }
        }
    }

    private IOException malformed(String what) {
        return new IOException(securityKeyUrl + ": malformed answer: " + what);
    }

    @Override
    public String toString() {
        return "MetadataCredentials[" + securityKeyUrl + ", " + cache + "]";
    }
}
