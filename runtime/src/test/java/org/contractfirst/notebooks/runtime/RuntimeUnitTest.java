package org.contractfirst.notebooks.runtime;

import okhttp3.OkHttpClient;
import org.contractfirst.notebooks.runtime.internal.Exceptions;
import org.contractfirst.notebooks.runtime.internal.HeaderAuth;
import org.contractfirst.notebooks.runtime.internal.HuaweiErrorDecoder;
import org.contractfirst.notebooks.runtime.internal.Origin;
import org.contractfirst.notebooks.runtime.internal.RetryInterceptor;
import org.contractfirst.notebooks.runtime.internal.ScnetErrorDecoder;
import org.contractfirst.notebooks.runtime.internal.ServiceClients;
import org.contractfirst.notebooks.runtime.internal.SharedHttpClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.Duration;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RuntimeUnitTest {

    @Test
    void retryAfterAcceptsSecondsAndHttpDates() {
        assertThat(RetryInterceptor.retryAfter("7")).isEqualTo(Duration.ofSeconds(7));
        assertThat(RetryInterceptor.retryAfter(" 0 ")).isEqualTo(Duration.ZERO);
        String inTenSeconds = DateTimeFormatter.RFC_1123_DATE_TIME.format(ZonedDateTime.now(ZoneOffset.UTC).plusSeconds(10));
        assertThat(RetryInterceptor.retryAfter(inTenSeconds)).isBetween(Duration.ofSeconds(8), Duration.ofSeconds(10));
        String past = DateTimeFormatter.RFC_1123_DATE_TIME.format(ZonedDateTime.now(ZoneOffset.UTC).minusSeconds(10));
        assertThat(RetryInterceptor.retryAfter(past)).isEqualTo(Duration.ZERO);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "-1", "soon", "Tue, 99 Foo 2026"})
    void unreadableRetryAfterIsIgnored(String value) {
        assertThat(RetryInterceptor.retryAfter(value)).isNull();
    }

    @Test
    void backoffIsJitteredWithinTheExponentialCap() {
        RetryPolicy policy = RetryPolicy.builder().maxRetries(5).baseDelay(Duration.ofMillis(100))
                .maxDelay(Duration.ofMillis(1000)).maxRetryAfter(Duration.ofSeconds(30)).build();
        for (int i = 0; i < 200; i++) {
            assertThat(policy.backoff(0)).isBetween(Duration.ZERO, Duration.ofMillis(100));
            assertThat(policy.backoff(2)).isBetween(Duration.ZERO, Duration.ofMillis(400));
            assertThat(policy.backoff(10)).isBetween(Duration.ZERO, Duration.ofMillis(1000));
        }
        assertThatThrownBy(() -> RetryPolicy.builder().maxRetries(-1).build())
                .hasMessage("maxRetries must be >= 0, was -1");
    }

    @Test
    void serviceClientsShareTheBaseClientsPoolAndDispatcher() {
        OkHttpClient base = new OkHttpClient();
        ClientOptions options = ClientOptions.builder().baseClient(base).build();

        Origin origin = Origin.of(okhttp3.HttpUrl.get("https://modelarts.cn-north-4.myhuaweicloud.com/"));
        OkHttpClient a = ServiceClients.httpClient(options, HeaderAuth.xAuthToken("t"), new HuaweiErrorDecoder(), origin);
        OkHttpClient b = ServiceClients.httpClient(options, new HeaderAuth("token", "t"), new ScnetErrorDecoder(), origin);

        assertThat(a.connectionPool()).isSameAs(base.connectionPool()).isSameAs(b.connectionPool());
        assertThat(a.dispatcher()).isSameAs(base.dispatcher());
        assertThat(a.retryOnConnectionFailure()).isFalse();
        assertThat(a.callTimeoutMillis()).isEqualTo(120_000);
        assertThat(ClientOptions.defaults().baseClient()).isSameAs(SharedHttpClient.get());
    }

    @Test
    void badConfigurationIsNamed() {
        assertThatThrownBy(() -> ServiceClients.normalize("ftp://x")).hasMessage("baseUrl(...): the URL must start with https:// (or http://)");
        assertThatThrownBy(() -> ServiceClients.normalize(" ")).hasMessage("baseUrl(...): the URL is missing");
        assertThatThrownBy(() -> new HeaderAuth("X-Auth-Token", "")).hasMessage("no credential given for the X-Auth-Token header");
        assertThat(new HeaderAuth("token", "secret-value")).hasToString("HeaderAuth[token=<redacted>]");
        assertThat(ServiceClients.normalize("http://127.0.0.1:4010").toString()).isEqualTo("http://127.0.0.1:4010/");
    }

    @Test
    void exceptionExcerptIsBoundedAndOnOneLine() {
        String body = "<html>\n<body>" + "x".repeat(500) + "</body></html>";
        String excerpt = Exceptions.excerpt(body.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        assertThat(excerpt).startsWith("\"<html> <body>xxx").endsWith("...\" (" + body.length() + " bytes)").doesNotContain("\n");
        assertThat(Exceptions.excerpt(new byte[0])).isEqualTo("<empty body>");
    }
}
