package org.contractfirst.notebooks.inventory.cli;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The {@code --config} file (YAML, or JSON): the sources to list. Credentials are never in it, only the names
 * of the environment variables that hold them (defaults: HUAWEICLOUD_TOKEN, or HUAWEICLOUD_AK + HUAWEICLOUD_SK
 * [+ HUAWEICLOUD_SECURITY_TOKEN]; SCNET_TOKEN).
 * <pre>
 * deadline: 30s               # each source's default deadline (ms, s, m suffixes, or ISO-8601 PT30S)
 * scnetZone: Asia/Shanghai    # zone of SCNet's zone-less times
 * sources:
 *   - platform: modelarts     # modelarts | modelarts-old | eihealth | scnet
 *     name: ma-beijing        # shown in the output; default: the platform
 *     region: cn-north-4      # or endpoint: https://modelarts.eu-de.otc.t-systems.com/
 *     projectId: 0ab1...
 *   - platform: modelarts-old
 *     region: cn-north-4
 *     credentials: default    # the official SDK's chain; projectId from it when not given here
 *   - platform: eihealth
 *     region: cn-north-4
 *     projectId: 0ab1...
 *     eihealthProjectId: 7c2d...
 *   - platform: scnet
 *     endpoint: https://api01.example.com:65106/
 *     instanceIds: [4c1f43ddb030483e89b55413bee6c004]
 *     tokenEnv: SCNET_TOKEN_CENTER1
 *     deadline: 10s
 * </pre>
 */
@JsonIgnoreProperties(ignoreUnknown = false)
public final class InventoryConfig {

    public String deadline;
    public String scnetZone;
    public List<SourceConfig> sources = new ArrayList<>();

    @JsonIgnoreProperties(ignoreUnknown = false)
    public static final class SourceConfig {
        public String platform;
        public String name;
        public String region;
        public String endpoint;
        public String projectId;
        public String eihealthProjectId;
        public List<String> instanceIds = new ArrayList<>();
        /** Name of the environment variable with the token (Huawei: X-Auth-Token; SCNet: token). */
        public String tokenEnv;
        /** Names of the environment variables with the AK/SK pair (Huawei only). */
        public String akEnv;
        public String skEnv;
        public String securityTokenEnv;
        /**
         * {@code env} (default): the variables above; {@code default} (ModelArts, EIHealth): the official SDK's chain,
         * {@code DefaultCredentialsChain} (HUAWEICLOUD_SDK_* variables, ~/.huaweicloud/credentials, ECS metadata),
         * which may also give the projectId.
         */
        public String credentials;
        /** The metadata service of {@code credentials: default} (default http://169.254.169.254). */
        public String metadataEndpoint;
        public String deadline;
    }

    static InventoryConfig read(Path file) throws IOException {
        ObjectMapper yaml = new ObjectMapper(new YAMLFactory())
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
        InventoryConfig config = yaml.readValue(file.toFile(), InventoryConfig.class);
        if (config.sources == null) {
            config.sources = new ArrayList<>();
        }
        return config;
    }

    /** "250ms", "30s", "2m", a bare number of seconds, or ISO-8601 ("PT30S"). */
    static Duration duration(String value) {
        String s = value.trim().toLowerCase(Locale.ROOT);
        try {
            if (s.startsWith("pt")) {
                return Duration.parse(s.toUpperCase(Locale.ROOT));
            }
            if (s.endsWith("ms")) {
                return Duration.ofMillis(Long.parseLong(s.substring(0, s.length() - 2).trim()));
            }
            if (s.endsWith("s")) {
                return Duration.ofMillis(Math.round(Double.parseDouble(s.substring(0, s.length() - 1).trim()) * 1000));
            }
            if (s.endsWith("m")) {
                return Duration.ofSeconds(Math.round(Double.parseDouble(s.substring(0, s.length() - 1).trim()) * 60));
            }
            return Duration.ofMillis(Math.round(Double.parseDouble(s) * 1000));
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("not a duration: '" + value + "' (e.g. 250ms, 30s, 2m, PT30S)");
        }
    }
}
