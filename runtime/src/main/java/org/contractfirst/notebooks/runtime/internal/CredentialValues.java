package org.contractfirst.notebooks.runtime.internal;

/**
 * Checks that a credential can be sent as given: printable ASCII only (what an HTTP header value can carry), no
 * leading or trailing space (OkHttp would trim it silently, and an AK/SK signature would then cover another value).
 * A token read from a file with its trailing CR/LF is the classic failure; it is refused, not trimmed, so that the
 * caller sees the mistake. Descriptions name the position and kind of character, never the value.
 */
public final class CredentialValues {

    /** How every validation message of {@code AkSkCredentials} starts. */
    public static final String AKSK_INVALID = "AK/SK credentials: ";


    private CredentialValues() {
    }

    /**
     * What is wrong with {@code value} as a credential, e.g. {@code "a line feed (LF, 0x0A) at index 40"}, or null
     * when nothing is (null and blank values are the callers' own checks).
     */
    public static String defect(String value) {
        if (value == null) {
            return null;
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c < 0x20 || c == 0x7F) {
                return controlName(c) + " at index " + i;
            }
            if (c > 0x7E) {
                return "a non-ASCII character at index " + i;
            }
        }
        if (!value.isEmpty() && (value.charAt(0) == ' ' || value.charAt(value.length() - 1) == ' ')) {
            return "a leading or trailing space";
        }
        return null;
    }

    /** {@code value} unchanged; an {@link IllegalArgumentException} naming {@code what} (e.g. the header) if it has a {@link #defect}. */
    public static String require(String what, String value) {
        String defect = defect(value);
        if (defect != null) {
            throw new IllegalArgumentException(refusal(what, defect));
        }
        return value;
    }

    /** The message for a credential that has {@code defect}: names {@code what}, never the value. */
    static String refusal(String what, String defect) {
        return what + " contains " + defect + " and is refused (not trimmed): a credential must be printable ASCII"
                + " without surrounding spaces; a token read from a file often keeps its line break (CR/LF)";
    }

    private static String controlName(char c) {
        String name = switch (c) {
            case '\r' -> "a carriage return (CR";
            case '\n' -> "a line feed (LF";
            case '\t' -> "a tab (HT";
            case 0 -> "a NUL character (NUL";
            case 0x7F -> "a delete character (DEL";
            default -> "a control character (C0";
        };
        return name + ", 0x" + String.format("%02X", (int) c) + ")";
    }
}
