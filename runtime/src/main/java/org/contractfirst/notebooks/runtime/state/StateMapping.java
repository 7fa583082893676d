package org.contractfirst.notebooks.runtime.state;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

import static org.contractfirst.notebooks.runtime.state.NotebookState.*;

/**
 * One platform's table from its status words to {@link NotebookState}: the only place the mapping is made.
 * The README's table is these four; the inventory's StateMappingSpecTest fails when a spec documents a status
 * that is not here. Matching is exact (the APIs document case-sensitive words); any other value is
 * {@link NotebookState#UNKNOWN}.
 */
public final class StateMapping {

    /** ModelArts DevEnviron, new version ({@code NotebookStatus}). */
    public static final StateMapping MODELARTS = new StateMapping(null,
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
            "FROZEN", STOPPED);

    /** ModelArts DevEnviron, old version ({@code DeInstanceStatus}). */
    public static final StateMapping MODELARTS_OLD = new StateMapping(null,
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
            "RESIZE_FAILED", FAILED);

    /** EIHealth ({@code NotebookStatus}, the values of the official SDK); its own "Unknown" is UNKNOWN. */
    public static final StateMapping EIHEALTH = new StateMapping("Unknown",
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
            "Unknown", UNKNOWN);

    /**
     * SCNet: a free string; the page documents {@code Waiting} and {@code Running} only (DISCREPANCIES.md). Map
     * other words for a wait with {@link WaitOptions#mapStatus}.
     */
    public static final StateMapping SCNET = new StateMapping(null,
            "Waiting", PENDING,
            "Running", RUNNING);

    private final Map<String, NotebookState> table;
    private final String vendorUnknown;

    private StateMapping(String vendorUnknown, Object... pairs) {
        Map<String, NotebookState> m = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            m.put((String) pairs[i], (NotebookState) pairs[i + 1]);
        }
        this.table = Collections.unmodifiableMap(m);
        this.vendorUnknown = vendorUnknown;
    }

    /** The normalized state of {@code raw}; UNKNOWN for null and for any undocumented value. */
    public NotebookState map(String raw) {
        return raw == null ? UNKNOWN : table.getOrDefault(raw, UNKNOWN);
    }

    /** The table, in the order of the platform's spec. */
    public Map<String, NotebookState> table() {
        return table;
    }

    /** The platform's own documented "we do not know" word (the only documented value mapped to UNKNOWN), or null. */
    public String vendorUnknown() {
        return vendorUnknown;
    }
}
