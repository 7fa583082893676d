package org.contractfirst.notebooks.inventory.cli;

import org.contractfirst.notebooks.eihealth.EihealthClient;
import org.contractfirst.notebooks.inventory.ConfigurationException;
import org.contractfirst.notebooks.inventory.Inventory;
import org.contractfirst.notebooks.inventory.InventoryResult;
import org.contractfirst.notebooks.inventory.NotebookInstance;
import org.contractfirst.notebooks.inventory.NotebookSource;
import org.contractfirst.notebooks.runtime.state.NotebookState;
import org.contractfirst.notebooks.inventory.Platform;
import org.contractfirst.notebooks.inventory.SourceError;
import org.contractfirst.notebooks.inventory.Times;
import org.contractfirst.notebooks.modelarts.ModelArtsClient;
import org.contractfirst.notebooks.runtime.ClientBuilder;
import org.contractfirst.notebooks.runtime.ClientOptions;
import org.contractfirst.notebooks.runtime.Sleeper;
import org.contractfirst.notebooks.runtime.auth.AkSkCredentials;
import org.contractfirst.notebooks.runtime.auth.DefaultCredentialsChain;
import org.contractfirst.notebooks.scnet.ScnetClient;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

/** {@code bin/notebooks}: see {@link #HELP}. */
public final class NotebooksCli {

    /** Exit code of a command line that cannot be run as given (unknown option, unreadable config). */
    public static final int EXIT_USAGE = 64;

    static final Duration DEFAULT_DEADLINE = Duration.ofSeconds(30);

    /** The mock mode's identifiers: the SCNet one is the ID of the documented example. */
    static final String MOCK_PROJECT_ID = "mock-project";
    static final String MOCK_EIHEALTH_PROJECT_ID = "mock-eihealth-project";
    static final String MOCK_SCNET_INSTANCE_ID = "4c1f43ddb030483e89b55413bee6c004";

