package dev.dreamnet.core.startup;

/** Where the startup graph as a whole stands. */
public enum StartupStatus {
    /** Not started yet. */
    NEW,
    /** Some services are still pending or starting. */
    STARTING,
    /** Every service is ready. */
    READY,
    /** Every critical service is ready; some non-critical ones failed or are blocked. */
    DEGRADED,
    /** A critical service failed or was blocked; what had started was stopped. */
    FAILED,
    /** Shutdown is in progress. */
    STOPPING,
    /** Shutdown is complete. */
    STOPPED;

    /** Whether startup has finished and the service can take traffic. */
    public boolean isUp() {
        return this == READY || this == DEGRADED;
    }
}
