package dev.dreamnet.bench;

import dev.dreamnet.core.breaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig.SlidingWindowSynchronizationStrategy;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig.SlidingWindowType;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * One shared breaker per contender, closed or already open, each in its own JMH state so that a
 * benchmark builds only the breaker it measures. All threads of a run share it (Scope.Benchmark).
 */
public final class Contenders {

    private Contenders() {
    }

    @State(Scope.Benchmark)
    public static class OursCount {
        public CircuitBreaker breaker;

        @Setup(Level.Trial)
        public void setUp() {
            breaker = Settings.ours(false);
        }
    }

    @State(Scope.Benchmark)
    public static class OursTime {
        public CircuitBreaker breaker;

        @Setup(Level.Trial)
        public void setUp() {
            breaker = Settings.ours(true);
        }
    }

    @State(Scope.Benchmark)
    public static class R4jCount {
        public io.github.resilience4j.circuitbreaker.CircuitBreaker breaker;

        @Setup(Level.Trial)
        public void setUp() {
            breaker = Settings.resilience4j(SlidingWindowType.COUNT_BASED, SlidingWindowSynchronizationStrategy.SYNCHRONIZED);
        }
    }

    @State(Scope.Benchmark)
    public static class R4jCountLockFree {
        public io.github.resilience4j.circuitbreaker.CircuitBreaker breaker;

        @Setup(Level.Trial)
        public void setUp() {
            breaker = Settings.resilience4j(SlidingWindowType.COUNT_BASED, SlidingWindowSynchronizationStrategy.LOCK_FREE);
        }
    }

    @State(Scope.Benchmark)
    public static class R4jTime {
        public io.github.resilience4j.circuitbreaker.CircuitBreaker breaker;

        @Setup(Level.Trial)
        public void setUp() {
            breaker = Settings.resilience4j(SlidingWindowType.TIME_BASED, SlidingWindowSynchronizationStrategy.SYNCHRONIZED);
        }
    }

    @State(Scope.Benchmark)
    public static class Failsafe {
        public dev.failsafe.CircuitBreaker<Object> breaker;
        public dev.failsafe.FailsafeExecutor<Object> executor;

        @Setup(Level.Trial)
        public void setUp() {
            breaker = Settings.failsafe();
            executor = dev.failsafe.Failsafe.with(breaker);
        }
    }

    /** Our breaker tripped by real failures, so it is OPEN (not forced) with the reset timeout ahead. */
    @State(Scope.Benchmark)
    public static class OursCountOpen extends OursCount {
        @Setup(Level.Trial)
        public void open() {
            trip(breaker);
        }
    }

    @State(Scope.Benchmark)
    public static class OursTimeOpen extends OursTime {
        @Setup(Level.Trial)
        public void open() {
            trip(breaker);
        }
    }

    @State(Scope.Benchmark)
    public static class R4jCountOpen extends R4jCount {
        @Setup(Level.Trial)
        public void open() {
            breaker.transitionToOpenState();
        }
    }

    @State(Scope.Benchmark)
    public static class R4jCountLockFreeOpen extends R4jCountLockFree {
        @Setup(Level.Trial)
        public void open() {
            breaker.transitionToOpenState();
        }
    }

    @State(Scope.Benchmark)
    public static class FailsafeOpen extends Failsafe {
        @Setup(Level.Trial)
        public void open() {
            breaker.open();
        }
    }

    static void trip(CircuitBreaker breaker) {
        while (breaker.state() == CircuitBreaker.State.CLOSED) {
            breaker.tryAcquirePermission();
            breaker.onError(Settings.DURATION_NANOS, Settings.FAILURE);
        }
        if (breaker.state() != CircuitBreaker.State.OPEN) {
            throw new IllegalStateException("expected OPEN, was " + breaker.state());
        }
    }
}
