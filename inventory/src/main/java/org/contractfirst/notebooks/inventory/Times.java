package org.contractfirst.notebooks.inventory;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;

/**
 * The timestamps of the four APIs as {@link Instant}: epoch milliseconds (ModelArts new, as numbers), strings of
 * epoch milliseconds (ModelArts old), ISO-8601 with an offset or Z (EIHealth), and SCNet's zone-less
 * {@code yyyy-MM-dd HH:mm:ss}, read in a zone the caller states (the inventory's default is {@link #DEFAULT_SCNET_ZONE}).
 */
public final class Times {

    /** SCNet's centers run on China Standard Time; its API sends local times without a zone. */
    public static final ZoneId DEFAULT_SCNET_ZONE = ZoneId.of("Asia/Shanghai");

    private static final DateTimeFormatter ZONELESS = DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm:ss")
            .withResolverStyle(java.time.format.ResolverStyle.STRICT);  // 2022-02-30 is an error, not Feb 28

    private Times() {
    }

    /** Epoch milliseconds; null stays null. */
    public static Instant ofEpochMillis(Long millis) {
        return millis == null ? null : Instant.ofEpochMilli(millis);
    }

    /**
     * Any of the forms above; {@code zone} applies only to values without an offset. Null, blank, "--" and
     * "null" are null; a value in none of the forms is null too (the instance keeps its original model object).
     */
    public static Instant parse(String value, ZoneId zone) {
        if (value == null) {
            return null;
        }
        String s = value.trim();
        if (s.isEmpty() || s.equals("--") || s.equalsIgnoreCase("null")) {
            return null;
        }
        if (isDigits(s)) {
            return s.length() > 18 ? null : Instant.ofEpochMilli(Long.parseLong(s));
        }
        Instant fast = fixedForm(s, zone);
        if (fast != null) {
            return fast;
        }
        try {
            return OffsetDateTime.parse(s).toInstant();   // 2020-09-10T10:07:17Z, ...+08:00
        } catch (DateTimeParseException notOffset) {
            // fall through
        }
        try {
            LocalDateTime local = s.indexOf('T') > 0 ? LocalDateTime.parse(s) : LocalDateTime.parse(s, ZONELESS);
            return local.atZone(zone).toInstant();
        } catch (DateTimeParseException unknownForm) {
            return null;
        }
    }

    /**
     * The two forms the APIs send, without the cost of a DateTimeFormatter (a listing parses two per instance):
     * {@code yyyy-MM-ddTHH:mm:ssZ} (EIHealth) and {@code yyyy-MM-dd HH:mm:ss} (SCNet, in {@code zone}).
     * Anything else, or an invalid date, returns null and goes the general way.
     */
    private static Instant fixedForm(String s, ZoneId zone) {
        int n = s.length();
        if ((n != 19 && n != 20) || s.charAt(4) != '-' || s.charAt(7) != '-' || s.charAt(13) != ':' || s.charAt(16) != ':') {
            return null;
        }
        char sep = s.charAt(10);
        boolean utc = n == 20 && sep == 'T' && s.charAt(19) == 'Z';
        boolean local = n == 19 && sep == ' ';
        if (!utc && !local) {
            return null;
        }
        int year = digits(s, 0, 4), month = digits(s, 5, 2), day = digits(s, 8, 2);
        int hour = digits(s, 11, 2), minute = digits(s, 14, 2), second = digits(s, 17, 2);
        if (year < 0 || month < 1 || month > 12 || day < 1 || day > 31 || hour < 0 || hour > 23 || minute < 0
                || minute > 59 || second < 0 || second > 59) {
            return null;
        }
        try {
            LocalDateTime t = LocalDateTime.of(year, month, day, hour, minute, second);
            return utc ? t.toInstant(java.time.ZoneOffset.UTC) : t.atZone(zone).toInstant();
        } catch (java.time.DateTimeException invalidDate) {   // 2022-02-30
            return null;
        }
    }

    private static int digits(String s, int from, int count) {
        int v = 0;
        for (int i = from; i < from + count; i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            v = v * 10 + (c - '0');
        }
        return v;
    }

    private static boolean isDigits(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
        }
        return true;
    }
}
