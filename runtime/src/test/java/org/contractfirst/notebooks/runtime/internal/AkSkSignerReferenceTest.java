package org.contractfirst.notebooks.runtime.internal;

import com.huaweicloud.sdk.core.auth.BasicCredentials;
import com.huaweicloud.sdk.core.http.HttpMethod;
import com.huaweicloud.sdk.core.http.HttpRequest;
import okhttp3.Headers;
import okhttp3.HttpUrl;
import org.contractfirst.notebooks.runtime.auth.AkSkCredentials;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Signs the same requests with our {@link AkSkSigner} and with Huawei's own signer (huaweicloud-sdk-core, driven
 * through {@code BasicCredentials.syncProcessAuthRequest}, the path every Huawei SDK client takes) and requires the
 * {@code Authorization}, {@code X-Sdk-Date}, {@code X-Project-Id} and {@code X-Security-Token} headers to be equal
 * byte for byte. The SDK honours a preset {@code X-Sdk-Date} header, which pins the date of both signers.
 */
class AkSkSignerReferenceTest {

    private static final String AK = "AKIDEXAMPLE0000000000";
    private static final String SK = "example-secret-key-not-real";
    private static final String TOKEN = "example-security-token-not-real";
    private static final String PROJECT = "0123456789abcdef0123456789abcdef";
    private static final String MODELARTS = "https://modelarts.cn-north-4.myhuaweicloud.com";
    private static final String EIHEALTH = "https://eihealth.cn-north-4.myhuaweicloud.com";
    private static final String SDK_DATE = "20240315T081530Z";
    private static final Instant NOW = Instant.parse("2024-03-15T08:15:30Z");

