package dev.dreamnet.core.rollout;

import dev.dreamnet.core.rollout.internal.RealRollout;
import dev.dreamnet.core.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * One gradual rollout: assigns subjects to the canary or the baseline, records how each side did, and
 * on each {@link #evaluate} judges the current step and promotes it, holds it or rolls it back. Call
 * {@code evaluate} at least once a slot ({@link RolloutConfig#slot()}); recorded traffic enters the
 * window at the next evaluation. Thread-safe: {@link #assign} and {@link #record} are wait-free and
 * allocation-free (for ASCII subjects); operations are serialised and their events delivered outside
 * the lock.
 */
public interface Rollout {

    static Builder builder(RolloutConfig config) {
        return new Builder(config);
    }

    String name();

    RolloutConfig config();

    /** The side that serves {@code subject} now: sticky per subject, and monotonic as steps grow. */
    Variant assign(String subject);

    /** Records one finished request of {@code variant}. */
    void record(Variant variant, boolean error, long latencyNanos);

    /**
     * Records {@code count} finished requests of {@code variant} with the same outcome and latency, as
     * {@code count} calls of {@link #record(Variant, boolean, long)} would (for replays and simulations).
     */
    default void record(Variant variant, boolean error, long latencyNanos, long count) {
        for (long i = 0; i < count; i++) {
            record(variant, error, latencyNanos);
        }
    }

    /** Judges the current step at monotonic time {@code nowNanos} and acts on the verdict; returns it. */
    default Verdict evaluate(long nowNanos) {
        return evaluate(nowNanos, true);
    }

    /**
     * As {@link #evaluate(long)}, but a passing, baked step is promoted only when {@code mayPromote};
     * otherwise the rollout holds at its step (a failing one still rolls back). A fleet passes false
     * while its instances have not all adopted the current step, or on an instance that is not the
     * one judging promotions.
     */
    Verdict evaluate(long nowNanos, boolean mayPromote);

    /**
     * As {@link #evaluate(long, boolean)}, with the reason promotion is held given in words ({@code null}: it may
     * promote); the verdict of a passing, baked step then says why it holds.
     */
    Verdict evaluate(long nowNanos, String promotionHeld);

    /**
     * Takes {@code newer}, decided elsewhere (another instance sharing the state), as this rollout's
     * state: a different step or status starts a fresh window and bake time. Publishes no event,
     * since this rollout decided nothing.
     *
     * @throws IllegalArgumentException if {@code newer} does not fit this rollout's configuration
     */
    void adopt(RolloutState newer);

    /** PENDING to RUNNING at the first step. */
    RolloutState start();

    /** Manually to the next step (PROMOTED after the last); a paused rollout stays paused. */
    RolloutState promote();

    /** RUNNING to PAUSED: no automatic promotion; a failed judgement still rolls back. */
    RolloutState pause();

    /** PAUSED to RUNNING. */
    RolloutState resume();

    /** To 0% at once, recording {@code reason}; allowed unless already PROMOTED or ROLLED_BACK. */
    RolloutState rollback(String reason);

    /** The persistent state, to export. */
    RolloutState state();

    /** The canary's share now, 0..100. */
    double percent();

    /** State, both sides over the current window and the latest verdict. */
    RolloutSnapshot snapshot();

    /** Builds a {@link Rollout}; not thread-safe. */
    final class Builder {
        private final RolloutConfig config;
        private final List<RolloutListener> listeners = new ArrayList<>();
        private Clock clock = Clock.system();
        private RolloutState restored;

        private Builder(RolloutConfig config) {
            this.config = Objects.requireNonNull(config, "config must not be null");
        }

        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock must not be null");
            return this;
        }

        public Builder listener(RolloutListener listener) {
            listeners.add(Objects.requireNonNull(listener, "listener must not be null"));
            return this;
        }

        /** Starts from an exported state instead of PENDING (after a restart). */
        public Builder restore(RolloutState state) {
            this.restored = Objects.requireNonNull(state, "state must not be null");
            return this;
        }

        /**
         * @throws IllegalArgumentException if the restored state belongs to another rollout, names a step
         *                                  that does not exist or was assigned with another hash version
         */
        public Rollout build() {
            return new RealRollout(config, clock, listeners, restored);
        }
    }
}
