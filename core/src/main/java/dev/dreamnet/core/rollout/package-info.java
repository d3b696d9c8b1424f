/**
 * Gradual rollouts with automatic judgement: {@link dev.dreamnet.core.rollout.Rollout} (built from an
 * immutable {@link dev.dreamnet.core.rollout.RolloutConfig}) assigns subjects through the versioned,
 * sticky {@link dev.dreamnet.core.rollout.Buckets} hash, records both sides, and promotes or rolls back
 * by the pure {@link dev.dreamnet.core.rollout.Judge}. Decisions are immutable
 * {@link dev.dreamnet.core.rollout.RolloutEvent}s; state exports as a plain
 * {@link dev.dreamnet.core.rollout.RolloutState}. The implementation lives in {@code internal}.
 */
package dev.dreamnet.core.rollout;
