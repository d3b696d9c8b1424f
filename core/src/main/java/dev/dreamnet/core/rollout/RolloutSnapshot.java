package dev.dreamnet.core.rollout;

import java.time.Duration;

/**
 * A rollout as an operator sees it: its state, how long it has been at its step, both sides over the
 * current window and the latest judgement. Immutable and thread-safe.
 *
 * @param state       the persistent state
 * @param inStep      time spent at the current step
 * @param baseline    the baseline over the window
 * @param canary      the canary over the window
 * @param lastVerdict the latest judgement (a hold before the first)
 */
public record RolloutSnapshot(RolloutState state, Duration inStep, VariantStats baseline, VariantStats canary,
                              Verdict lastVerdict) {
}
