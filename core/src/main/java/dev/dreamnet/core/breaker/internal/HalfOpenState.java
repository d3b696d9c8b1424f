package dev.dreamnet.core.breaker.internal;

import dev.dreamnet.core.breaker.CallNotPermittedException;
import dev.dreamnet.core.breaker.CircuitBreaker;
import dev.dreamnet.core.breaker.CircuitBreakerConfig;
import dev.dreamnet.core.breaker.StateTransition;
import dev.dreamnet.core.time.Clock;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;

/**
 * HALF_OPEN: admits {@code permittedCallsInHalfOpen} trial calls and lets their outcomes decide.
 * Permits granted, outcomes reported, failures and slow calls are packed in one {@link AtomicLong},
 * so granting a permit and recording an outcome are each one compare-and-set. Permits whose callers
 * never report back are reclaimed once {@code halfOpenPermitTimeout} has passed since the last grant,
 * so this state can never get stuck. Thread-safe and lock-free.
 */
final class HalfOpenState extends BreakerState {

    private static final long GRANTED = 1L;
    private static final long REPORTED = 1L << 16;
    private static final long FAILED = 1L << 32;
    private static final long SLOW = 1L << 48;

    private final Clock clock;
    private final int permitted;
    private final long permitTimeoutNanos;
    private final double failureRateThreshold;
    private final double slowCallRateThreshold;
    private final CallNotPermittedException rejection;
    private final AtomicLong trials = new AtomicLong();
    /** When the latest permit was granted; written before the grant so no reader sees it stale. */
    private volatile long lastGrantNanos;

    HalfOpenState(RealCircuitBreaker breaker, StateTransition cause) {
        super(breaker, cause);
        CircuitBreakerConfig config = breaker.config();
        this.clock = breaker.clock();
        this.permitted = config.permittedCallsInHalfOpen();
        this.permitTimeoutNanos = config.halfOpenPermitTimeout().toNanos();
        this.failureRateThreshold = config.failureRateThreshold();
        this.slowCallRateThreshold = config.slowCallRateThreshold();
        this.rejection = super.rejection();
        this.lastGrantNanos = clock.nanoTime();
    }

    private static int granted(long trials) {
        return (int) (trials & 0xFFFF);
    }

    private static int reported(long trials) {
        return (int) ((trials >>> 16) & 0xFFFF);
    }

    private static int failed(long trials) {
        return (int) ((trials >>> 32) & 0xFFFF);
    }

    private static int slow(long trials) {
        return (int) (trials >>> 48);
    }

    @Override
    CircuitBreaker.State state() {
        return CircuitBreaker.State.HALF_OPEN;
    }

    @Override
    boolean tryAcquire() {
        while (true) {
            long current = trials.get();
            if (granted(current) < permitted) {
                lastGrantNanos = clock.nanoTime();
                if (trials.compareAndSet(current, current + GRANTED)) {
                    return true;
                }
            } else if (!reclaimExpired(current)) {
                breaker.countRejection();
                return false;
            }
        }
    }

    /** Takes back the unreported permits if the latest was granted a permit timeout ago. */
    private boolean reclaimExpired(long current) {
        int outstanding = granted(current) - reported(current);
        if (outstanding <= 0 || clock.nanoTime() - lastGrantNanos < permitTimeoutNanos) {
            return false;
        }
        trials.compareAndSet(current, current - outstanding * GRANTED);
        return true;
    }

    @Override
    void record(int outcome) {
        while (true) {
            long current = trials.get();
            if (reported(current) >= granted(current)) {
                return;
            }
            long next = current + REPORTED
                    + (Outcome.isFailure(outcome) ? FAILED : 0)
                    + (Outcome.isSlow(outcome) ? SLOW : 0);
            if (trials.compareAndSet(current, next)) {
                decide(next);
                return;
            }
        }
    }

    /** Reopens as soon as the trials' rates cannot end below threshold; closes when all are in. */
    private void decide(long trials) {
        int failed = failed(trials);
        int slow = slow(trials);
        if (failed * 100.0 >= failureRateThreshold * permitted) {
            breaker.toOpen(this, verdict("failed", failed, failureRateThreshold), counts(trials));
        } else if (slow * 100.0 >= slowCallRateThreshold * permitted) {
            breaker.toOpen(this, verdict("were slow", slow, slowCallRateThreshold), counts(trials));
        } else if (reported(trials) >= permitted) {
            breaker.toClosed(this, String.format(Locale.ROOT,
                    "trial calls passed: %d of %d failed, %d were slow", failed, permitted, slow));
        }
    }

    private String verdict(String what, int count, double threshold) {
        return String.format(Locale.ROOT, "trial calls %s: %d of %d (%.1f%% >= %.1f%%)",
                what, count, permitted, count * 100.0 / permitted, threshold);
    }

    @Override
    void release() {
        while (true) {
            long current = trials.get();
            if (granted(current) <= reported(current) || trials.compareAndSet(current, current - GRANTED)) {
                return;
            }
        }
    }

    @Override
    WindowCounts counts() {
        return counts(trials.get());
    }

    private static WindowCounts counts(long trials) {
        return new WindowCounts(reported(trials), failed(trials), slow(trials));
    }

    @Override
    CallNotPermittedException rejection() {
        return rejection;
    }
}
