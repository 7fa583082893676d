package org.contractfirst.notebooks.runtime.internal;

import okhttp3.HttpUrl;

import java.util.Locale;

/**
 * Scheme, host and port of a URL (RFC 6454): the only place a client's credentials are sent. Two URLs have the
 * same origin when all three are equal; {@code https://h} and {@code http://h}, or {@code h:443} and
 * {@code h:8443}, are different origins.
 */
public record Origin(String scheme, String host, int port) {

    public Origin {
        scheme = scheme.toLowerCase(Locale.ROOT);
        host = host.toLowerCase(Locale.ROOT);
    }

    public static Origin of(HttpUrl url) {
        return new Origin(url.scheme(), url.host(), url.port());
    }

    public boolean matches(HttpUrl url) {
        return url != null && scheme.equals(url.scheme()) && host.equalsIgnoreCase(url.host()) && port == url.port();
    }

    /** True for {@code localhost}, {@code *.localhost} (RFC 6761) and the loopback address literals 127.0.0.0/8 and ::1. */
    public boolean isLoopback() {
        if (host.equals("localhost") || host.endsWith(".localhost") || host.equals("::1")) {
            return true;
        }
        String[] parts = host.split("\\.", -1);
        if (parts.length != 4 || !parts[0].equals("127")) {
            return false;
        }
        for (String part : parts) {
            if (part.isEmpty() || part.length() > 3 || !part.chars().allMatch(Character::isDigit) || Integer.parseInt(part) > 255) {
                return false;
            }
        }
        return true;
    }

    @Override
    public String toString() {
        String h = host.contains(":") ? "[" + host + "]" : host;
        return scheme + "://" + h + ":" + port;
    }
}
