package org.contractfirst.notebooks.runtime.internal;

import okhttp3.Response;
import org.contractfirst.notebooks.runtime.ApiException;

import java.io.IOException;
import java.util.Locale;
import java.util.Set;

/**
 * Says whether an answer means "the credentials have expired" (refresh them and send once more), as opposed to
 * "the credentials are wrong" (report it). It reads a copy of the body; the answer stays readable.
 */
@FunctionalInterface
public interface ExpirySignal {

    /** How much of a 401 body is read to decide. */
    long MAX_PEEK = 64 * 1024;

    boolean expired(Response response) throws IOException;

    /** Never: credentials are sent once (static credentials have nothing to refresh to). */
    ExpirySignal NEVER = response -> false;

    /**
     * Huawei Cloud API Gateway: HTTP 401 with {@code APIGW.0307} ("The token must be updated."), or with
     * {@code APIGW.0301} whose message says the token expired ("Incorrect IAM authentication information: token
     * expires, expires_at: ..."). The pages spell the prefix both {@code APIGW} and {@code APIG}; both count.
     * Any other 401, e.g. {@code APIGW.0301} "decrypt token fail" or "verify aksk signature fail", is a wrong
     * credential: no refresh (specs/DISCREPANCIES.md, "Expired credentials").
     */
    ExpirySignal HUAWEI = response -> {
        if (response.code() != 401) {
            return false;
        }
        ApiException error = new HuaweiErrorDecoder().httpError(response, response.peekBody(MAX_PEEK).bytes(), null);
        String code = error.errorCode() == null ? "" : error.errorCode().toUpperCase(Locale.ROOT);
        String message = error.errorMessage() == null ? "" : error.errorMessage().toLowerCase(Locale.ROOT);
        if (Set.of("APIGW.0307", "APIG.0307").contains(code)) {
            return true;
        }
        return Set.of("APIGW.0301", "APIG.0301").contains(code) && message.contains("expire");
    };

    /**
     * SCNet: documents no expiry code, and its token is a JWT whose {@code expireTime} the provider can read
     * ({@link org.contractfirst.notebooks.runtime.auth.JwtExpiry}); an HTTP 401 is taken as "expired", which costs
     * at most one refresh and one more request for a wrong token.
     */
    ExpirySignal SCNET = response -> response.code() == 401;
}
