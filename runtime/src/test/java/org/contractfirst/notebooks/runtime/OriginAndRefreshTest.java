package org.contractfirst.notebooks.runtime;

import okhttp3.HttpUrl;
import org.contractfirst.notebooks.runtime.auth.RefreshingCredentialsProvider.Expiring;
import org.contractfirst.notebooks.runtime.auth.RefreshingCredentialsProvider;
import org.contractfirst.notebooks.runtime.internal.Origin;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class OriginAndRefreshTest {

    @Test
    void originIsSchemeHostAndPort() {
        Origin origin = Origin.of(HttpUrl.get("https://ModelArts.cn-north-4.myhuaweicloud.com/v1/p/notebooks"));

        assertThat(origin).hasToString("https://modelarts.cn-north-4.myhuaweicloud.com:443");
        assertThat(origin.matches(HttpUrl.get("https://modelarts.cn-north-4.myhuaweicloud.com:443/other?x=1"))).isTrue();
        assertThat(origin.matches(HttpUrl.get("http://modelarts.cn-north-4.myhuaweicloud.com:443/"))).isFalse();
        assertThat(origin.matches(HttpUrl.get("https://modelarts.cn-north-4.myhuaweicloud.com:8443/"))).isFalse();
        assertThat(origin.matches(HttpUrl.get("https://evil.myhuaweicloud.com/"))).isFalse();
        assertThat(Origin.of(HttpUrl.get("http://[::1]:4010/"))).hasToString("http://[::1]:4010");
    }

    @Test
    void loopbackIsLocalhostAnd127Slash8AndIpv6One() {
        for (String url : new String[] {"http://localhost/", "http://a.localhost/", "http://127.0.0.1/", "http://127.255.0.9/", "http://[::1]/"}) {
            assertThat(Origin.of(HttpUrl.get(url)).isLoopback()).as(url).isTrue();
        }
        for (String url : new String[] {"http://localhost.example/", "http://127.0.0.1.nip.io/", "http://10.0.0.1/", "http://[::2]/", "http://0.0.0.0/"}) {
            assertThat(Origin.of(HttpUrl.get(url)).isLoopback()).as(url).isFalse();
        }
    }

    @Test
    void invalidatingAnOlderValueKeepsTheNewerOneAndAFailedFetchIsRetriedByTheNextCall() throws Exception {
        AtomicInteger calls = new AtomicInteger();
        RefreshingCredentialsProvider<String> provider = new RefreshingCredentialsProvider<>(() -> {
            int n = calls.incrementAndGet();
            if (n == 2) {
                throw new IOException("IAM unavailable");
            }
            return new Expiring<>("token-" + n, null);
        });

        assertThat(provider.get()).isEqualTo("token-1");
        provider.invalidate("token-0"); // an older token: nothing happens
        assertThat(provider.get()).isEqualTo("token-1");
        provider.invalidate("token-1");
        assertThatThrownBy(provider::get).isInstanceOf(IOException.class).hasMessage("IAM unavailable");
        assertThat(provider.get()).isEqualTo("token-3");
        assertThat(provider.fetchCount()).isEqualTo(2);
        assertThat(provider.toString()).isEqualTo("RefreshingCredentialsProvider[expiresAt=null]").doesNotContain("token-3");
    }
}
