package org.contractfirst.notebooks.inventory.cli;

import org.contractfirst.notebooks.eihealth.api.NotebooksApi;
import org.contractfirst.notebooks.inventory.ConfigurationException;
import org.contractfirst.notebooks.inventory.Normalize;
import org.contractfirst.notebooks.inventory.NotebookInstance;
import org.contractfirst.notebooks.inventory.Platform;
import org.contractfirst.notebooks.modelarts.api.DevEnvironApi;
import org.contractfirst.notebooks.modelarts.api.DevEnvironOldVersionApi;
import org.contractfirst.notebooks.runtime.Sleeper;
import org.contractfirst.notebooks.runtime.auth.DefaultCredentialsChain;
import org.contractfirst.notebooks.runtime.state.NotebookState;
import org.contractfirst.notebooks.runtime.state.WaitOptions;
import org.contractfirst.notebooks.runtime.state.WaitResult;
import org.contractfirst.notebooks.scnet.api.ContainerInstancesApi;

import java.io.IOException;
import java.io.PrintStream;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code bin/notebooks wait}: polls one instance of one source until it reaches one of the given states (the
 * clients' waiters, {@link WaitOptions}); the exit code says how it ended.
 */
final class WaitCommand {

    static final int EXIT_REACHED = 0;
    static final int EXIT_ERROR = 1;
    static final int EXIT_FAILED_STATE = 3;
    static final int EXIT_TIMED_OUT = 4;
    static final int EXIT_NOT_FOUND = 5;

    static final Duration DEFAULT_TIMEOUT = Duration.ofMinutes(10);

    private final Platform platform;
    private final String id;
    private final Set<NotebookState> states;
    private final Map<String, NotebookState> extraStatuses;
    private final Duration timeout;
    private final String format;
    private final ZoneId zone;
    private final Clock clock;
    private final Sleeper sleeper;

    WaitCommand(Platform platform, String id, Set<NotebookState> states, Map<String, NotebookState> extraStatuses,
                Duration timeout, String format, ZoneId zone, Clock clock, Sleeper sleeper) {
        this.platform = platform;
        this.id = id;
        this.states = states;
        this.extraStatuses = extraStatuses;
        this.timeout = timeout;
        this.format = format;
        this.zone = zone;
        this.clock = clock;
        this.sleeper = sleeper;
    }

    /** The command line's rules for wait (IllegalArgumentException: exit 64). */
    static void check(Set<Platform> platforms, String id, Set<NotebookState> states, Duration timeout) {
        if (platforms.size() != 1) {
            throw new IllegalArgumentException("wait needs exactly one --platform");
        }
        if (id == null || id.isBlank()) {
            throw new IllegalArgumentException("wait needs --id");
        }
        if (states.isEmpty()) {
            throw new IllegalArgumentException("wait needs at least one --state");
        }
        if (timeout != null && timeout.isNegative()) {
            throw new IllegalArgumentException("--timeout must not be negative");
        }
    }

    /**
     * Waits on the config's first source of the platform (or the one named {@code sourceName}); each call is
     * bounded by the source's deadline, the whole wait by the timeout.
     */
    int run(InventoryConfig config, String sourceName, Map<String, String> env, Duration defaultDeadline,
            PrintStream out, PrintStream err) {
        InventoryConfig.SourceConfig s = null;
        for (InventoryConfig.SourceConfig candidate : config.sources) {
            if (candidate.platform != null && Platform.fromId(candidate.platform) == platform
                    && (sourceName == null || sourceName.equals(name(candidate)))) {
                s = candidate;
                break;
            }
        }
        if (s == null) {
            throw new IllegalArgumentException("no " + platform.id() + " source"
                    + (sourceName == null ? "" : " named '" + sourceName + "'") + " in the configuration");
        }
        String name = name(s);
        Duration deadline = s.deadline != null ? InventoryConfig.duration(s.deadline) : defaultDeadline;
        WaitOptions options = WaitOptions.until(states).timeout(timeout).timeSource(clock, sleeper);
        for (Map.Entry<String, NotebookState> e : extraStatuses.entrySet()) {
            options = options.mapStatus(e.getKey(), e.getValue());
        }
        WaitResult<?> result;
        NotebookInstance last;
        try {
            // one chain for the client and the project id: one lookup (credentials: default), null otherwise
            DefaultCredentialsChain chain = NotebooksCli.chain(s, env);
            switch (platform) {
                case MODELARTS -> {
                    var r = NotebooksCli.modelArts(s, env, name, deadline, chain)
                            .waitForNotebook(DevEnvironApi.ListNotebooksRequest.builder(
                                    NotebooksCli.projectId(s, name, chain)).build(), id, options);
                    result = r;
                    last = r.instance() == null ? null : Normalize.modelArts(name, r.instance());
                }
                case MODELARTS_OLD -> {
                    var r = NotebooksCli.modelArts(s, env, name, deadline, chain)
                            .waitForDevEnvInstance(DevEnvironOldVersionApi.ListDevEnvInstancesRequest.builder(
                                    NotebooksCli.projectId(s, name, chain)).build(), id, options);
                    result = r;
                    last = r.instance() == null ? null : Normalize.modelArtsOld(name, r.instance());
                }
                case EIHEALTH -> {
                    var r = NotebooksCli.eihealth(s, env, name, deadline, chain).waitForNotebook(
                            NotebooksApi.ListNotebooksRequest.builder(NotebooksCli.projectId(s, name, chain),
                                    NotebooksCli.required(s.eihealthProjectId, "eihealthProjectId", name)).build(),
                            id, options);
                    result = r;
                    last = r.instance() == null ? null : Normalize.eihealth(name, r.instance());
                }
                case SCNET -> {
                    var r = NotebooksCli.scnet(s, env, name, deadline).waitForInstanceService(
                            ContainerInstancesApi.GetInstanceServiceDetailRequest.builder(id).build(), options);
                    result = r;
                    last = r.instance() == null ? null : Normalize.scnet(name, r.instance(), zone);
                }
                default -> throw new IllegalStateException(platform.toString());
            }
        } catch (ConfigurationException | IOException e) {
            var error = org.contractfirst.notebooks.inventory.Inventory.errorOf(platform, name, id, e);
            err.println(format.equals("json") ? Output.errorJson(error) : Output.errorText(error));
            return EXIT_ERROR;
        }
        if (last != null) {
            List<NotebookInstance> shown = List.of(last);
            switch (format) {
                case "json" -> out.print(Output.json(shown));
                case "csv" -> out.print(Output.csv(shown));
                default -> out.print(Output.table(shown));
            }
            out.flush();
        }
        err.println("notebooks: " + platform.id() + " instance " + id + ": " + result);
        return switch (result.outcome()) {
            case REACHED -> EXIT_REACHED;
            case FAILED_STATE -> EXIT_FAILED_STATE;
            case TIMED_OUT -> EXIT_TIMED_OUT;
            case NOT_FOUND -> EXIT_NOT_FOUND;
        };
    }

    private String name(InventoryConfig.SourceConfig s) {
        return s.name != null ? s.name : platform.id();
    }
}
