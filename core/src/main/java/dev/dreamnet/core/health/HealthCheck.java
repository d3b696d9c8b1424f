package dev.dreamnet.core.health;

/**
 * Probes one dependency and says whether it is healthy. A check may block, so a
 * {@link HealthGate} runs it on its executor and bounds it with a timeout; a check that throws
 * counts as a failure (see {@link CheckResult#failure(Throwable)}). Implementations need not be
 * thread-safe: a gate never runs two copies of its check at once.
 */
@FunctionalInterface
public interface HealthCheck {

    /** Runs the probe once. Throwing is a failure, as is returning {@code null}. */
    CheckResult check() throws Exception;
}
