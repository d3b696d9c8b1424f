package dev.dreamnet.core.health;

import dev.dreamnet.core.time.Clock;
import dev.dreamnet.core.time.Scheduler;
import dev.dreamnet.core.time.Scheduler.Cancellable;
import java.time.Duration;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.random.RandomGenerator;

/**
 * The scheduling behind a {@link HealthGate}: one run at a time, a timeout per run, the start-up
 * interval until first ready, jitter on every pause. Thread-safe: every mutable field is guarded by
 * {@code lock}; {@code state} is immutable, written under the lock and read without it. Listeners
 * are told after the lock is released.
 */
final class GateRunner {

    private final GateConfig config;
    private final HealthCheck check;
    private final Clock clock;
    private final Scheduler scheduler;
    private final Executor executor;
    private final RandomGenerator random;
    private final Listeners listeners;
    private final Object lock = new Object();

    private volatile GateState state = GateState.INITIAL;
    private boolean started;
    private Run inFlight;
    private boolean inFlightAbandoned;
    private Cancellable timeoutTask;
    private Object pendingTick;
    private Cancellable nextTick;

    GateRunner(GateConfig config, HealthCheck check, Clock clock, Scheduler scheduler, Executor executor,
               RandomGenerator random, Listeners listeners) {
        this.config = config;
        this.check = check;
        this.clock = clock;
        this.scheduler = scheduler;
        this.executor = executor;
        this.random = random;
        this.listeners = listeners;
    }

    GateState state() {
        return state;
    }

    void start() {
        synchronized (lock) {
            if (started) {
                return;
            }
            started = true;
        }
        tick(null);
    }

    void stop() {
        synchronized (lock) {
            started = false;
            inFlightAbandoned = inFlight != null;
            cancel(timeoutTask);
            cancel(nextTick);
            timeoutTask = null;
            nextTick = null;
            pendingTick = null;
        }
    }

    private void tick(Object token) {
        Run launched = null;
        GateTransition transition = null;
        synchronized (lock) {
            if (!started || token != pendingTick) {
                return;
            }
            pendingTick = null;
            nextTick = null;
            if (inFlight == null) {
                launched = launchLocked();
            } else {
                Duration running = elapsedSince(inFlight);
                transition = recordLocked(CheckResult.fail("still running after " + Delays.human(running)), running);
                scheduleNextLocked();
            }
        }
        listeners.publish(transition);
        if (launched != null) {
            submit(launched);
        }
    }

    private Run launchLocked() {
        Run run = new Run(clock.nanoTime());
        inFlight = run;
        inFlightAbandoned = false;
        timeoutTask = scheduler.schedule(config.timeout(), () -> onTimeout(run));
        return run;
    }

    private void submit(Run run) {
        try {
            executor.execute(() -> execute(run));
        } catch (RejectedExecutionException e) {
            complete(run, CheckResult.fail("executor rejected the check: " + e.getMessage()));
        }
    }

    private void execute(Run run) {
        CheckResult result;
        try {
            result = Checks.invoke(check);
        } catch (Error e) {
            complete(run, CheckResult.failure(e));
            throw e;
        }
        complete(run, result);
    }

    private void complete(Run run, CheckResult result) {
        GateTransition transition;
        synchronized (lock) {
            if (inFlight != run) {
                return;
            }
            inFlight = null;
            cancel(timeoutTask);
            timeoutTask = null;
            if (inFlightAbandoned) {
                return;
            }
            Duration took = elapsedSince(run);
            // The timeout task may run late on a busy scheduler; the clock has the last word.
            transition = recordLocked(took.compareTo(config.timeout()) >= 0 ? timedOut() : result, took);
            scheduleNextLocked();
        }
        listeners.publish(transition);
    }

    private void onTimeout(Run run) {
        GateTransition transition;
        synchronized (lock) {
            if (inFlight != run || inFlightAbandoned) {
                return;
            }
            inFlightAbandoned = true;
            timeoutTask = null;
            transition = recordLocked(timedOut(), elapsedSince(run));
            scheduleNextLocked();
        }
        listeners.publish(transition);
    }

    private CheckResult timedOut() {
        return CheckResult.fail("timed out after " + Delays.human(config.timeout()));
    }

    private GateTransition recordLocked(CheckResult result, Duration took) {
        GateState before = state;
        state = before.record(result, took, clock.now(), config.passesToReady(), config.failuresToUnready());
        if (state.ready() == before.ready()) {
            return null;
        }
        return new GateTransition(config.name(), config.critical(), state.ready(), result, state.lastTransitionAt());
    }

    private void scheduleNextLocked() {
        if (!started || pendingTick != null) {
            return;
        }
        Duration base = state.everReady() ? config.interval() : config.startupInterval();
        Object token = new Object();
        pendingTick = token;
        nextTick = scheduler.schedule(Delays.jittered(base, config.jitter(), random), () -> tick(token));
    }

    private Duration elapsedSince(Run run) {
        return Duration.ofNanos(clock.nanoTime() - run.startNanos);
    }

    private static void cancel(Cancellable task) {
        if (task != null) {
            task.cancel();
        }
    }

    /** One run of the check, compared by identity so that a late result from an old run is recognised. */
    private static final class Run {
        final long startNanos;

        Run(long startNanos) {
            this.startNanos = startNanos;
        }
    }
}
