package dev.dreamnet.core.startup;

import java.time.Instant;

/** A service changed state during startup or shutdown. Immutable; given to {@link StartupListener}s. */
public record NodeTransition(String service, NodeState from, NodeState to, Instant at, String detail) {
}
