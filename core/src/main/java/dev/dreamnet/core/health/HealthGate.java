package dev.dreamnet.core.health;

import dev.dreamnet.core.time.Clock;
import dev.dreamnet.core.time.Scheduler;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Random;
import java.util.concurrent.Executor;
import java.util.random.RandomGenerator;

/**
 * Runs one {@link HealthCheck} periodically through an injected {@link Scheduler} and turns its
 * results into readiness as its {@link GateConfig} says. Runs never overlap: the next is scheduled
 * only once the previous finished or timed out, and a due run whose predecessor still hangs
 * records "still running after Xs" instead of starting a second copy. Thread-safe.
 */
public final class HealthGate {

    private final GateConfig config;
    private final Listeners listeners = new Listeners();
    private final GateRunner runner;

    private HealthGate(Builder builder) {
        this.config = Objects.requireNonNull(builder.config, "config");
        this.runner = new GateRunner(config, Objects.requireNonNull(builder.check, "check"),
                Objects.requireNonNull(builder.clock, "clock"),
                Objects.requireNonNull(builder.scheduler, "scheduler is required"),
                Objects.requireNonNull(builder.executor, "executor is required"),
                Objects.requireNonNull(builder.random, "random"), listeners);
        builder.listeners.forEach(listeners::add);
    }

    /** A builder for a gate that runs {@code check} as {@code config} says. */
    public static Builder builder(GateConfig config, HealthCheck check) {
        return new Builder(config, check);
    }

    public GateConfig config() {
        return config;
    }

    public String name() {
        return config.name();
    }

    /** Runs the first check now (on the executor), then keeps checking until {@link #stop()}. Idempotent. */
    public void start() {
        runner.start();
    }

    /**
     * Cancels the schedule and the pending timeout. A check still running is not interrupted; its
     * result is ignored, and until it returns a restarted gate will not run a second copy. Idempotent.
     */
    public void stop() {
        runner.stop();
    }

    public boolean isReady() {
        return runner.state().ready();
    }

    /** The gate as it is now. Lock-free. */
    public GateSnapshot snapshot() {
        return GateSnapshot.of(config, runner.state());
    }

    /** Adds a listener told of every later transition. */
    public void addListener(GateListener listener) {
        listeners.add(listener);
    }

    public void removeListener(GateListener listener) {
        listeners.remove(listener);
    }

    @Override
    public String toString() {
        return "HealthGate[" + config.name() + ", " + runner.state().stateName() + "]";
    }

    /**
     * Assembles a {@link HealthGate}. The scheduler and the executor (where the check, which may
     * block, runs) are required; the clock defaults to the system clock and the jitter source to
     * a new {@link Random} (a generator shared between gates must be thread-safe). Not thread-safe.
     */
    public static final class Builder {
        private final GateConfig config;
        private final HealthCheck check;
        private final List<GateListener> listeners = new ArrayList<>();
        private Clock clock = Clock.system();
        private Scheduler scheduler;
        private Executor executor;
        private RandomGenerator random = new Random();

        private Builder(GateConfig config, HealthCheck check) {
            this.config = config;
            this.check = check;
        }

        public Builder clock(Clock clock) {
            this.clock = clock;
            return this;
        }

        public Builder scheduler(Scheduler scheduler) {
            this.scheduler = scheduler;
            return this;
        }

        public Builder executor(Executor executor) {
            this.executor = executor;
            return this;
        }

        public Builder random(RandomGenerator random) {
            this.random = random;
            return this;
        }

        public Builder listener(GateListener listener) {
            listeners.add(Objects.requireNonNull(listener, "listener"));
            return this;
        }

        public HealthGate build() {
            return new HealthGate(this);
        }
    }
}
