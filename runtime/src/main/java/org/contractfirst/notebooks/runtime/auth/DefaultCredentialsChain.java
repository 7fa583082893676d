package org.contractfirst.notebooks.runtime.auth;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Huawei Cloud AK/SK credentials found the way the official Java SDK's default chain finds them
 * ({@code com.huaweicloud.sdk.core.auth.CredentialProviderChain}, huaweicloud-sdk-java-v3 3.1.192), in this
 * order, for regional ("basic") services:
 * <ol>
 *   <li><b>environment</b>: {@code HUAWEICLOUD_SDK_AK} and {@code HUAWEICLOUD_SDK_SK}, optionally
 *       {@code HUAWEICLOUD_SDK_SECURITY_TOKEN} and {@code HUAWEICLOUD_SDK_PROJECT_ID};</li>
 *   <li><b>profile</b>: the file {@code $HUAWEICLOUD_SDK_CREDENTIALS_FILE}, else
 *       {@code ~/.huaweicloud/credentials}, section {@code [basic]}, keys {@code ak}, {@code sk},
 *       {@code security_token}, {@code project_id};</li>
 *   <li><b>metadata</b>: on an ECS (or a CCE node) with an agency, temporary AK/SK and a security token from
 *       {@code http://169.254.169.254/openstack/latest/securitykey}, fetched again 40 minutes before they
 *       expire (the SDK's threshold), one fetch at a time for all threads.</li>
 * </ol>
 * The SDK's federated sign-in ({@code HUAWEICLOUD_SDK_IDP_ID} / {@code idp_id} with an id token file) and CCE
 * Pod Identity, its fourth source, are not supported. Metadata credentials carry no project id (the SDK asks IAM
 * for it; here requests name their project in the path).
 *
 * <p><b>When it resolves.</b> Lazily: nothing is read at construction or at a client's {@code build()}; the first
 * {@link #get()} tries the sources in order and keeps the first that gives credentials for the life of the chain
 * (environment and profile are read once; metadata credentials are refreshed). If none does, {@code get()}
 * throws an {@link IOException} that lists each source and why it did not apply, for example
 * {@code no Huawei Cloud credentials found: environment: HUAWEICLOUD_SDK_AK not set; profile:
 * /home/u/.huaweicloud/credentials not found; metadata: http://169.254.169.254/meta-data/latest/api/token:
 * timed out}, and the next {@code get()} tries again. No message, log or {@code toString()} of the chain
 * contains a credential value.
 *
 * <pre>{@code
 * ModelArtsClient modelarts = ModelArtsClient.builder().region("cn-north-4").defaultCredentials().build();
 * // the same, with the chain configured:
 * DefaultCredentialsChain chain = DefaultCredentialsChain.builder().metadataEndpoint("http://127.0.0.1:8080").build();
 * ModelArtsClient other = ModelArtsClient.builder().region("cn-north-4").akSkProvider(chain).build();
 * }</pre>
 */
public final class DefaultCredentialsChain implements CredentialsProvider<AkSkCredentials> {

    // Names of huaweicloud-sdk-java-v3 core/src/main/java/com/huaweicloud/sdk/core/auth/EnvCredentialProvider.java
    static final String ENV_AK = "HUAWEICLOUD_SDK_AK";
    static final String ENV_SK = "HUAWEICLOUD_SDK_SK";
    static final String ENV_SECURITY_TOKEN = "HUAWEICLOUD_SDK_SECURITY_TOKEN";
    static final String ENV_PROJECT_ID = "HUAWEICLOUD_SDK_PROJECT_ID";
    static final String ENV_IDP_ID = "HUAWEICLOUD_SDK_IDP_ID";

    /** The ECS metadata service (MetadataAccessor.METADATA_ENDPOINT of the SDK). */
    public static final String DEFAULT_METADATA_ENDPOINT = "http://169.254.169.254";

    private final Map<String, String> environment;
    private final Path home;
    private final MetadataCredentials metadata;
    private final ReentrantLock lock = new ReentrantLock();
    private volatile CredentialsProvider<AkSkCredentials> resolved;
    private volatile String source;

    private DefaultCredentialsChain(Builder b) {
        this.environment = Map.copyOf(b.environment);
        this.home = b.home;
        this.metadata = new MetadataCredentials(b.metadataEndpoint, b.connectTimeout, b.readTimeout, b.clock);
    }

    /** The chain over this process's environment and home directory, with the ECS metadata service. */
    public static DefaultCredentialsChain create() {
        return builder().build();
    }

    public static Builder builder() {
        return new Builder();
    }

    @Override
    public AkSkCredentials get() throws IOException {
        CredentialsProvider<AkSkCredentials> p = resolved;
        return (p != null ? p : resolve()).get();
    }

    @Override
    public void invalidate(AkSkCredentials rejected) {
        CredentialsProvider<AkSkCredentials> p = resolved;
        if (p != null) {
            p.invalidate(rejected);
        }
    }

    /** The source that gave the credentials: {@code environment}, {@code profile} or {@code metadata}; null before. */
    public String source() {
        return source;
    }

    private CredentialsProvider<AkSkCredentials> resolve() throws IOException {
        lock.lock();
        try {
            if (resolved != null) {
                return resolved; // another thread resolved while this one waited
            }
            List<String> tried = new ArrayList<>(3);
            String from = "environment";
            AkSkCredentials fixed;
            try {
                fixed = fromEnvironment(tried);
                if (fixed == null) {
                    from = "profile";
                    fixed = fromProfile(tried);
                }
            } catch (IllegalArgumentException e) {
                // a value AkSkCredentials refuses (control characters): its message names the key, never the value
                throw new IOException("Huawei Cloud credentials from the " + from + ": " + e.getMessage(), e);
            }
            CredentialsProvider<AkSkCredentials> found = fixed != null ? CredentialsProvider.fixed(fixed) : null;
            if (found == null) {
                try {
                    metadata.get(); // the first fetch decides whether this source applies
                    found = metadata;
                    from = "metadata";
                } catch (IOException e) {
                    tried.add("metadata: " + e.getMessage());
                }
            }
            if (found == null) {
                throw new IOException("no Huawei Cloud credentials found: " + String.join("; ", tried));
            }
            source = from;
            resolved = found;
            return found;
        } finally {
            lock.unlock();
        }
    }

    private AkSkCredentials fromEnvironment(List<String> tried) {
        String ak = environment.get(ENV_AK);
        String sk = environment.get(ENV_SK);
        if (blank(ak) || blank(sk)) {
            String missing = blank(ak) ? ENV_AK : ENV_SK;
            tried.add("environment: " + missing + " not set"
                    + (blank(environment.get(ENV_IDP_ID)) ? "" : " (" + ENV_IDP_ID + " is set: federated sign-in is not supported)"));
            return null;
        }
        return new AkSkCredentials(ak, sk, environment.get(ENV_SECURITY_TOKEN), environment.get(ENV_PROJECT_ID));
    }

    private AkSkCredentials fromProfile(List<String> tried) {
        try {
            return ProfileFile.read(ProfileFile.location(environment, home));
        } catch (ProfileFile.NotApplicable e) {
            tried.add("profile: " + e.getMessage());
            return null;
        }
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    @Override
    public String toString() {
        String s = source;
        return "DefaultCredentialsChain[" + (s == null ? "unresolved" : s) + "]";
    }

    /** Where the chain looks; every setting has the official SDK's default. */
    public static final class Builder {
        private Map<String, String> environment = System.getenv();
        private Path home = Path.of(System.getProperty("user.home", ""));
        private String metadataEndpoint = DEFAULT_METADATA_ENDPOINT;
        private Duration connectTimeout = MetadataCredentials.DEFAULT_CONNECT_TIMEOUT;
        private Duration readTimeout = MetadataCredentials.DEFAULT_READ_TIMEOUT;
        private Clock clock = Clock.systemUTC();

        private Builder() {
        }

        /** The environment variables to read (default: {@link System#getenv()}). */
        public Builder environment(Map<String, String> environment) {
            this.environment = Objects.requireNonNull(environment, "environment");
            return this;
        }

        /** The home directory of {@code .huaweicloud/credentials} (default: the {@code user.home} property, as the SDK). */
        public Builder homeDirectory(Path home) {
            this.home = Objects.requireNonNull(home, "home");
            return this;
        }

        /**
         * The metadata service, scheme, host and optional port (default {@code http://169.254.169.254}),
         * e.g. a local fake in tests. It is asked over the given scheme without a proxy and without following
         * redirects.
         */
        public Builder metadataEndpoint(String endpoint) {
            this.metadataEndpoint = MetadataCredentials.endpoint(endpoint);
            return this;
        }

        /**
         * How long a connection to the metadata service and an answer from it may take (defaults 1 s and 3 s): a
         * machine that is not an ECS, where the address leads nowhere, fails within the connect timeout.
         */
        public Builder metadataTimeouts(Duration connect, Duration read) {
            this.connectTimeout = positive(connect, "connect");
            this.readTimeout = positive(read, "read");
            return this;
        }

        /** The clock that decides when metadata credentials are refreshed (tests). */
        Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        public DefaultCredentialsChain build() {
            return new DefaultCredentialsChain(this);
        }

        private static Duration positive(Duration d, String what) {
            if (d == null || d.isNegative() || d.isZero()) {
                throw new IllegalArgumentException("metadata " + what + " timeout must be positive");
            }
            return d;
        }
    }
}