    /** One request of the table; {@code path} is unencoded, as Huawei's SDK takes it. */
    record Row(String name, AkSkCredentials credentials, String method, String endpoint, String path,
               Map<String, List<String>> query, Map<String, String> headers, String contentType, String body,
               String expectedSignedHeaders) {
        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<Row> rows() {
        AkSkCredentials permanent = AkSkCredentials.of(AK, SK);
        Map<String, List<String>> query = new LinkedHashMap<>();
        query.put("sort_dir", List.of("desc"));
        query.put("limit", List.of("10"));
        query.put("name", List.of("my notebook/v2+final ~*é"));
        query.put("Offset", List.of("0"));
        query.put("marker", List.of(""));
        query.put("tags", List.of("a b", "x"));
        Map<String, String> extraHeaders = new LinkedHashMap<>();
        extraHeaders.put("Accept", "application/json");
        extraHeaders.put("X-Request-Id", "req-42");
        extraHeaders.put("X_Legacy_Flag", "1");
        return Stream.of(
                new Row("GET without query", permanent, "GET", MODELARTS, "/v1/" + PROJECT + "/notebooks",
                        Map.of(), Map.of(), null, null, "host;x-sdk-date"),
                new Row("GET with unsorted query needing encoding", permanent, "GET", MODELARTS,
                        "/v1/" + PROJECT + "/notebooks", query, Map.of(), null, null, "host;x-sdk-date"),
                new Row("POST with a JSON body", permanent, "POST", MODELARTS, "/v1/" + PROJECT + "/notebooks/open",
                        Map.of(), Map.of(), "application/json;charset=UTF-8",
                        "{\"image_id\":\"e1a07296-22a8-4f05-8bc8-e936c8e54090\"}", "host;x-sdk-date"),
                new Row("path segments needing encoding", permanent, "GET", MODELARTS,
                        "/v1/" + PROJECT + "/notebooks/nb 01:dev/ünï€", Map.of(), Map.of(), null, null,
                        "host;x-sdk-date"),
                new Row("temporary credentials and project id", AkSkCredentials.builder(AK, SK).securityToken(TOKEN).projectId(PROJECT).build(),
                        "DELETE", MODELARTS, "/v1/" + PROJECT + "/notebooks/e1a07296-22a8-4f05-8bc8-e936c8e54090",
                        Map.of(), Map.of(), null, null, "host;x-project-id;x-sdk-date;x-security-token"),
                new Row("extra headers: signed unless Content-Type or containing '_'", permanent, "GET", EIHEALTH,
                        "/v1/" + PROJECT + "/eihealth-projects", Map.of(), extraHeaders, null, null,
                        "accept;host;x-request-id;x-sdk-date"),
                new Row("non-default port and trailing slash", AkSkCredentials.builder(AK, SK).projectId(PROJECT).build(), "PUT",
                        MODELARTS + ":8443", "/v2/" + PROJECT + "/notebooks/", Map.of("id", List.of("nb-1")),
                        Map.of(), "application/json", "{}", "host;x-project-id;x-sdk-date"),
                new Row("non-JSON body with X-Sdk-Content-Sha256: UNSIGNED-PAYLOAD", permanent, "PUT", EIHEALTH,
                        "/v1/" + PROJECT + "/files", Map.of(), Map.of("X-Sdk-Content-Sha256", "UNSIGNED-PAYLOAD"),
                        "application/octet-stream", "raw bytes", "host;x-sdk-content-sha256;x-sdk-date"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rows")
    void signsExactlyLikeHuaweiSdk(Row row) {
        HttpRequest huawei = signWithHuaweiSdk(row, SDK_DATE);

        Headers ours = signWithOurs(row, NOW);

        assertThat(ours.get("X-Sdk-Date")).isEqualTo(huawei.getHeader("X-Sdk-Date")).isEqualTo(SDK_DATE);
        assertThat(ours.get("Authorization")).isEqualTo(huawei.getHeader("Authorization"))
                .contains("SignedHeaders=" + row.expectedSignedHeaders() + ", ");
        assertThat(ours.get("X-Project-Id")).isEqualTo(huawei.getHeader("X-Project-Id"));
        assertThat(ours.get("X-Security-Token")).isEqualTo(huawei.getHeader("X-Security-Token"));
    }

    @Test
    void formatsTheDateLikeHuaweiSdk() {
        Row row = rows().findFirst().orElseThrow();
        HttpRequest huawei = signWithHuaweiSdk(row, null);
        String sdkDate = huawei.getHeader("X-Sdk-Date");
        Instant sdkNow = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC)
                .parse(sdkDate, Instant::from);

        Headers ours = signWithOurs(row, sdkNow.plusMillis(999));

        assertThat(ours.get("X-Sdk-Date")).isEqualTo(sdkDate);
        assertThat(ours.get("Authorization")).isEqualTo(huawei.getHeader("Authorization"));
    }

    /** Huawei's pipeline; a null date lets the SDK take the current time. */
    private static HttpRequest signWithHuaweiSdk(Row row, String sdkDate) {
        HttpRequest.HttpRequestBuilder builder = HttpRequest.newBuilder()
                .withEndpoint(row.endpoint())
                .withPath(row.path())
                .withMethod(HttpMethod.valueOf(row.method()))
                .withBodyAsString(row.body());
        if (row.contentType() != null) {
            builder.withContentType(row.contentType());
        }
        row.query().forEach(builder::addQueryParam);
        row.headers().forEach(builder::addHeader);
        if (sdkDate != null) {
            builder.addHeader("X-Sdk-Date", sdkDate);
        }
        BasicCredentials credentials = new BasicCredentials()
                .withAk(row.credentials().accessKey())
                .withSk(row.credentials().secretKey())
                .withSecurityToken(row.credentials().securityToken())
                .withProjectId(row.credentials().projectId());
        return credentials.syncProcessAuthRequest(builder.build(), null);
    }

    private static Headers signWithOurs(Row row, Instant now) {
        HttpUrl.Builder url = HttpUrl.get(row.endpoint() + row.path()).newBuilder();
        row.query().forEach((key, values) -> values.forEach(value -> url.addQueryParameter(key, value)));
        Headers.Builder headers = new Headers.Builder();
        row.headers().forEach(headers::add);
        if (row.contentType() != null) {
            headers.add("Content-Type", row.contentType());
        }
        byte[] body = row.body() == null ? null : row.body().getBytes(StandardCharsets.UTF_8);
        return new AkSkSigner(row.credentials()).sign(row.method(), url.build(), headers.build(), body, now);
    }
}
