package org.contractfirst.notebooks.runtime.auth;

import org.contractfirst.notebooks.runtime.internal.CredentialValues;

import java.util.Objects;

/**
 * Huawei Cloud access key credentials for AK/SK request signing: {@link #of(String, String)} for permanent
 * credentials, {@link #builder(String, String)} to add a security token or a project id.
 *
 * <p>{@code securityToken} is set for temporary credentials (obtained from IAM/STS) and is sent as
 * {@code X-Security-Token}; {@code projectId}, when set, is sent as {@code X-Project-Id}. Both are optional and a
 * blank value is treated as absent. Every value must be printable ASCII without surrounding spaces (a line break
 * read from a file is refused, not trimmed). {@link #toString()} never reveals the secret key or the security token,
 * and the validation messages never contain any credential value.
 */
public final class AkSkCredentials {

    /** How every validation message of this class starts. */
    static final String INVALID = CredentialValues.AKSK_INVALID;

    private final String accessKey;
    private final String secretKey;
    private final String securityToken;
    private final String projectId;

    AkSkCredentials(String accessKey, String secretKey, String securityToken, String projectId) {
        if (accessKey == null || accessKey.isBlank()) {
            throw new IllegalArgumentException(INVALID + "the access key (AK) must not be blank");
        }
        if (secretKey == null || secretKey.isBlank()) {
            throw new IllegalArgumentException(INVALID + "the secret key (SK) must not be blank");
        }
        securityToken = securityToken == null || securityToken.isBlank() ? null : securityToken;
        projectId = projectId == null || projectId.isBlank() ? null : projectId;
        CredentialValues.require(INVALID + "the access key (AK, sent in the Authorization header)", accessKey);
        CredentialValues.require(INVALID + "the secret key (SK)", secretKey);
        CredentialValues.require(INVALID + "the security token (X-Security-Token header)", securityToken);
        CredentialValues.require(INVALID + "the project id (X-Project-Id header)", projectId);
        this.accessKey = accessKey;
        this.secretKey = secretKey;
        this.securityToken = securityToken;
        this.projectId = projectId;
    }

    /** Permanent credentials without a project id; a blank or unsendable value fails here. */
    public static AkSkCredentials of(String accessKey, String secretKey) {
        return new AkSkCredentials(accessKey, secretKey, null, null);
    }

    /** Credentials with an optional security token and project id, validated at {@link Builder#build()}. */
    public static Builder builder(String accessKey, String secretKey) {
        return new Builder(accessKey, secretKey);
    }

    /** The access key id (AK), never blank. */
    public String accessKey() {
        return accessKey;
    }

    /** The secret access key (SK), never blank. */
    public String secretKey() {
        return secretKey;
    }

    /** The security token of temporary credentials, or {@code null}. */
    public String securityToken() {
        return securityToken;
    }

    /** The project id, or {@code null}. */
    public String projectId() {
        return projectId;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof AkSkCredentials c && accessKey.equals(c.accessKey) && secretKey.equals(c.secretKey)
                && Objects.equals(securityToken, c.securityToken) && Objects.equals(projectId, c.projectId);
    }

    @Override
    public int hashCode() {
        return Objects.hash(accessKey, secretKey, securityToken, projectId);
    }

    /** Shows the first four characters of the AK only, and whether a security token is present. */
    @Override
    public String toString() {
        String maskedAk = accessKey.length() > 4 ? accessKey.substring(0, 4) + "***" : "***";
        return "AkSkCredentials[accessKey=" + maskedAk
                + ", secretKey=***"
                + ", securityToken=" + (securityToken == null ? "none" : "***")
                + ", projectId=" + projectId + "]";
    }

    /** Builds {@link AkSkCredentials}; {@link #toString()} shows no value. */
    public static final class Builder {

        private final String accessKey;
        private final String secretKey;
        private String securityToken;
        private String projectId;

        private Builder(String accessKey, String secretKey) {
            this.accessKey = accessKey;
            this.secretKey = secretKey;
        }

        /** The security token of temporary credentials, sent as {@code X-Security-Token}; null or blank: none. */
        public Builder securityToken(String securityToken) {
            this.securityToken = securityToken;
            return this;
        }

        /** The project id, sent as {@code X-Project-Id}; null or blank: none. */
        public Builder projectId(String projectId) {
            this.projectId = projectId;
            return this;
        }

        /** The credentials; a blank AK or SK, or a value that cannot be sent (a line break), fails here. */
        public AkSkCredentials build() {
            return new AkSkCredentials(accessKey, secretKey, securityToken, projectId);
        }

        @Override
        public String toString() {
            return "AkSkCredentials.Builder[<redacted>]";
        }
    }
}