    static final String HELP = """
            Usage: bin/notebooks list [--config FILE] [--platform P]... [--state S]... [--format table|json|csv]
                   bin/notebooks wait --platform P --id ID --state S [--state S]... [--timeout 10m]
                                      [--map-status WORD=STATE]... [--config FILE] [--source NAME]
                                      [--format table|json|csv]
                   bin/notebooks --help

            Lists the notebook instances of ModelArts (new and old DevEnviron), EIHealth and SCNet in one
            normalized view. Every source is fetched at once, every page, each under its own deadline; a source
            that fails is reported and never hides the others.

            Options:
              --config FILE      Sources to list (YAML or JSON; docs/inventory.md shows the format).
                                 Default: $NOTEBOOKS_CONFIG; without either, Prism mocks of the four APIs are
                                 started on free local ports, listed (their documented examples) and stopped.
              --platform P       Only this platform: modelarts, modelarts-old, eihealth, scnet. Repeatable
                                 (wait: exactly one).
              --state S          Only instances in this normalized state: PENDING, STARTING, RUNNING, UPDATING,
                                 STOPPING, STOPPED, FAILED, DELETING, DELETED, UNKNOWN (any case). Repeatable
                                 (wait: the states to wait for).
              --format F         table (default), json (an array of instances) or csv.
              --scnet-zone ZONE  Zone of SCNet's zone-less times (default: the config's scnetZone, else
                                 Asia/Shanghai).
              -h, --help         This text.

            Output: instances on stdout. Errors go to stderr, one line per failed source (or SCNet instance):
            with --format json a JSON object per line {"platform","source","instanceId","httpStatus","code",
            "message","requestId"}, otherwise "error: ..." text.

            Exit codes: 0 every source answered; 2 partial results (some sources failed); 1 no source
            answered; 64 invalid command line or config file.

            wait: polls one instance until it is in one of the --state states (exponential backoff with
            jitter, 2 s to 30 s apart; Retry-After of 429/503 answers honoured), then prints it (as list does)
            and a summary line on stderr. The first source of --platform in the config is used (--source NAME
            picks another); without a config, the Prism mock of that platform (its documented example: ModelArts
            CREATING, ModelArts old RUNNING, EIHealth Running, SCNet Waiting). FAILED, and DELETED unless
            awaited, end the wait at once; an instance the service does not return is "not found" (or reaches
            an awaited DELETED).
              --id ID            The instance (ModelArts: notebook id; old: DE-...; EIHealth: notebook id;
                                 SCNet: instance service id).
              --timeout T        Give up after T (ms, s, m suffixes or ISO-8601; default 10m).
              --source NAME      The config source to use (default: the first of the platform).
              --map-status WORD=STATE
                                 Read the platform's status WORD as STATE during the wait, e.g. SCNet's
                                 undocumented Failed=failed (SCNet documents only Waiting and Running).
                                 Repeatable.
            Exit codes: 0 a --state was reached; 3 a failure state (FAILED; DELETED when not awaited);
            4 timed out; 5 not found; 1 the service answered with an error or could not be reached;
            64 invalid command line or config file.

            Environment (credentials are read only from the environment, never from the command line, and
            never printed):
              NOTEBOOKS_CONFIG            config file when --config is not given
              HUAWEICLOUD_TOKEN           IAM token for ModelArts and EIHealth sources (X-Auth-Token)
              HUAWEICLOUD_AK, HUAWEICLOUD_SK, HUAWEICLOUD_SECURITY_TOKEN
                                          AK/SK signing instead of a token
              SCNET_TOKEN                 SCNet API token
              A source's tokenEnv / akEnv / skEnv / securityTokenEnv in the config names other variables.
              A ModelArts or EIHealth source with "credentials: default" uses the official SDK's chain instead:
              HUAWEICLOUD_SDK_AK, HUAWEICLOUD_SDK_SK (+ HUAWEICLOUD_SDK_SECURITY_TOKEN, HUAWEICLOUD_SDK_PROJECT_ID),
              else ~/.huaweicloud/credentials (or HUAWEICLOUD_SDK_CREDENTIALS_FILE), else the ECS metadata service.
            """;

    private NotebooksCli() {
    }

    public static void main(String[] args) {
        int code = run(args, System.getenv(), System.out, System.err);
        System.out.flush();
        System.exit(code);
    }

    /** The whole command; returns the exit code. */
    public static int run(String[] args, Map<String, String> env, PrintStream out, PrintStream err) {
        return run(args, env, out, err, Clock.systemUTC(), Sleeper.THREAD_SLEEP);
    }

