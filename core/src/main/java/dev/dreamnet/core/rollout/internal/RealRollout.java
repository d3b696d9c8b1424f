package dev.dreamnet.core.rollout.internal;

import dev.dreamnet.core.rollout.Buckets;
import dev.dreamnet.core.rollout.Rollout;
import dev.dreamnet.core.rollout.RolloutConfig;
import dev.dreamnet.core.rollout.RolloutEvent;
import dev.dreamnet.core.rollout.RolloutListener;
import dev.dreamnet.core.rollout.RolloutSnapshot;
import dev.dreamnet.core.rollout.RolloutState;
import dev.dreamnet.core.rollout.RolloutStateException;
import dev.dreamnet.core.rollout.RolloutStatus;
import dev.dreamnet.core.rollout.Sample;
import dev.dreamnet.core.rollout.Variant;
import dev.dreamnet.core.rollout.VariantStats;
import dev.dreamnet.core.rollout.Verdict;
import dev.dreamnet.core.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * The rollout state machine. The hot path reads one volatile int (the canary's buckets) and writes
 * wait-free recorders; every state change holds this object's monitor, which guards {@code state},
 * {@code stepStartNanos}, {@code failureReported}, {@code step} (the step's sequential evidence),
 * {@code lastVerdict} and the windows' rings. Each evaluation drains what was recorded since the last
 * one into the window and, as one batch, into the step's evidence.
 * Events are published after the monitor is released. Thread-safe.
 */
public final class RealRollout implements Rollout {

    private static final String FLEET_HOLD =
            "promotion waits for the fleet: its judging instance promotes once every instance has converged";

    private final RolloutConfig config;
    private final Clock clock;
    private final Listeners listeners;
    private final long seed;
    private final long originNanos;
    private final long slotNanos;
    private final VariantWindows windows;
    private volatile int canaryBuckets;
    private volatile RolloutState state;
    private long stepStartNanos;
    private boolean failureReported;
    private StepJudge step;
    private Verdict lastVerdict = Verdict.hold("not judged yet");

    public RealRollout(RolloutConfig config, Clock clock, List<RolloutListener> listeners, RolloutState restored) {
        this.config = config;
        this.clock = clock;
        this.listeners = new Listeners(listeners);
        this.seed = Buckets.seed(config.name());
        this.originNanos = clock.nanoTime();
        this.slotNanos = config.slot().toNanos();
        this.windows = new VariantWindows(Integer.highestOneBit(Math.max(2, Runtime.getRuntime().availableProcessors()) * 2 - 1));
        this.step = new StepJudge(config);
        RolloutState initial = restored == null
                ? new RolloutState(config.name(), RolloutStatus.PENDING, 0, 0, clock.wallMillis(), "", Buckets.VERSION)
                : StateCheck.restorable(config, restored);
        if (restored != null) {
            initial = with(initial.status(), initial.step(), initial.reason(), initial.stepStartedAtMillis());
        }
        long elapsedMillis = Math.max(0, clock.wallMillis() - initial.stepStartedAtMillis());
        this.stepStartNanos = originNanos - elapsedMillis * 1_000_000L;
        install(initial);
    }

    @Override
    public String name() {
        return config.name();
    }

    @Override
    public RolloutConfig config() {
        return config;
    }

    @Override
    public Variant assign(String subject) {
        return Buckets.bucket(seed, subject) < canaryBuckets ? Variant.CANARY : Variant.BASELINE;
    }

    @Override
    public void record(Variant variant, boolean error, long latencyNanos) {
        windows.record(variant, error, latencyNanos / 1_000);
    }

    @Override
    public void record(Variant variant, boolean error, long latencyNanos, long count) {
        if (count < 0) {
            throw new IllegalArgumentException("count must be >= 0, was " + count);
        }
        if (count > 0) {
            windows.record(variant, error, latencyNanos / 1_000, count);
        }
    }

    @Override
    public Verdict evaluate(long nowNanos, boolean mayPromote) {
        return evaluate(nowNanos, mayPromote ? null : FLEET_HOLD);
    }

    @Override
    public Verdict evaluate(long nowNanos, String promotionHeld) {
        boolean mayPromote = promotionHeld == null;
        RolloutEvent event;
        Verdict verdict;
        synchronized (this) {
            RolloutStatus status = state.status();
            if (status != RolloutStatus.RUNNING && status != RolloutStatus.PAUSED) {
                return Verdict.hold("rollout \"" + name() + "\" is " + status + "; nothing to judge");
            }
            windows.drain(slot(nowNanos), step);
            verdict = step.verdict(Math.max(0, nowNanos - stepStartNanos) / 1e9);
            lastVerdict = verdict;
            event = act(verdict, nowNanos, mayPromote);
            if (event == null && !mayPromote && verdict.kind() == Verdict.Kind.PASS && baked(nowNanos)
                    && config.autoPromote() && state.status() == RolloutStatus.RUNNING) {
                lastVerdict = Verdict.hold(verdict.reason() + "; " + promotionHeld);
            }
        }
        listeners.publish(event);
        return verdict;
    }

    private RolloutEvent act(Verdict verdict, long nowNanos, boolean mayPromote) {
        if (verdict.isFail() && config.autoRollback()) {
            move(RolloutStatus.ROLLED_BACK, state.step(), verdict.reason(), nowNanos);
            return new RolloutEvent.RolledBack(state, clock.wallMillis(), true, verdict.reason());
        }
        if (verdict.isFail() && !failureReported) {
            failureReported = true;
            return new RolloutEvent.FailureIgnored(state, clock.wallMillis(), verdict.reason());
        }
        if (mayPromote && verdict.kind() == Verdict.Kind.PASS && baked(nowNanos) && config.autoPromote()
                && state.status() == RolloutStatus.RUNNING) {
            return next(true, verdict.reason(), nowNanos);
        }
        return null;
    }

    private static boolean judged(RolloutStatus status) {
        return status == RolloutStatus.RUNNING || status == RolloutStatus.PAUSED;
    }

    private boolean baked(long nowNanos) {
        return nowNanos - stepStartNanos >= config.bakeTime().toNanos();
    }

    @Override
    public synchronized void adopt(RolloutState newer) {
        StateCheck.restorable(config, newer);
        RolloutState current = state;
        if (newer.step() == current.step() && (newer.status() == current.status()
                || judged(newer.status()) && judged(current.status()))) {
            // The same step, or a pause or resume of it, as pause() and resume() make: its evidence and bake time stay.
            state = with(newer.status(), newer.step(), newer.reason(), current.stepStartedAtMillis());
            return;
        }
        long elapsedMillis = Math.max(0, clock.wallMillis() - newer.stepStartedAtMillis());
        stepStartNanos = clock.nanoTime() - elapsedMillis * 1_000_000L;
        failureReported = false;
        windows.reset();
        step = new StepJudge(config);
        lastVerdict = Verdict.hold("new step, adopted from the fleet, not judged yet");
        install(with(newer.status(), newer.step(), newer.reason(), newer.stepStartedAtMillis()));
    }

    @Override
    public RolloutState start() {
        return operate(() -> {
            require("start", RolloutStatus.PENDING);
            RolloutStatus status = lastStep(0) ? RolloutStatus.PROMOTED : RolloutStatus.RUNNING;
            move(status, 0, "started", clock.nanoTime());
            return new RolloutEvent.Started(state, clock.wallMillis());
        });
    }

    @Override
    public RolloutState promote() {
        return operate(() -> {
            require("promote", RolloutStatus.RUNNING, RolloutStatus.PAUSED);
            return next(false, "promoted by an operator", clock.nanoTime());
        });
    }

    @Override
    public RolloutState pause() {
        return operate(() -> {
            require("pause", RolloutStatus.RUNNING);
            state = with(RolloutStatus.PAUSED, state.step(), "paused by an operator", state.stepStartedAtMillis());
            return new RolloutEvent.Paused(state, clock.wallMillis());
        });
    }

    @Override
    public RolloutState resume() {
        return operate(() -> {
            require("resume", RolloutStatus.PAUSED);
            state = with(RolloutStatus.RUNNING, state.step(), "resumed by an operator", state.stepStartedAtMillis());
            return new RolloutEvent.Resumed(state, clock.wallMillis());
        });
    }

    @Override
    public RolloutState rollback(String reason) {
        if (reason == null || reason.isBlank()) {
            throw new IllegalArgumentException("reason must not be blank: say why rollout \"" + name() + "\" is rolled back");
        }
        return operate(() -> {
            require("roll back", RolloutStatus.PENDING, RolloutStatus.RUNNING, RolloutStatus.PAUSED);
            move(RolloutStatus.ROLLED_BACK, state.step(), reason, clock.nanoTime());
            return new RolloutEvent.RolledBack(state, clock.wallMillis(), false, reason);
        });
    }

    private RolloutState operate(Supplier<RolloutEvent> operation) {
        RolloutEvent event;
        RolloutState after;
        synchronized (this) {
            event = operation.get();
            after = state;
        }
        listeners.publish(event);
        return after;
    }

    private RolloutEvent next(boolean automatic, String reason, long nowNanos) {
        int from = state.step();
        int to = from + 1;
        RolloutStatus status = lastStep(to) ? RolloutStatus.PROMOTED : state.status();
        move(status, to, reason, nowNanos);
        return new RolloutEvent.Promoted(state, clock.wallMillis(), from, automatic, reason);
    }

    private boolean lastStep(int step) {
        return step == config.steps().size() - 1;
    }

    private void require(String operation, RolloutStatus... allowed) {
        for (RolloutStatus status : allowed) {
            if (state.status() == status) {
                return;
            }
        }
        throw new RolloutStateException("cannot " + operation + " rollout \"" + name() + "\": it is " + state.status()
                + (state.reason().isEmpty() ? "" : " (" + state.reason() + ")") + "; " + operation + " needs "
                + List.of(allowed));
    }

    /** Moves to a new step or final status: a fresh window, a fresh bake time. */
    private void move(RolloutStatus status, int step, String reason, long nowNanos) {
        stepStartNanos = nowNanos;
        failureReported = false;
        windows.reset();
        this.step = new StepJudge(config);
        lastVerdict = Verdict.hold("new step, not judged yet");
        install(with(status, step, reason, clock.wallMillis()));
    }

    private void install(RolloutState next) {
        state = next;
        canaryBuckets = Buckets.basisPoints(next.percent());
    }

    private RolloutState with(RolloutStatus status, int step, String reason, long stepStartedAtMillis) {
        double percent = switch (status) {
            case PENDING, ROLLED_BACK -> 0;
            case PROMOTED -> 100;
            case RUNNING, PAUSED -> config.percent(step);
        };
        return new RolloutState(name(), status, step, percent, stepStartedAtMillis, reason, Buckets.VERSION);
    }

    @Override
    public RolloutState state() {
        return state;
    }

    @Override
    public double percent() {
        return state.percent();
    }

    @Override
    public synchronized RolloutSnapshot snapshot() {
        long now = clock.nanoTime();
        long slot = slot(now);
        windows.drain(slot, step);
        Sample baseline = windows.sample(Variant.BASELINE, slot);
        Sample canary = windows.sample(Variant.CANARY, slot);
        return new RolloutSnapshot(state, Duration.ofNanos(Math.max(0, now - stepStartNanos)), VariantStats.of(baseline),
                VariantStats.of(canary), lastVerdict);
    }

    private long slot(long nowNanos) {
        return Math.floorDiv(nowNanos - originNanos, slotNanos);
    }

    @Override
    public String toString() {
        RolloutState current = state;
        return "Rollout[" + name() + ", " + current.status() + " at " + current.percent() + "%]";
    }

    /** Validation of an imported state against the configuration. */
    private static final class StateCheck {
        static RolloutState restorable(RolloutConfig config, RolloutState state) {
            Objects.requireNonNull(state, "state must not be null");
            if (!state.name().equals(config.name())) {
                throw new IllegalArgumentException("state of rollout \"" + state.name() + "\" cannot restore rollout \""
                        + config.name() + "\"");
            }
            if (state.step() >= config.steps().size()) {
                throw new IllegalArgumentException("state of rollout \"" + state.name() + "\": step " + state.step()
                        + " does not exist; the rollout has " + config.steps().size() + " steps " + config.steps());
            }
            if (state.hashVersion() != Buckets.VERSION) {
                throw new IllegalArgumentException("state of rollout \"" + state.name() + "\": hashVersion "
                        + state.hashVersion() + " is not " + Buckets.VERSION + "; its subjects would change sides");
            }
            return state;
        }
    }
}
