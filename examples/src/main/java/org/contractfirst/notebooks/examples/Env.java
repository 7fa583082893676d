package org.contractfirst.notebooks.examples;

import org.contractfirst.notebooks.runtime.auth.AkSkCredentials;

/** Reads the examples' settings from environment variables; secrets are never printed. */
final class Env {

    private Env() {
    }

    static String get(String name) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? null : value.trim();
    }

    static String get(String name, String fallback) {
        String value = get(name);
        return value != null ? value : fallback;
    }

    static String require(String name, String why) {
        String value = get(name);
        if (value == null) {
            throw new IllegalStateException("environment variable " + name + " is not set (" + why + ")");
        }
        return value;
    }

    /** The Prism mock URL given by examples/run.sh, when no real endpoint is configured. */
    static String mockUrl() {
        return require("MOCK_URL", "run the example with examples/run.sh, which starts the mock, or set the real endpoint");
    }

    /** Huawei Cloud AK/SK from HUAWEICLOUD_AK / HUAWEICLOUD_SK (+ HUAWEICLOUD_SECURITY_TOKEN), or null. */
    static AkSkCredentials huaweiAkSk(String projectId) {
        String ak = get("HUAWEICLOUD_AK");
        if (ak == null) {
            return null;
        }
        return AkSkCredentials.builder(ak, require("HUAWEICLOUD_SK", "the secret key of HUAWEICLOUD_AK"))
                .securityToken(get("HUAWEICLOUD_SECURITY_TOKEN")).projectId(projectId).build();
    }
}
