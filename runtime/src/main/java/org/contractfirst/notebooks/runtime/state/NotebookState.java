package org.contractfirst.notebooks.runtime.state;

/**
 * The normalized state of a notebook instance, the same words for every platform. The mapping of each
 * platform's status words is {@link StateMapping} (and the table in the README, "Normalized states").
 */
public enum NotebookState {
    /** Accepted, waiting for resources or for its turn (queued, initializing, waiting). */
    PENDING,
    /** Being created, started or restarted. */
    STARTING,
    /** Running and usable. */
    RUNNING,
    /** Running, but being changed: snapshot, flavor change, update. */
    UPDATING,
    /** Being stopped. */
    STOPPING,
    /** Stopped, hibernated, frozen or finished: not running, can be started again. */
    STOPPED,
    /** Creation, start, update, deletion or flavor change failed, or the instance is faulty. */
    FAILED,
    /** Being deleted. */
    DELETING,
    /** Deleted. */
    DELETED,
    /** A status no spec documents (the raw value is kept), or the platform's own "unknown". */
    UNKNOWN
}
