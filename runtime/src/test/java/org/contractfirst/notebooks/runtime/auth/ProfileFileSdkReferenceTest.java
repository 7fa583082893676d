package org.contractfirst.notebooks.runtime.auth;

import com.huaweicloud.sdk.core.auth.BasicCredentials;
import com.huaweicloud.sdk.core.auth.ProfileCredentialProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The official SDK's own {@code ProfileCredentialProvider} (huaweicloud-sdk-core, test scope) and the chain read the
 * same {@code ~/.huaweicloud/credentials}, laid out as the SDK's README shows it, and give the same credentials.
 * The SDK finds the home directory through the {@code user.home} property only, so this test points it at a
 * temporary directory for the duration of the one call and puts it back.
 */
class ProfileFileSdkReferenceTest {

    @TempDir
    Path home;

    @Test
    void theSdkAndTheChainReadTheSameProfile() throws Exception {
        assumeTrue(System.getenv("HUAWEICLOUD_SDK_CREDENTIALS_FILE") == null, "the SDK would read that file instead");
        Path file = home.resolve(".huaweicloud/credentials");
        Files.createDirectories(file.getParent());
        Files.writeString(file, """
                [basic]\r
                ak = AKPROFILEREFERENCE01\r
                sk = profile-reference-secret-not-real\r
                security_token = profile-reference-token-not-real\r
                project_id = 0123456789abcdef0123456789abcdef\r
                \r
                [global]\r
                ak = AKGLOBALREFERENCE001\r
                sk = global-reference-secret-not-real\r
                domain_id = d0123456789\r
                """, StandardCharsets.UTF_8);

        BasicCredentials sdk;
        String saved = System.getProperty("user.home");
        System.setProperty("user.home", home.toString());
        try {
            sdk = (BasicCredentials) ProfileCredentialProvider.getBasicCredentialProfileProvider().getCredentials();
        } finally {
            System.setProperty("user.home", saved);
        }
        AkSkCredentials ours = DefaultCredentialsChain.builder().environment(Map.of()).homeDirectory(home)
                .metadataEndpoint("http://127.0.0.1:9").build().get();

        assertThat(ours).isEqualTo(AkSkCredentials.builder(sdk.getAk(), sdk.getSk()).securityToken(sdk.getSecurityToken()).projectId(sdk.getProjectId()).build());
        assertThat(ours.accessKey()).isEqualTo("AKPROFILEREFERENCE01");
        assertThat(ours.projectId()).isEqualTo("0123456789abcdef0123456789abcdef");
    }
}
