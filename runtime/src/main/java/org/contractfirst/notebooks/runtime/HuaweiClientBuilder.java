package org.contractfirst.notebooks.runtime;

import org.contractfirst.notebooks.runtime.auth.AkSkCredentials;
import org.contractfirst.notebooks.runtime.auth.CredentialsProvider;
import org.contractfirst.notebooks.runtime.auth.DefaultCredentialsChain;
import org.contractfirst.notebooks.runtime.internal.AkSkSigningInterceptor;
import org.contractfirst.notebooks.runtime.internal.Endpoints;
import org.contractfirst.notebooks.runtime.internal.ErrorDecoder;
import org.contractfirst.notebooks.runtime.internal.ExpirySignal;
import org.contractfirst.notebooks.runtime.internal.HeaderAuth;
import org.contractfirst.notebooks.runtime.internal.HuaweiErrorDecoder;
import org.contractfirst.notebooks.runtime.internal.TokenAuth;

import java.time.Clock;
import java.util.Objects;

/**
 * The builder of a Huawei Cloud service client (ModelArts, EIHealth): a region or base URL, and an IAM token, AK/SK,
 * a provider of either, or the official SDK's default credentials. Huawei's error bodies and token-expiry codes are
 * read the same way for every such service.
 */
public abstract class HuaweiClientBuilder<B extends HuaweiClientBuilder<B>> extends ClientBuilder<B> {

    private final String endpointService;

    /** {@code endpointService}: the first label of the service's regional host, e.g. {@code modelarts}. */
    protected HuaweiClientBuilder(String endpointService) {
        this.endpointService = Objects.requireNonNull(endpointService, "endpointService");
    }

    /**
     * Huawei Cloud endpoint of {@code service} in a region, e.g. {@code https://modelarts.cn-north-4.myhuaweicloud.com/};
     * anything but a region id such as {@code cn-north-4} fails with an {@link IllegalArgumentException}.
     */
    public static String regionUrl(String service, String region) {
        return Endpoints.huaweiRegionUrl(service, region);
    }

    /** Huawei Cloud region id, e.g. {@code cn-north-4}; sets the base URL (anything but a region id fails here). */
    public B region(String region) {
        return baseUrl(regionUrl(endpointService, region));
    }

    /** IAM token, sent as {@code X-Auth-Token}; a control character in it (a trailing CR/LF) fails here. */
    public B token(String token) {
        return auth(HeaderAuth.xAuthToken(token));
    }

    /** Access key / secret key (and optionally a security token and project id): requests are signed with SDK-HMAC-SHA256. */
    public B akSk(AkSkCredentials credentials) {
        return auth(new AkSkSigningInterceptor(credentials));
    }

    /**
     * IAM tokens that change (an IAM token expires after 24 hours): {@code tokens} is asked before each request
     * (cache in it, e.g. {@link org.contractfirst.notebooks.runtime.auth.RefreshingCredentialsProvider}); on a 401
     * that says the token expired ({@code APIGW.0307}, or {@code APIGW.0301} "token expires") it is told, asked
     * again, and the request is sent once more with the new token. A wrong token is reported at once.
     */
    public B tokenProvider(CredentialsProvider<String> tokens) {
        return auth(new TokenAuth("X-Auth-Token", tokens, ExpirySignal.HUAWEI));
    }

    /** Temporary AK/SK with a security token, from {@code credentials} before each request; refreshed the same way as {@link #tokenProvider}. */
    public B akSkProvider(CredentialsProvider<AkSkCredentials> credentials) {
        return auth(new AkSkSigningInterceptor(credentials, ExpirySignal.HUAWEI, Clock.systemUTC()));
    }

    /**
     * Credentials found the way the official SDK finds them ({@link DefaultCredentialsChain}): the variables
     * {@code HUAWEICLOUD_SDK_AK} / {@code _SK} (+ {@code _SECURITY_TOKEN}, {@code _PROJECT_ID}), else the
     * {@code [basic]} section of {@code ~/.huaweicloud/credentials}, else the ECS metadata service (temporary
     * AK/SK, refreshed before they expire). Looked up at the first request, not here; a request fails with an
     * {@code IOException} listing each place and why it gave nothing. To configure the chain, pass it to
     * {@link #akSkProvider}.
     */
    public B defaultCredentials() {
        return akSkProvider(DefaultCredentialsChain.create());
    }

    @Override
    final ErrorDecoder errorDecoder() {
        return new HuaweiErrorDecoder();
    }

    @Override
    final boolean supportsAkSk() {
        return true;
    }
}