    /** As {@link #run(String[], Map, PrintStream, PrintStream)}, with the time source of {@code wait} (tests). */
    static int run(String[] args, Map<String, String> env, PrintStream out, PrintStream err, Clock clock,
                   Sleeper sleeper) {
        Path configFile = null;
        Set<Platform> platforms = EnumSet.noneOf(Platform.class);
        Set<NotebookState> states = EnumSet.noneOf(NotebookState.class);
        String format = "table";
        String zoneOption = null;
        String command = null;
        String id = null;
        Duration timeout = null;
        String sourceName = null;
        Map<String, NotebookState> extraStatuses = new java.util.LinkedHashMap<>();
        try {
            for (int i = 0; i < args.length; i++) {
                String a = args[i];
                switch (a) {
                    case "-h", "--help", "help" -> {
                        out.print(HELP);
                        return 0;
                    }
                    case "list", "wait" -> {
                        if (command != null) {
                            throw new IllegalArgumentException("two commands: " + command + " and " + a);
                        }
                        command = a;
                    }
                    case "--id" -> id = value(args, ++i, a);
                    case "--timeout" -> timeout = InventoryConfig.duration(value(args, ++i, a));
                    case "--source" -> sourceName = value(args, ++i, a);
                    case "--map-status" -> {
                        String pair = value(args, ++i, a);
                        int eq = pair.lastIndexOf('=');
                        if (eq <= 0) {
                            throw new IllegalArgumentException("--map-status needs WORD=STATE, was '" + pair + "'");
                        }
                        extraStatuses.put(pair.substring(0, eq), state(pair.substring(eq + 1)));
                    }
                    case "--config" -> configFile = Path.of(value(args, ++i, a));
                    case "--platform" -> platforms.add(Platform.fromId(value(args, ++i, a)));
                    case "--state" -> states.add(state(value(args, ++i, a)));
                    case "--format" -> {
                        format = value(args, ++i, a).toLowerCase(Locale.ROOT);
                        if (!List.of("table", "json", "csv").contains(format)) {
                            throw new IllegalArgumentException("unknown format '" + format + "' (table, json, csv)");
                        }
                    }
                    case "--scnet-zone" -> zoneOption = value(args, ++i, a);
                    default -> throw new IllegalArgumentException("unknown argument '" + a + "'");
                }
            }
            if (command == null) {
                throw new IllegalArgumentException("no command (list, wait)");
            }
            if (command.equals("wait")) {
                WaitCommand.check(platforms, id, states, timeout);
            } else if (id != null || timeout != null || sourceName != null || !extraStatuses.isEmpty()) {
                throw new IllegalArgumentException("--id, --timeout, --source and --map-status are options of wait");
            }
        } catch (IllegalArgumentException e) {
            err.println("notebooks: " + e.getMessage());
            err.println("Try 'bin/notebooks --help'.");
            return EXIT_USAGE;
        }
        if (platforms.isEmpty()) {
            platforms = EnumSet.allOf(Platform.class);
        }
        if (configFile == null && env.get("NOTEBOOKS_CONFIG") != null && !env.get("NOTEBOOKS_CONFIG").isBlank()) {
            configFile = Path.of(env.get("NOTEBOOKS_CONFIG"));
        }

        PrismMocks mocks = null;
        InventoryConfig config;
        try {
            if (configFile != null) {
                config = InventoryConfig.read(configFile);
            } else {
                err.println(command.equals("wait")
                        ? "notebooks: no --config: waiting on a Prism mock of " + platforms.iterator().next().id()
                        + " (its documented example)"
                        : "notebooks: no --config: listing Prism mocks of the four APIs (their documented examples)");
                mocks = PrismMocks.start(home(env), platforms);
                config = mockConfig(mocks, platforms);
                env = Map.of("HUAWEICLOUD_TOKEN", "mock-token", "SCNET_TOKEN", "mock-token");  // the mocks check presence only
            }
        } catch (IOException | RuntimeException e) {
            err.println("notebooks: " + (configFile != null ? "cannot read " + configFile + ": " : "") + e.getMessage());
            return EXIT_USAGE;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 1;
        }
        try {
            ZoneId zone;
            Duration deadline;
            List<NotebookSource> sources;
            try {
                zone = ZoneId.of(zoneOption != null ? zoneOption
                        : config.scnetZone != null ? config.scnetZone : Times.DEFAULT_SCNET_ZONE.getId());
                deadline = config.deadline == null ? DEFAULT_DEADLINE : InventoryConfig.duration(config.deadline);
                if (command.equals("wait")) {
                    return new WaitCommand(platforms.iterator().next(), id, states, extraStatuses,
                            timeout != null ? timeout : WaitCommand.DEFAULT_TIMEOUT, format, zone, clock, sleeper)
                            .run(config, sourceName, env, deadline, out, err);
                }
                sources = sources(config, env, platforms, zone, deadline);
            } catch (RuntimeException e) {
                err.println("notebooks: invalid configuration: " + e.getMessage());
                return EXIT_USAGE;
            }
            InventoryResult result = Inventory.list(sources);
            List<NotebookInstance> shown = new ArrayList<>();
            for (NotebookInstance n : result.instances()) {
                if (states.isEmpty() || states.contains(n.state())) {
                    shown.add(n);
                }
            }
            switch (format) {
                case "json" -> out.print(Output.json(shown));
                case "csv" -> out.print(Output.csv(shown));
                default -> out.print(Output.table(shown));
            }
            for (SourceError e : result.errors()) {
                err.println(format.equals("json") ? Output.errorJson(e) : Output.errorText(e));
            }
            out.flush();
            return result.outcome().exitCode();
        } finally {
            if (mocks != null) {
                mocks.close();
            }
        }
    }

