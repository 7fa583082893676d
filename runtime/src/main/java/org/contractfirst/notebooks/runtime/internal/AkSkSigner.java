package org.contractfirst.notebooks.runtime.internal;

import okhttp3.Headers;
import okhttp3.HttpUrl;
import org.contractfirst.notebooks.runtime.auth.AkSkCredentials;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Signs requests with Huawei Cloud AK/SK, algorithm {@code SDK-HMAC-SHA256} (the API Gateway scheme used by
 * ModelArts, EIHealth and the other Huawei Cloud services). Pure and deterministic: the date is an input.
 *
 * <p>The canonical request is {@code METHOD\nURI\nQUERY\nHEADERS\nSIGNED_HEADERS\nhex(sha256(body))} where
 * <ul>
 *   <li>URI: every decoded path segment percent-encoded (RFC 3986 unreserved characters kept, the rest
 *       {@code %XX} upper case), joined by {@code /}, with a trailing {@code /}; trailing empty segments are
 *       dropped, as Huawei's signer does ({@code "/"} for the root);</li>
 *   <li>QUERY: decoded parameters re-encoded the same way, sorted by key then value, {@code k=v} joined by
 *       {@code &}; a parameter without value gives {@code k=};</li>
 *   <li>HEADERS: {@code name:value\n} per signed header, lower-case names in ASCII order, first value of a
 *       repeated header (OkHttp has already trimmed the values). Every given header is signed except
 *       {@code Content-Type}, names containing {@code _} and {@code Authorization} (replaced by the result).
 *       {@code host} is the given {@code Host} header, else what OkHttp sends: host plus {@code :port} when the
 *       port is not the scheme default. {@code x-sdk-date} and, from the credentials, {@code x-project-id} and
 *       {@code x-security-token} are always signed;</li>
 *   <li>body hash: the value of an {@code X-Sdk-Content-Sha256} header when given (e.g. {@code UNSIGNED-PAYLOAD},
 *       which Huawei's SDK sends for non-JSON bodies), else the SHA-256 of the body bytes.</li>
 * </ul>
 * The string to sign is {@code SDK-HMAC-SHA256\n<X-Sdk-Date>\nhex(sha256(canonical request))} and the signature
 * its hex HMAC-SHA256 keyed with the SK. Proven byte for byte against Huawei's own {@code AKSKSigner}
 * ({@code AkSkSignerReferenceTest}); unlike it, repeated query parameters are sorted by value, as the API Gateway
 * signers do.
 */
public final class AkSkSigner {

    /** The signing algorithm name, first word of the {@code Authorization} header. */
    public static final String ALGORITHM = "SDK-HMAC-SHA256";
    /** The signing date header, {@code yyyyMMdd'T'HHmmss'Z'} in UTC. */
    public static final String X_SDK_DATE = "X-Sdk-Date";
    /** Optional request header whose value replaces the body hash, e.g. {@code UNSIGNED-PAYLOAD}. */
    public static final String X_SDK_CONTENT_SHA256 = "X-Sdk-Content-Sha256";
    /** The project id header, signed when the credentials carry one. */
    public static final String X_PROJECT_ID = "X-Project-Id";
    /** The temporary credentials token header, signed when the credentials carry one. */
    public static final String X_SECURITY_TOKEN = "X-Security-Token";

    private static final DateTimeFormatter DATE_FORMAT =
            DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'", Locale.ROOT).withZone(ZoneOffset.UTC);
    private static final Set<String> NEVER_SIGNED = Set.of("content-type", "authorization");
    private static final HexFormat HEX = HexFormat.of();
    private static final HexFormat HEX_UPPER = HexFormat.of().withUpperCase();

    private final AkSkCredentials credentials;

    public AkSkSigner(AkSkCredentials credentials) {
        if (credentials == null) {
            throw new IllegalArgumentException("AK/SK credentials are required");
        }
        this.credentials = credentials;
    }

    /**
     * Computes the headers to add to (or replace in) the request: {@code X-Sdk-Date}, {@code X-Project-Id} and
     * {@code X-Security-Token} when the credentials carry them, and {@code Authorization}.
     *
     * @param method  the HTTP method, e.g. {@code GET}
     * @param url     the request URL
     * @param headers the request headers as they will be sent
     * @param body    the exact body bytes, or {@code null} for no body
     * @param now     the signing time (truncated to seconds)
     */
    public Headers sign(String method, HttpUrl url, Headers headers, byte[] body, Instant now) {
        Headers.Builder added = new Headers.Builder().add(X_SDK_DATE, DATE_FORMAT.format(now));
        if (credentials.projectId() != null) {
            added.add(X_PROJECT_ID, credentials.projectId());
        }
        if (credentials.securityToken() != null) {
            added.add(X_SECURITY_TOKEN, credentials.securityToken());
        }
        Headers authHeaders = added.build();

        Map<String, String> signed = new TreeMap<>();
        for (String name : headers.names()) {
            String lower = name.toLowerCase(Locale.ROOT);
            if (!NEVER_SIGNED.contains(lower) && !lower.contains("_")) {
                signed.put(lower, headers.values(name).get(0));
            }
        }
        signed.putIfAbsent("host", hostHeader(url));
        for (int i = 0; i < authHeaders.size(); i++) {
            signed.put(authHeaders.name(i).toLowerCase(Locale.ROOT), authHeaders.value(i));
        }
        String signedHeaders = String.join(";", signed.keySet());

        String payloadHash = headers.get(X_SDK_CONTENT_SHA256);
        if (payloadHash == null) {
            payloadHash = HEX.formatHex(sha256(body == null ? new byte[0] : body));
        }
        String canonicalRequest = String.join("\n",
                method,
                canonicalUri(url),
                canonicalQuery(url),
                signed.entrySet().stream().map(e -> e.getKey() + ":" + e.getValue() + "\n").collect(Collectors.joining()),
                signedHeaders,
                payloadHash);
        String stringToSign = ALGORITHM + "\n" + authHeaders.get(X_SDK_DATE) + "\n"
                + HEX.formatHex(sha256(canonicalRequest.getBytes(StandardCharsets.UTF_8)));
        String authorization = ALGORITHM + " Access=" + credentials.accessKey()
                + ", SignedHeaders=" + signedHeaders
                + ", Signature=" + HEX.formatHex(hmacSha256(stringToSign));
        return authHeaders.newBuilder().add("Authorization", authorization).build();
    }

    /** The {@code Host} header OkHttp sends for this URL. */
    static String hostHeader(HttpUrl url) {
        String host = url.host().contains(":") ? "[" + url.host() + "]" : url.host();
        return url.port() == HttpUrl.defaultPort(url.scheme()) ? host : host + ":" + url.port();
    }

    private static String canonicalUri(HttpUrl url) {
        List<String> segments = url.pathSegments();
        int end = segments.size();
        while (end > 0 && segments.get(end - 1).isEmpty()) {
            end--;
        }
        StringBuilder uri = new StringBuilder("/");
        for (String segment : segments.subList(0, end)) {
            uri.append(encode(segment)).append('/');
        }
        return uri.toString();
    }

    private static String canonicalQuery(HttpUrl url) {
        Map<String, List<String>> sorted = new TreeMap<>();
        for (int i = 0; i < url.querySize(); i++) {
            String value = url.queryParameterValue(i);
            sorted.computeIfAbsent(encode(url.queryParameterName(i)), k -> new ArrayList<>())
                    .add(encode(value == null ? "" : value));
        }
        return sorted.entrySet().stream()
                .flatMap(e -> e.getValue().stream().sorted().map(v -> e.getKey() + "=" + v))
                .collect(Collectors.joining("&"));
    }

    /** Percent-encodes UTF-8 bytes, keeping only the RFC 3986 unreserved characters. */
    private static String encode(String value) {
        StringBuilder out = new StringBuilder();
        for (byte b : value.getBytes(StandardCharsets.UTF_8)) {
            char c = (char) (b & 0xFF);
            if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')
                    || c == '-' || c == '.' || c == '_' || c == '~') {
                out.append(c);
            } else {
                out.append('%').append(HEX_UPPER.toHexDigits(b));
            }
        }
        return out.toString();
    }

    private static byte[] sha256(byte[] data) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(data);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("SHA-256 is not available", e);
        }
    }

    private byte[] hmacSha256(String data) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(credentials.secretKey().getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return mac.doFinal(data.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 signing failed (" + e.getClass().getSimpleName() + ")");
        }
    }
}
