package dev.dreamnet.core.startup;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * One service's state at a moment, for endpoints and logs. Immutable.
 *
 * @param startedAt when its first attempt began, or null if it never started
 * @param readyAt   when it became ready, or null
 * @param duration  from the first attempt to ready (retries included), or so far if still starting
 * @param blockedBy the failed service that blocks it, or null
 * @param error     why it failed or is blocked, or the last failed attempt's error, or null
 */
public record NodeSnapshot(String name, String kind, boolean critical, NodeState state, List<String> dependsOn,
                           int attempts, Instant startedAt, Instant readyAt, Duration duration,
                           String blockedBy, String error) {
}