    /** The sources of the config that are on the selected platforms; one whose settings are missing fails alone. */
    static List<NotebookSource> sources(InventoryConfig config, Map<String, String> env, Set<Platform> platforms,
                                        ZoneId zone, Duration defaultDeadline) {
        List<NotebookSource> sources = new ArrayList<>();
        // one chain per metadata endpoint for the whole listing: sources with "credentials: default" share its lookup
        Map<String, DefaultCredentialsChain> chains = new HashMap<>();
        for (InventoryConfig.SourceConfig s : config.sources) {
            if (s.platform == null) {
                throw new IllegalArgumentException("a source has no platform");
            }
            Platform platform = Platform.fromId(s.platform);
            if (!platforms.contains(platform)) {
                continue;
            }
            String name = s.name != null ? s.name : platform.id();
            Duration deadline = s.deadline != null ? InventoryConfig.duration(s.deadline) : defaultDeadline;
            try {
                DefaultCredentialsChain chain = defaultChain(s, platform, env, chains);
                NotebookSource source = source(platform, name, s, env, zone, deadline, chain);
                sources.add(chain == null ? source : resolvingFirst(source, chain));
            } catch (ConfigurationException e) {
                sources.add(new NotebookSource(platform, name, deadline, sink -> {
                    throw e;
                }));
            }
        }
        return sources;
    }

    /** The chain of a source with {@code credentials: default}, null for {@code env} (the default). */
    private static DefaultCredentialsChain defaultChain(InventoryConfig.SourceConfig s, Platform platform,
                                                        Map<String, String> env, Map<String, DefaultCredentialsChain> chains) {
        if (s.credentials == null || s.credentials.equals("env")) {
            if (s.metadataEndpoint != null) {
                throw new IllegalArgumentException("metadataEndpoint is for credentials: default only");
            }
            return null;
        }
        if (!s.credentials.equals("default")) {
            throw new IllegalArgumentException("unknown credentials '" + s.credentials + "' (env, default)");
        }
        if (platform == Platform.SCNET) {
            throw new IllegalArgumentException("credentials: default is for ModelArts and EIHealth sources (Huawei Cloud)");
        }
        String endpoint = s.metadataEndpoint != null ? s.metadataEndpoint : DefaultCredentialsChain.DEFAULT_METADATA_ENDPOINT;
        return chains.computeIfAbsent(endpoint,
                e -> DefaultCredentialsChain.builder().environment(env).metadataEndpoint(e).build());
    }

    /**
     * Looks the chain's credentials up on the source's own thread, under its deadline, before the first call: a
     * chain that finds nothing is a CONFIGURATION error with its list of what it tried.
     */
    private static NotebookSource resolvingFirst(NotebookSource source, DefaultCredentialsChain chain) {
        return new NotebookSource(source.platform(), source.name(), source.deadline(), sink -> {
            credentials(chain, source.name());
            source.fetcher().fetch(sink);
        });
    }

    private static AkSkCredentials credentials(DefaultCredentialsChain chain, String name) {
        try {
            return chain.get();
        } catch (IOException e) {
            throw new ConfigurationException(name + ": " + e.getMessage());
        }
    }

    /** The config's projectId, else (credentials: default) the chain's, looked up when the source is listed. */
    private static Supplier<String> project(InventoryConfig.SourceConfig s, String name, DefaultCredentialsChain chain) {
        if (s.projectId != null && !s.projectId.isBlank() || chain == null) {
            String project = required(s.projectId, "projectId", name);
            return () -> project;
        }
        return () -> {
            String project = credentials(chain, name).projectId();
            if (project == null) {
                throw new ConfigurationException(name + ": no projectId: set it in the config, or "
                        + "HUAWEICLOUD_SDK_PROJECT_ID, or project_id in the profile");
            }
            return project;
        };
    }

