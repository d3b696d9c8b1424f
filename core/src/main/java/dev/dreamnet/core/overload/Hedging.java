package dev.dreamnet.core.overload;

import dev.dreamnet.core.overload.internal.HedgedCall;
import dev.dreamnet.core.overload.internal.RecentLatencies;
import dev.dreamnet.core.time.Clock;
import dev.dreamnet.core.time.Scheduler;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.atomic.LongAdder;

/**
 * Hedged requests to one downstream ("The Tail at Scale"): a call declared idempotent whose request
 * has not answered after the {@link HedgeDelay} is sent a second time; the first success answers and
 * the other request is cancelled. A {@link HedgeBudget} keeps the extra requests under
 * {@link HedgeConfig#maxExtra()} of the calls, and with a {@link Bulkhead} a hedge is sent only if it
 * has room (and holds a place while it runs). A call that is not idempotent is never hedged.
 *
 * <p>Both requests of a hedged call run on the injected executor and the delay is timed by the
 * injected scheduler; the caller's thread waits for the answer. Thread-safe.
 */
public final class Hedging {

    private final String name;
    private final HedgeConfig config;
    private final Clock clock;
    private final Scheduler scheduler;
    private final ExecutorService executor;
    private final Bulkhead bulkhead;
    private final HedgeBudget budget;
    private final RecentLatencies latencies;
    private final LongAdder calls = new LongAdder();
    private final LongAdder sent = new LongAdder();
    private final LongAdder won = new LongAdder();
    private final LongAdder budgetRefused = new LongAdder();
    private final LongAdder bulkheadRefused = new LongAdder();
    private final HedgedCall.Hooks hooks = new Hooks();

    private Hedging(Builder builder) {
        this.name = builder.name;
        this.config = builder.config;
        this.clock = Objects.requireNonNull(builder.clock, "clock must be set");
        this.scheduler = Objects.requireNonNull(builder.scheduler, "scheduler must be set");
        this.executor = Objects.requireNonNull(builder.executor, "executor must be set");
        this.bulkhead = builder.bulkhead;
        this.budget = new HedgeBudget(config.maxExtra(), config.burst());
        double percentile = config.delay() instanceof HedgeDelay.Percentile p ? p.percentile() : 50;
        this.latencies = new RecentLatencies(config.samples(), percentile);
    }

    public static Builder builder(String name) {
        return new Builder(name);
    }

    /**
     * Calls {@code request}: once, on the caller's thread, when it is not {@code idempotent}; else on
     * the executor, with one hedge after the delay if the budget allows. Returns the first success; if
     * every request sent fails, throws the first failure with the other suppressed.
     */
    public <T> T call(boolean idempotent, Callable<T> request) throws Exception {
        if (!idempotent) {
            return request.call();
        }
        calls.increment();
        budget.onCall();
        return new HedgedCall<>(request, clock, executor, hooks).run(currentDelay(), scheduler);
    }

    /** The delay the next hedged call would use; null while a percentile delay has fewer than minSamples samples. */
    public Duration currentDelay() {
        if (config.delay() instanceof HedgeDelay.Fixed fixed) {
            return fixed.delay();
        }
        if (latencies.count() < config.minSamples()) {
            return null;
        }
        return Duration.ofNanos(Math.max(1, latencies.percentileNanos()));
    }

    public String name() {
        return name;
    }

    public HedgeConfig config() {
        return config;
    }

    public HedgeSnapshot snapshot() {
        return new HedgeSnapshot(config.delay().toString(), currentDelay(), calls.sum(), sent.sum(), won.sum(),
                budgetRefused.sum(), bulkheadRefused.sum(), budget.tokens());
    }

    private final class Hooks implements HedgedCall.Hooks {
        @Override
        public boolean tryStartHedge() {
            if (bulkhead != null && !bulkhead.tryAcquire()) {
                bulkheadRefused.increment();
                return false;
            }
            if (!budget.tryAcquire()) {
                budgetRefused.increment();
                if (bulkhead != null) {
                    bulkhead.release();
                }
                return false;
            }
            sent.increment();
            return true;
        }

        @Override
        public void hedgeEnded() {
            if (bulkhead != null) {
                bulkhead.release();
            }
        }

        @Override
        public void won(boolean hedge, long latencyNanos) {
            if (hedge) {
                won.increment();
            }
            latencies.record(latencyNanos);
        }
    }

    /** Builds a {@link Hedging}; not thread-safe, use it from one thread. Clock, scheduler and executor are required. */
    public static final class Builder {
        private final String name;
        private HedgeConfig config = HedgeConfig.ofDefaults();
        private Clock clock;
        private Scheduler scheduler;
        private ExecutorService executor;
        private Bulkhead bulkhead;

        private Builder(String name) {
            this.name = Objects.requireNonNull(name, "name must not be null");
        }

        public Builder config(HedgeConfig config) {
            this.config = Objects.requireNonNull(config, "config must not be null");
            return this;
        }

        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock must not be null");
            return this;
        }

        /** Times the hedge delay. */
        public Builder scheduler(Scheduler scheduler) {
            this.scheduler = Objects.requireNonNull(scheduler, "scheduler must not be null");
            return this;
        }

        /** Runs the requests of hedged calls; it must start a task at once (no bounded queue in front of busy threads). */
        public Builder executor(ExecutorService executor) {
            this.executor = Objects.requireNonNull(executor, "executor must not be null");
            return this;
        }

        /** The downstream's bulkhead: a hedge is sent only if it has room, and holds a place while it runs. */
        public Builder bulkhead(Bulkhead bulkhead) {
            this.bulkhead = Objects.requireNonNull(bulkhead, "bulkhead must not be null");
            return this;
        }

        public Hedging build() {
            return new Hedging(this);
        }
    }
}
