package dev.dreamnet.core.startup;

import dev.dreamnet.core.time.Clock;
import dev.dreamnet.core.time.Scheduler;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;

/**
 * Starts the services of a {@link StartupGraph} in dependency order: each starts the moment all of
 * its dependencies are READY, on the given executor, with per-service retries and timeout. A
 * critical failure aborts startup and stops what had started, in reverse order; a non-critical
 * failure blocks only its dependents and startup ends DEGRADED. {@link #shutdown()} stops services
 * in reverse dependency order, in parallel where the graph allows. Thread-safe.
 */
public final class StartupDag {

    private final DagRun run;

    private StartupDag(DagRun run) {
        this.run = run;
    }

    public static Builder builder(StartupGraph graph, ComponentResolver components) {
        return new Builder(graph, components);
    }

    /** Begins startup and returns at once; {@link #started()} completes when it is over. */
    public StartupDag start() {
        run.start();
        return this;
    }

    /** Completes with the snapshot at the end of startup (READY, DEGRADED or FAILED). Never fails. */
    public CompletableFuture<StartupSnapshot> started() {
        return run.started();
    }

    /** Stops every started service in reverse dependency order; completes when all have stopped. */
    public CompletableFuture<StartupSnapshot> shutdown() {
        return run.shutdown();
    }

    public StartupSnapshot snapshot() {
        return run.snapshot();
    }

    public StartupGraph graph() {
        return run.graph();
    }

    /** Configures a {@link StartupDag}. Not thread-safe. */
    public static final class Builder {
        private final StartupGraph graph;
        private final ComponentResolver components;
        private Executor executor;
        private Scheduler scheduler;
        private Clock clock = Clock.system();
        private Duration initialBackoff = Duration.ofMillis(100);
        private Duration maxBackoff = Duration.ofSeconds(5);
        private Duration stopTimeout = Duration.ofSeconds(10);
        private final List<StartupListener> listeners = new ArrayList<>();

        private Builder(StartupGraph graph, ComponentResolver components) {
            this.graph = Objects.requireNonNull(graph, "graph");
            this.components = Objects.requireNonNull(components, "components");
        }

        /** Where start and stop calls run; a bounded pool in production. Required. */
        public Builder executor(Executor executor) {
            this.executor = executor;
            return this;
        }

        /** Times out attempts and delays retries. Required. */
        public Builder scheduler(Scheduler scheduler) {
            this.scheduler = scheduler;
            return this;
        }

        public Builder clock(Clock clock) {
            this.clock = clock;
            return this;
        }

        /** Delay before the first retry of a failed start, doubling for each further one up to {@code max}. */
        public Builder retryBackoff(Duration initial, Duration max) {
            this.initialBackoff = initial;
            this.maxBackoff = max;
            return this;
        }

        /** How long one service may take to stop before shutdown moves on. */
        public Builder stopTimeout(Duration stopTimeout) {
            this.stopTimeout = stopTimeout;
            return this;
        }

        public Builder listener(StartupListener listener) {
            listeners.add(Objects.requireNonNull(listener, "listener"));
            return this;
        }

        /**
         * Resolves every service's component before anything starts.
         *
         * @throws GraphValidationException naming each service whose kind is unknown or misconfigured
         */
        public StartupDag build() throws GraphValidationException {
            Objects.requireNonNull(executor, "executor");
            Objects.requireNonNull(scheduler, "scheduler");
            requirePositive("initialBackoff", initialBackoff);
            requirePositive("maxBackoff", maxBackoff);
            requirePositive("stopTimeout", stopTimeout);
            List<Component> resolved = new ArrayList<>();
            List<GraphProblem> problems = new ArrayList<>();
            for (ServiceSpec service : graph.services()) {
                try {
                    resolved.add(Objects.requireNonNull(components.resolve(service), "component"));
                } catch (RuntimeException e) {
                    problems.add(new GraphProblem(graph.source(), service.name(), "kind", String.valueOf(e.getMessage())));
                }
            }
            if (!problems.isEmpty()) {
                throw new GraphValidationException(problems);
            }
            RunSettings settings = new RunSettings(executor, scheduler, clock, initialBackoff, maxBackoff,
                    stopTimeout, List.copyOf(listeners));
            return new StartupDag(new DagRun(graph, resolved, settings));
        }

        private static void requirePositive(String setting, Duration value) {
            if (value == null || value.isNegative() || value.isZero()) {
                throw new IllegalArgumentException(setting + " must be > 0, was " + value);
            }
        }
    }

    /** The collaborators and settings of a run. */
    record RunSettings(Executor executor, Scheduler scheduler, Clock clock, Duration initialBackoff,
                       Duration maxBackoff, Duration stopTimeout, List<StartupListener> listeners) {

        Duration backoff(int failedAttempts) {
            long nanos = initialBackoff.toNanos() << Math.min(30, failedAttempts - 1);
            return Duration.ofNanos(Math.min(nanos <= 0 ? Long.MAX_VALUE : nanos, maxBackoff.toNanos()));
        }
    }
}