    private static NotebookSource source(Platform platform, String name, InventoryConfig.SourceConfig s,
                                         Map<String, String> env, ZoneId zone, Duration deadline,
                                         DefaultCredentialsChain chain) {
        switch (platform) {
            case MODELARTS, MODELARTS_OLD -> {
                Supplier<String> project = project(s, name, chain);
                ModelArtsClient client = modelArts(s, env, name, deadline, chain);
                return new NotebookSource(platform, name, deadline, sink -> (platform == Platform.MODELARTS
                        ? NotebookSource.modelArts(name, client, project.get(), deadline)
                        : NotebookSource.modelArtsOld(name, client, project.get(), deadline)).fetcher().fetch(sink));
            }
            case EIHEALTH -> {
                Supplier<String> project = project(s, name, chain);
                String eihealthProject = required(s.eihealthProjectId, "eihealthProjectId", name);
                EihealthClient client = eihealth(s, env, name, deadline, chain);
                return new NotebookSource(platform, name, deadline, sink -> NotebookSource.eihealth(name, client,
                        project.get(), eihealthProject, deadline).fetcher().fetch(sink));
            }
            case SCNET -> {
                if (s.instanceIds == null || s.instanceIds.isEmpty()) {
                    throw new ConfigurationException(name + ": no instanceIds (SCNet documents detail by ID only)");
                }
                return NotebookSource.scnet(name, scnet(s, env, name, deadline), s.instanceIds, zone, deadline);
            }
            default -> throw new IllegalStateException(platform.toString());
        }
    }

    /** The credential chain of one source ({@code credentials: default}), null otherwise: for {@code wait}. */
    static DefaultCredentialsChain chain(InventoryConfig.SourceConfig s, Map<String, String> env) {
        return defaultChain(s, Platform.fromId(s.platform), env, new HashMap<>());
    }

    /** The project id of a ModelArts or EIHealth source: the config's, else (credentials: default) the chain's. */
    static String projectId(InventoryConfig.SourceConfig s, String name, DefaultCredentialsChain chain) {
        return project(s, name, chain).get();
    }

    /** The clients of {@code list} and {@code wait}: each call bounded by {@code callDeadline}, so a late source stops. */
    private static ClientOptions options(Duration callDeadline) {
        return ClientOptions.builder().timeouts(Duration.ofSeconds(10), Duration.ofSeconds(30),
                Duration.ofSeconds(30), callDeadline).build();
    }

    static ModelArtsClient modelArts(InventoryConfig.SourceConfig s, Map<String, String> env, String name,
                                     Duration callDeadline, DefaultCredentialsChain chain) {
        ModelArtsClient.Builder b = ModelArtsClient.builder().options(options(callDeadline));
        endpoint(b, s, name, ModelArtsClient::regionUrl);
        huaweiAuth(b::token, b::akSk, b::akSkProvider, chain, s, env, name);
        return b.build();
    }

    static EihealthClient eihealth(InventoryConfig.SourceConfig s, Map<String, String> env, String name,
                                   Duration callDeadline, DefaultCredentialsChain chain) {
        EihealthClient.Builder b = EihealthClient.builder().options(options(callDeadline));
        endpoint(b, s, name, EihealthClient::regionUrl);
        huaweiAuth(b::token, b::akSk, b::akSkProvider, chain, s, env, name);
        return b.build();
    }

    static ScnetClient scnet(InventoryConfig.SourceConfig s, Map<String, String> env, String name,
                             Duration callDeadline) {
        ScnetClient.Builder b = ScnetClient.builder().options(options(callDeadline));
        b.baseUrl(required(s.endpoint, "endpoint", name));
        String tokenEnv = s.tokenEnv != null ? s.tokenEnv : "SCNET_TOKEN";
        b.token(requiredEnv(env, tokenEnv, name));
        return b.build();
    }

