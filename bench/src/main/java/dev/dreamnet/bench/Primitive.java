package dev.dreamnet.bench;

import dev.dreamnet.core.breaker.CircuitBreaker;
import java.util.concurrent.TimeUnit;

/**
 * The same guarded call written against each library's primitive API: ask for a permit, make the
 * plain call, report its outcome (a failure when {@code scriptFailures} and the script says so).
 * Stateless.
 */
final class Primitive {

    private Primitive() {
    }

    static long ours(CircuitBreaker breaker, Caller caller, boolean scriptFailures) {
        if (!breaker.tryAcquirePermission()) {
            return -1;
        }
        long result = caller.work();
        if (scriptFailures && caller.failed()) {
            breaker.onError(Settings.DURATION_NANOS, Settings.FAILURE);
        } else {
            breaker.onSuccess(Settings.DURATION_NANOS);
        }
        return result;
    }

    static long r4j(io.github.resilience4j.circuitbreaker.CircuitBreaker breaker, Caller caller, boolean scriptFailures) {
        if (!breaker.tryAcquirePermission()) {
            return -1;
        }
        long result = caller.work();
        if (scriptFailures && caller.failed()) {
            breaker.onError(Settings.DURATION_NANOS, TimeUnit.NANOSECONDS, Settings.FAILURE);
        } else {
            breaker.onSuccess(Settings.DURATION_NANOS, TimeUnit.NANOSECONDS);
        }
        return result;
    }

    static long failsafe(dev.failsafe.CircuitBreaker<Object> breaker, Caller caller, boolean scriptFailures) {
        if (!breaker.tryAcquirePermit()) {
            return -1;
        }
        long result = caller.work();
        if (scriptFailures && caller.failed()) {
            breaker.recordFailure();
        } else {
            breaker.recordSuccess();
        }
        return result;
    }
}
