package dev.dreamnet.core.startup;

/** Where one service of the startup graph stands. */
public enum NodeState {
    /** Waiting for its dependencies. */
    PENDING,
    /** An attempt to start it is running or a retry is waiting. */
    STARTING,
    /** Started and ready; its dependents may start. */
    READY,
    /** Every attempt failed, or startup was aborted while it was starting. */
    FAILED,
    /** Will not start because a dependency failed or was blocked. */
    BLOCKED,
    /** Being stopped during shutdown. */
    STOPPING,
    /** Stopped during shutdown. */
    STOPPED
}
