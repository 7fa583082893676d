package org.contractfirst.notebooks.runtime;

import org.contractfirst.notebooks.runtime.auth.CredentialsProvider;
import org.contractfirst.notebooks.runtime.internal.Endpoints;
import org.contractfirst.notebooks.runtime.internal.ErrorDecoder;
import org.contractfirst.notebooks.runtime.internal.ExpirySignal;
import org.contractfirst.notebooks.runtime.internal.HeaderAuth;
import org.contractfirst.notebooks.runtime.internal.ScnetErrorDecoder;
import org.contractfirst.notebooks.runtime.internal.TokenAuth;

/**
 * The builder of an SCNet client: the computing center's host (or a base URL) and a token or token provider. Error
 * envelopes (HTTP 200 with a code other than "0") become {@link ScnetApiException}.
 */
public abstract class ScnetClientBuilder<B extends ScnetClientBuilder<B>> extends ClientBuilder<B> {

    protected ScnetClientBuilder() {
    }

    /**
     * Host (and port) of the computing center's AI service, e.g. {@code api01.example.com:65106}; sets an https
     * base URL. A host name or address and an optional port only: user info, a path, a query or a fragment fail here.
     */
    public B host(String host) {
        return baseUrl(Endpoints.hostUrl(host));
    }

    /** SCNet API token, sent as the {@code token} header; a control character in it (a trailing CR/LF) fails here. */
    public B token(String token) {
        return auth(new HeaderAuth("token", token));
    }

    /**
     * SCNet tokens that change (a JWT whose {@code expireTime} claim says when; renewable through
     * {@code POST /ac/openapi/v2/tokens/next}): {@code tokens} is asked before each request (cache in it, e.g.
     * {@link org.contractfirst.notebooks.runtime.auth.RefreshingCredentialsProvider} with
     * {@link org.contractfirst.notebooks.runtime.auth.JwtExpiry#of}); on an HTTP 401 it is told, asked again,
     * and the request is sent once more with the new token, at most once.
     */
    public B tokenProvider(CredentialsProvider<String> tokens) {
        return auth(new TokenAuth("token", tokens, ExpirySignal.SCNET));
    }

    @Override
    final ErrorDecoder errorDecoder() {
        return new ScnetErrorDecoder();
    }
}
