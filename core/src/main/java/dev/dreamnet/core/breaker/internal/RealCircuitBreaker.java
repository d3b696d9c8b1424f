package dev.dreamnet.core.breaker.internal;

import dev.dreamnet.core.breaker.CircuitBreaker;
import dev.dreamnet.core.breaker.CircuitBreakerConfig;
import dev.dreamnet.core.breaker.CircuitBreakerSnapshot;
import dev.dreamnet.core.breaker.StateTransition;
import dev.dreamnet.core.breaker.TransitionListener;
import dev.dreamnet.core.time.Clock;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.Objects;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The circuit breaker: one volatile reference to an immutable-by-identity state object, swapped by
 * compare-and-set on every transition. The hot path reads that reference once and delegates; the
 * winner of a transition publishes the event after the swap, outside any lock. Thread-safe.
 */
public final class RealCircuitBreaker implements CircuitBreaker {

    private static final VarHandle STATE;

    static {
        try {
            STATE = MethodHandles.lookup().findVarHandle(RealCircuitBreaker.class, "state", BreakerState.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private final String name;
    private final CircuitBreakerConfig config;
    private final Clock clock;
    private final Outcome outcome;
    private final TripRule tripRule;
    private final Listeners listeners = new Listeners();
    private final LongAdder notPermitted = new LongAdder();
    /** The current state; replaced only through {@link #swap}. */
    private volatile BreakerState state;

    public RealCircuitBreaker(String name, CircuitBreakerConfig config, Clock clock) {
        this.name = Objects.requireNonNull(name, "name");
        this.config = Objects.requireNonNull(config, "config");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.outcome = new Outcome(config);
        this.tripRule = new TripRule(config);
        this.state = new ClosedState(this, null);
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public CircuitBreakerConfig config() {
        return config;
    }

    @Override
    public State state() {
        return state.state();
    }

    @Override
    public boolean tryAcquirePermission() {
        return state.tryAcquire();
    }

    @Override
    public void onSuccess(long durationNanos) {
        state.record(outcome.ofSuccess(durationNanos));
    }

    @Override
    public void onError(long durationNanos, Throwable error) {
        if (outcome.isIgnored(error)) {
            state.release();
        } else {
            state.record(outcome.ofError(durationNanos, error));
        }
    }

    @Override
    public void releasePermission() {
        state.release();
    }

    @Override
    public <T> T call(Callable<T> callable) throws Exception {
        if (!state.tryAcquire()) {
            throw state.rejection();
        }
        long start = clock.nanoTime();
        T result;
        try {
            result = callable.call();
        } catch (Throwable e) {
            onError(clock.nanoTime() - start, e);
            throw e;
        }
        onSuccess(clock.nanoTime() - start);
        return result;
    }

    @Override
    public void run(Runnable runnable) {
        if (!state.tryAcquire()) {
            throw state.rejection();
        }
        long start = clock.nanoTime();
        try {
            runnable.run();
        } catch (Throwable e) {
            onError(clock.nanoTime() - start, e);
            throw e;
        }
        onSuccess(clock.nanoTime() - start);
    }

    @Override
    public <T> T get(Supplier<? extends T> supplier, Function<? super RuntimeException, ? extends T> fallback) {
        if (!state.tryAcquire()) {
            return fallback.apply(state.rejection());
        }
        long start = clock.nanoTime();
        T result;
        try {
            result = supplier.get();
        } catch (RuntimeException e) {
            onError(clock.nanoTime() - start, e);
            return fallback.apply(e);
        } catch (Error e) {
            onError(clock.nanoTime() - start, e);
            throw e;
        }
        onSuccess(clock.nanoTime() - start);
        return result;
    }

    @Override
    public void forceOpen(String reason) {
        force(State.FORCED_OPEN, reason);
    }

    @Override
    public void forceClosed(String reason) {
        force(State.FORCED_CLOSED, reason);
    }

    @Override
    public void reset(String reason) {
        force(State.CLOSED, reason);
    }

    private void force(State target, String reason) {
        Objects.requireNonNull(reason, "reason must not be null");
        while (true) {
            BreakerState from = state;
            StateTransition cause = transition(from, target, reason);
            BreakerState to = switch (target) {
                case FORCED_OPEN -> new ForcedOpenState(this, cause);
                case FORCED_CLOSED -> new ForcedClosedState(this, cause);
                default -> new ClosedState(this, cause);
            };
            if (swap(from, to)) {
                return;
            }
        }
    }

    @Override
    public CircuitBreakerSnapshot snapshot() {
        BreakerState current = state;
        WindowCounts counts = current.counts();
        return new CircuitBreakerSnapshot(name, current.state(), counts.calls(), counts.failures(),
                counts.slowCalls(), CircuitBreakerSnapshot.percent(counts.failures(), counts.calls()),
                CircuitBreakerSnapshot.percent(counts.slowCalls(), counts.calls()), notPermitted.sum(),
                current.cause, current.nextAttemptAt());
    }

    @Override
    public void addListener(TransitionListener listener) {
        listeners.add(listener);
    }

    @Override
    public String toString() {
        return "CircuitBreaker[" + name + ", " + state() + "]";
    }

    Clock clock() {
        return clock;
    }

    TripRule tripRule() {
        return tripRule;
    }

    BreakerState current() {
        return state;
    }

    void countRejection() {
        notPermitted.increment();
    }

    SlidingWindow newWindow() {
        return config.windowType() == CircuitBreakerConfig.WindowType.COUNT_BASED
                ? new CountWindow(config.windowSize(), config.minimumCalls())
                : new TimeWindow(clock, config.windowSize(), config.minimumCalls());
    }

    void toOpen(BreakerState from, String reason, WindowCounts counts) {
        swap(from, new OpenState(this, transition(from, State.OPEN, reason), counts));
    }

    void toHalfOpen(OpenState from) {
        String reason = "reset timeout " + config.resetTimeout() + " passed";
        swap(from, new HalfOpenState(this, transition(from, State.HALF_OPEN, reason)));
    }

    void toClosed(BreakerState from, String reason) {
        swap(from, new ClosedState(this, transition(from, State.CLOSED, reason)));
    }

    private StateTransition transition(BreakerState from, State to, String reason) {
        return new StateTransition(name, from.state(), to, reason, clock.now());
    }

    /** Installs {@code to} if {@code from} is still current; only the winner tells the listeners. */
    private boolean swap(BreakerState from, BreakerState to) {
        if (!STATE.compareAndSet(this, from, to)) {
            return false;
        }
        listeners.publish(to.cause);
        return true;
    }
}
