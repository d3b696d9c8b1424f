package dev.dreamnet.core.rollout;

/** Where a rollout is in its life. */
public enum RolloutStatus {
    /** Created, not started: 0% canary. */
    PENDING,
    /** At a step, judged and promoted automatically (when configured). */
    RUNNING,
    /** At a step, held there by an operator: never promoted automatically, still rolled back on failure. */
    PAUSED,
    /** Done: 100% canary. */
    PROMOTED,
    /** Done: 0% canary, with the reason recorded. */
    ROLLED_BACK;

    /** Whether the rollout can change no more. */
    public boolean isFinal() {
        return this == PROMOTED || this == ROLLED_BACK;
    }
}
