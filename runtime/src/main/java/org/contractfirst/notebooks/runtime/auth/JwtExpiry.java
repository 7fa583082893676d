package org.contractfirst.notebooks.runtime.auth;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.time.Instant;
import java.util.Base64;

/**
 * Reads when a JWT expires, to schedule its refresh (the signature is not checked: the server does that). SCNet
 * tokens carry {@code expireTime} in milliseconds since the epoch (as a string); standard JWTs carry
 * {@code exp} in seconds. Never throws and never echoes the token.
 */
public final class JwtExpiry {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private JwtExpiry() {
    }

    /** The expiry of {@code jwt}: its {@code exp} claim, else its {@code expireTime} claim; null when it has neither or is not a JWT. */
    public static Instant of(String jwt) {
        if (jwt == null) {
            return null;
        }
        String[] parts = jwt.split("\\.");
        if (parts.length < 2) {
            return null;
        }
        try {
            JsonNode claims = MAPPER.readTree(Base64.getUrlDecoder().decode(parts[1]));
            Long exp = number(claims.get("exp"));
            if (exp != null) {
                return Instant.ofEpochSecond(exp);
            }
            Long expireTime = number(claims.get("expireTime"));
            return expireTime == null ? null : Instant.ofEpochMilli(expireTime);
        } catch (Exception notAJwt) {
            return null;
        }
    }

    private static Long number(JsonNode node) {
        if (node == null || node.isNull()) {
            return null;
        }
        if (node.isNumber()) {
            return node.asLong();
        }
        try {
            return Long.parseLong(node.asText().trim());
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
