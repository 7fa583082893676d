package org.contractfirst.notebooks.runtime.auth;

/**
 * Huawei Cloud access key credentials for AK/SK request signing.
 *
 * <p>{@code securityToken} is set for temporary credentials (obtained from IAM/STS) and is sent as
 * {@code X-Security-Token}; {@code projectId}, when set, is sent as {@code X-Project-Id}. Both are optional and a
 * blank value is treated as absent. Every value must be printable ASCII without surrounding spaces
 * ({@link CredentialValues}: a line break read from a file is refused, not trimmed). {@link #toString()} never
 * reveals the secret key or the security token, and the validation messages never contain any credential value.
 *
 * @param accessKey     the access key id (AK), never blank
 * @param secretKey     the secret access key (SK), never blank
 * @param securityToken the security token of temporary credentials, or {@code null}
 * @param projectId     the project id, or {@code null}
 */
public record AkSkCredentials(String accessKey, String secretKey, String securityToken, String projectId) {

    /** How every validation message of this record starts. */
    static final String INVALID = "AK/SK credentials: ";

    /** Validates AK/SK and normalises blank optional values to {@code null}. */
    public AkSkCredentials {
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
    }

    /** Permanent credentials without a project id. */
    public static AkSkCredentials of(String accessKey, String secretKey) {
        return new AkSkCredentials(accessKey, secretKey, null, null);
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
}
