package dev.dreamnet.core.startup;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * The whole graph at a moment. The critical path is the chain of dependencies whose start times
 * add up to the most; startup can never be faster than it. Immutable.
 *
 * @param elapsed              from the start of startup to its end, or so far
 * @param criticalPath         the services on the critical path, root first
 * @param criticalPathDuration the sum of their start durations
 * @param reason               why startup failed or is degraded, or null
 */
public record StartupSnapshot(StartupStatus status, Instant startedAt, Duration elapsed, List<NodeSnapshot> nodes,
                              List<String> criticalPath, Duration criticalPathDuration, String reason) {
}
