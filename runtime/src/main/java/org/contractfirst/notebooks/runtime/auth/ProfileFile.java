package org.contractfirst.notebooks.runtime.auth;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The official SDK's credentials file, as huaweicloud-sdk-java-v3 3.1.192 reads it
 * (core/src/main/java/com/huaweicloud/sdk/core/auth/ProfileCredentialProvider.java): {@code
 * $HUAWEICLOUD_SDK_CREDENTIALS_FILE}, else {@code <home>/.huaweicloud/credentials}; INI-like lines
 * {@code [basic]} and {@code key = value}; for regional services the keys {@code ak}, {@code sk},
 * {@code security_token} and {@code project_id} of section {@code [basic]} (the same key twice: the last wins).
 * Other sections and keys ({@code [global]}, {@code domain_id}, {@code iam_endpoint}) are ignored, as are
 * lines that are neither. Values are trimmed of surrounding white space (a CRLF line end included).
 */
final class ProfileFile {

    static final String FILE_ENV = "HUAWEICLOUD_SDK_CREDENTIALS_FILE";
    static final String SECTION = "basic";
    private static final long MAX_BYTES = 1 << 20;

    /** Why the profile gave no credentials; the message names the file and the missing key, never a value. */
    static final class NotApplicable extends Exception {
        NotApplicable(String message) {
            super(message, null, false, false);
        }
    }

    private ProfileFile() {
    }

    static Path location(Map<String, String> environment, Path home) {
        String file = environment.get(FILE_ENV);
        if (file != null && !file.isBlank()) {
            return Path.of(file);
        }
        return home.resolve(".huaweicloud").resolve("credentials");
    }

    static AkSkCredentials read(Path file) throws NotApplicable {
        List<String> lines;
        try {
            if (!Files.isRegularFile(file)) {
                throw new NotApplicable(file + " not found");
            }
            if (Files.size(file) > MAX_BYTES) {
                throw new NotApplicable(file + " is larger than 1 MiB");
            }
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw new NotApplicable(file + " not found");
        } catch (IOException e) {
            // the JDK's messages name the file and the reason (access denied, malformed input), never its content
            throw new NotApplicable(file + " cannot be read (" + e.getClass().getSimpleName() + ")");
        }
        Map<String, String> basic = new HashMap<>();
        boolean sectionSeen = false;
        String section = null;
        for (String raw : lines) {
            String line = raw.strip();
            if (line.startsWith("[") && line.endsWith("]")) {
                section = line.substring(1, line.length() - 1).strip();
                sectionSeen |= SECTION.equals(section);
                continue;
            }
            int eq = line.indexOf('=');
            if (SECTION.equals(section) && eq > 0 && !line.startsWith("#") && !line.startsWith(";")) {
                basic.put(line.substring(0, eq).strip(), line.substring(eq + 1).strip());
            }
        }
        if (!sectionSeen) {
            throw new NotApplicable(file + " has no [" + SECTION + "] section");
        }
        for (String key : new String[] {"ak", "sk"}) {
            String v = basic.get(key);
            if (v == null || v.isEmpty()) {
                throw new NotApplicable(file + ": [" + SECTION + "] has no " + key
                        + (basic.containsKey("idp_id") ? " (idp_id: federated sign-in is not supported)" : ""));
            }
        }
        return new AkSkCredentials(basic.get("ak"), basic.get("sk"), basic.get("security_token"),
                basic.get("project_id"));
    }
}