    private static void endpoint(ClientBuilder<?> b, InventoryConfig.SourceConfig s, String name,
                                 java.util.function.UnaryOperator<String> regionUrl) {
        if (s.endpoint != null) {
            b.baseUrl(s.endpoint.endsWith("/") ? s.endpoint : s.endpoint + "/");
        } else if (s.region != null) {
            b.baseUrl(regionUrl.apply(s.region));
        } else {
            throw new ConfigurationException(name + ": neither region nor endpoint");
        }
    }

    /** The chain's credentials with {@code credentials: default}, else the token or AK/SK from the environment. */
    private static void huaweiAuth(java.util.function.Function<String, ?> token,
                                   java.util.function.Function<AkSkCredentials, ?> akSk,
                                   java.util.function.Function<DefaultCredentialsChain, ?> akSkProvider,
                                   DefaultCredentialsChain chain,
                                   InventoryConfig.SourceConfig s, Map<String, String> env, String name) {
        if (chain != null) {
            akSkProvider.apply(chain);
            return;
        }
        String tokenEnv = s.tokenEnv != null ? s.tokenEnv : "HUAWEICLOUD_TOKEN";
        String akEnv = s.akEnv != null ? s.akEnv : "HUAWEICLOUD_AK";
        String skEnv = s.skEnv != null ? s.skEnv : "HUAWEICLOUD_SK";
        String stEnv = s.securityTokenEnv != null ? s.securityTokenEnv : "HUAWEICLOUD_SECURITY_TOKEN";
        String t = env.get(tokenEnv);
        if (t != null && !t.isBlank()) {
            token.apply(t);
        } else if (present(env, akEnv) && present(env, skEnv)) {
            akSk.apply(AkSkCredentials.builder(env.get(akEnv), env.get(skEnv))
                    .securityToken(present(env, stEnv) ? env.get(stEnv) : null).projectId(s.projectId).build());
        } else {
            throw new ConfigurationException(name + ": no credentials: set " + tokenEnv + ", or " + akEnv + " and " + skEnv);
        }
    }

    private static boolean present(Map<String, String> env, String name) {
        return env.get(name) != null && !env.get(name).isBlank();
    }

    private static String requiredEnv(Map<String, String> env, String variable, String name) {
        if (!present(env, variable)) {
            throw new ConfigurationException(name + ": no credentials: set " + variable);
        }
        return env.get(variable);
    }

    static String required(String value, String what, String name) {
        if (value == null || value.isBlank()) {
            throw new ConfigurationException(name + ": no " + what);
        }
        return value;
    }

    /** The embedded default: one source per API, against its mock. */
    static InventoryConfig mockConfig(PrismMocks mocks, Set<Platform> platforms) {
        InventoryConfig config = new InventoryConfig();
        for (Platform p : Platform.values()) {
            if (!platforms.contains(p)) {
                continue;
            }
            InventoryConfig.SourceConfig s = new InventoryConfig.SourceConfig();
            s.platform = p.id();
            s.name = p.id() + "-mock";
            s.endpoint = mocks.baseUrl(p);
            s.projectId = MOCK_PROJECT_ID;
            s.eihealthProjectId = MOCK_EIHEALTH_PROJECT_ID;
            s.instanceIds = List.of(MOCK_SCNET_INSTANCE_ID);
            config.sources.add(s);
        }
        return config;
    }

    private static Path home(Map<String, String> env) {
        String home = System.getProperty("notebooks.home");
        if (home == null) {
            home = env.getOrDefault("NOTEBOOKS_HOME", ".");
        }
        return Path.of(home);
    }

    private static String value(String[] args, int i, String option) {
        if (i >= args.length) {
            throw new IllegalArgumentException(option + " needs a value");
        }
        return args[i];
    }

    private static NotebookState state(String s) {
        try {
            return NotebookState.valueOf(s.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("unknown state '" + s + "' (" + java.util.Arrays.toString(NotebookState.values()) + ")");
        }
    }
}
