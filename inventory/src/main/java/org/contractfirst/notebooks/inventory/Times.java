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

    private static final DateTimeFormatter ZONELESS = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

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
