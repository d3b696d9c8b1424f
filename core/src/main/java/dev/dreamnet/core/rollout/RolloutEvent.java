package dev.dreamnet.core.rollout;

/**
 * Every decision a rollout takes, for the audit log and metrics. Each event carries the state right
 * after the decision and the wall-clock time it was taken. Immutable and thread-safe.
 */
public sealed interface RolloutEvent {

    /** The state right after the decision. */
    RolloutState state();

    /** Wall-clock time of the decision, epoch milliseconds. */
    long atMillis();

    /** The rollout the decision is about. */
    default String rollout() {
        return state().name();
    }

    /** The rollout began at its first step. */
    record Started(RolloutState state, long atMillis) implements RolloutEvent {
    }

    /** The rollout moved from {@code fromStep} to {@code state().step()}; to PROMOTED when that is 100%. */
    record Promoted(RolloutState state, long atMillis, int fromStep, boolean automatic, String reason)
            implements RolloutEvent {
    }

    /** An operator held the rollout at its step. */
    record Paused(RolloutState state, long atMillis) implements RolloutEvent {
    }

    /** An operator let a paused rollout proceed again. */
    record Resumed(RolloutState state, long atMillis) implements RolloutEvent {
    }

    /** The rollout went to 0%: by a failed judgement ({@code automatic}) or by an operator. */
    record RolledBack(RolloutState state, long atMillis, boolean automatic, String reason) implements RolloutEvent {
    }

    /** A judgement failed but auto-rollback is off: reported once per step, the rollout stays where it is. */
    record FailureIgnored(RolloutState state, long atMillis, String reason) implements RolloutEvent {
    }
}
