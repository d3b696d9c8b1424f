package dev.dreamnet.core.health;

import java.time.Instant;

/**
 * A gate flipped between ready and not ready. Immutable; handed to each {@link GateListener}.
 *
 * @param gate     the gate's name
 * @param critical whether the gate is critical
 * @param ready    the new readiness (the previous one was its opposite)
 * @param cause    the result that completed the streak
 * @param at       wall-clock time of the flip
 */
public record GateTransition(String gate, boolean critical, boolean ready, CheckResult cause, Instant at) {
}
