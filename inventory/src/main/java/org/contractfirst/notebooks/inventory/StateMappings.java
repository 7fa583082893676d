package org.contractfirst.notebooks.inventory;

import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;

import static org.contractfirst.notebooks.inventory.NotebookState.*;

/**
 * One table per platform from its status words to {@link NotebookState}: the only place the mapping is made.
 * The README's table is this one; StateMappingSpecTest fails when a spec's status enum has a value that is not
 * here. Matching is exact (the APIs document case-sensitive words); any other value is {@link NotebookState#UNKNOWN}.
 */
public final class StateMappings {

    private static final Map<Platform, Map<String, NotebookState>> TABLES = new EnumMap<>(Platform.class);

    static {
        // ModelArts DevEnviron, new version (NotebookStatus).
        TABLES.put(Platform.MODELARTS, table(
                "INIT", PENDING,
                "CREATING", STARTING,
                "STARTING", STARTING,
                "STOPPING", STOPPING,
                "DELETING", DELETING,
                "RUNNING", RUNNING,
                "STOPPED", STOPPED,
                "SNAPSHOTTING", UPDATING,
                "CREATE_FAILED", FAILED,
                "START_FAILED", FAILED,
                "DELETE_FAILED", FAILED,
                "ERROR", FAILED,
                "DELETED", DELETED,
                "FROZEN", STOPPED));
        // ModelArts DevEnviron, old version (DeInstanceStatus).
        TABLES.put(Platform.MODELARTS_OLD, table(
                "CREATE_QUEUING", PENDING,
                "CREATING", STARTING,
                "CREATE_FAILED", FAILED,
                "START_QUEUING", PENDING,
                "READY_TO_START", PENDING,
                "STARTING", STARTING,
                "RESTARTING", STARTING,
                "START_FAILED", FAILED,
                "RUNNING", RUNNING,
                "STOPPING", STOPPING,
                "STOPPED", STOPPED,
                "UNAVAILABLE", FAILED,
                "DELETED", DELETED,
                "RESIZING", UPDATING,
                "RESIZE_FAILED", FAILED));
        // EIHealth (NotebookStatus, values of the official SDK).
        TABLES.put(Platform.EIHEALTH, table(
                "Running", RUNNING,
                "Abnormal", FAILED,
                "Hibernate", STOPPED,
                "Succeeded", STOPPED,
                "Creating", STARTING,
                "Deleting", DELETING,
                "Updating", UPDATING,
                "CreatedFailed", FAILED,
                "DeletedFailed", FAILED,
                "UpdatedFailed", FAILED,
                "Unknown", UNKNOWN));
        // SCNet (a free string; the page documents Waiting and Running, see DISCREPANCIES.md).
        TABLES.put(Platform.SCNET, table(
                "Waiting", PENDING,
                "Running", RUNNING));
    }

    /** The platform's own documented "we do not know" words: the only documented values mapped to UNKNOWN. */
    public static final Map<Platform, String> VENDOR_UNKNOWN = Map.of(Platform.EIHEALTH, "Unknown");

    private StateMappings() {
    }

    /** The normalized state of {@code raw} on {@code platform}; UNKNOWN for null and for any undocumented value. */
    public static NotebookState map(Platform platform, String raw) {
        if (raw == null) {
            return UNKNOWN;
        }
        return TABLES.get(platform).getOrDefault(raw, UNKNOWN);
    }

    /** The platform's table, in the order of its spec. */
    public static Map<String, NotebookState> table(Platform platform) {
        return TABLES.get(platform);
    }

    private static Map<String, NotebookState> table(Object... pairs) {
        Map<String, NotebookState> m = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            m.put((String) pairs[i], (NotebookState) pairs[i + 1]);
        }
        return Collections.unmodifiableMap(m);
    }
}
