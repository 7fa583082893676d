package org.contractfirst.notebooks.runtime.internal;

import okhttp3.HttpUrl;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The strict checks behind the builders' {@code region(...)}, {@code host(...)} and {@code baseUrl(...)}: the origin
 * a client sends its credentials to is the vendor's endpoint of a real region id, or exactly the host (and port) or
 * URL the caller wrote, never something a pasted suffix ({@code #}, {@code @}, {@code /}) turns into another host.
 * Messages name the builder method and what is wrong; they never repeat the value (it could carry a password or a
 * token pasted in the wrong place).
 */
public final class Endpoints {

    /** A Huawei Cloud region id: two letters, one or more words, a number, e.g. cn-north-4, ap-southeast-1, eu-west-101. */
    static final Pattern REGION_ID = Pattern.compile("[a-z]{2}(-[a-z]+)+-[0-9]+");
    private static final Pattern DNS_NAME = Pattern.compile(
            "(?i)[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?(\\.[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?)*");

    private Endpoints() {
    }

    /**
     * {@code https://<service>.<region>.myhuaweicloud.com/} for a region id such as {@code cn-north-4}; anything else
     * (a host name, a URL, upper case, spaces) fails with an {@link IllegalArgumentException}.
     */
    public static String huaweiRegionUrl(String service, String region) {
        if (region == null || region.isEmpty()) {
            throw new IllegalArgumentException("region(...): the region id is missing; give one such as cn-north-4");
        }
        if (!REGION_ID.matcher(region).matches()) {
            String bad = firstBad(region, c -> (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-');
            throw new IllegalArgumentException("region(...) takes a Huawei Cloud region id such as cn-north-4 or"
                    + " ap-southeast-1 (lower-case words and a number joined by hyphens); the value given "
                    + (bad != null ? "contains " + bad : "is not of that form")
                    + "; for another endpoint use baseUrl(...)");
        }
        return "https://" + service + "." + region + ".myhuaweicloud.com/";
    }

    /**
     * {@code https://<host>/} for a host name, an IPv4 address or a bracketed IPv6 address, each with an optional
     * {@code :port}; user info, a path, a query, a fragment, whitespace or an unbracketed IPv6 address fail with an
     * {@link IllegalArgumentException}. The URL's origin is exactly {@code https://<host>:<port or 443>}.
     */
    public static String hostUrl(String host) {
        String method = "host(...)";
        if (host == null || host.isEmpty()) {
            throw new IllegalArgumentException(method + ": the host is missing; give one such as api01.example.com:65106");
        }
        String bad = firstBad(host, c -> c > 0x20 && c < 0x7F && c != '@' && c != '/' && c != '\\' && c != '?' && c != '#');
        if (bad != null) {
            throw new IllegalArgumentException(method + " takes a host and an optional port only, such as"
                    + " api01.example.com:65106; the value given contains " + bad);
        }
        String name;
        String port = null;
        if (host.startsWith("[")) {
            int end = host.indexOf(']');
            if (end < 0) {
                throw new IllegalArgumentException(method + ": an IPv6 address is missing its closing ']'");
            }
            name = host.substring(0, end + 1);
            String rest = host.substring(end + 1);
            if (!rest.isEmpty()) {
                if (!rest.startsWith(":")) {
                    throw new IllegalArgumentException(method + ": only ':port' may follow the bracketed IPv6 address");
                }
                port = rest.substring(1);
            }
        } else {
            int colon = host.indexOf(':');
            if (colon != host.lastIndexOf(':')) {
                throw new IllegalArgumentException(method + ": more than one ':'; write an IPv6 address in brackets, e.g. [2001:db8::1]:8443");
            }
            name = colon < 0 ? host : host.substring(0, colon);
            port = colon < 0 ? null : host.substring(colon + 1);
            if (!DNS_NAME.matcher(name).matches()) {
                throw new IllegalArgumentException(method + ": the host name is not a DNS name or IPv4 address"
                        + " (letters, digits and hyphens in dot-separated labels)");
            }
        }
        if (port != null && (!port.matches("[0-9]{1,5}") || Integer.parseInt(port) < 1 || Integer.parseInt(port) > 65535)) {
            throw new IllegalArgumentException(method + ": the port must be a number from 1 to 65535");
        }
        HttpUrl url = HttpUrl.parse("https://" + host + "/");
        if (url == null || (port != null && url.port() != Integer.parseInt(port))
                || !bracketed(url.host()).equalsIgnoreCase(name)) {
            throw new IllegalArgumentException(method + ": not a valid host name or address");
        }
        return url.toString();
    }

    /**
     * The base URL, parsed strictly: http or https, a host, optionally a port and a path; no user info, query,
     * fragment, whitespace or backslash. Ends with {@code /}.
     */
    public static HttpUrl baseUrl(String baseUrl) {
        String method = "baseUrl(...)";
        if (baseUrl == null || baseUrl.isBlank()) {
            throw new IllegalArgumentException(method + ": the URL is missing");
        }
        String bad = firstBad(baseUrl, c -> c > 0x20 && c < 0x7F && c != '\\');
        if (bad != null) {
            throw new IllegalArgumentException(method + ": the URL contains " + bad
                    + "; percent-encode it in the path, or remove it");
        }
        String lower = baseUrl.toLowerCase(Locale.ROOT);
        if (!lower.startsWith("https://") && !lower.startsWith("http://")) {
            throw new IllegalArgumentException(method + ": the URL must start with https:// (or http://)");
        }
        int start = baseUrl.indexOf("://") + 3;
        int end = start;
        while (end < baseUrl.length() && "/?#".indexOf(baseUrl.charAt(end)) < 0) {
            end++;
        }
        if (baseUrl.substring(start, end).contains("@")) {
            throw new IllegalArgumentException(method + ": the URL contains user info (user:password@), which is"
                    + " not allowed; give credentials to token(...) or akSk(...)");
        }
        if (baseUrl.substring(start, end).contains("%")) {
            throw new IllegalArgumentException(method + ": the URL's host contains percent-encoding ('%'), which is not allowed");
        }
        if (baseUrl.indexOf('?') >= 0) {
            throw new IllegalArgumentException(method + ": the URL contains a query ('?'), which is not allowed");
        }
        if (baseUrl.indexOf('#') >= 0) {
            throw new IllegalArgumentException(method + ": the URL contains a fragment ('#'), which is not allowed");
        }
        HttpUrl url = HttpUrl.parse(baseUrl.endsWith("/") ? baseUrl : baseUrl + "/");
        if (url == null) {
            throw new IllegalArgumentException(method + ": not a valid http(s) URL (check the host and the port)");
        }
        return url;
    }

    private static String bracketed(String host) {
        return host.contains(":") ? "[" + host + "]" : host;
    }

    /** The first character {@code allowed} refuses, described without the rest of the value; null if none. */
    private static String firstBad(String value, java.util.function.IntPredicate allowed) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (!allowed.test(c)) {
                return describe(c) + " at index " + i;
            }
        }
        return null;
    }

    private static String describe(char c) {
        return switch (c) {
            case '@' -> "user info ('@')";
            case '/', '\\' -> "a path ('" + c + "')";
            case '?' -> "a query ('?')";
            case '#' -> "a fragment ('#')";
            case ' ' -> "a space";
            case '\r' -> "a carriage return (CR)";
            case '\n' -> "a line feed (LF)";
            case '\t' -> "a tab";
            default -> c < 0x20 || c == 0x7F ? String.format("a control character (0x%02X)", (int) c)
                    : c > 0x7E ? "a non-ASCII character (use the ASCII, e.g. punycode, form)"
                    : c >= 'A' && c <= 'Z' ? "an upper-case letter"
                    : "'" + c + "'";
        };
    }
}
