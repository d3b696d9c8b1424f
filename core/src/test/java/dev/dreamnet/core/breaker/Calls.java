package dev.dreamnet.core.breaker;

import java.time.Duration;

/** Scripted calls through a breaker's primitive API, for tests. Stateless. */
final class Calls {

    static final long FAST = Duration.ofMillis(10).toNanos();
    static final RuntimeException BOOM = new IllegalStateException("boom");

    private Calls() {
    }

    /** Makes {@code count} permitted calls that succeed quickly; returns how many were permitted. */
    static int succeed(CircuitBreaker breaker, int count) {
        return make(breaker, count, null, FAST);
    }

    static int fail(CircuitBreaker breaker, int count) {
        return make(breaker, count, BOOM, FAST);
    }

    static int slow(CircuitBreaker breaker, int count, Duration duration) {
        return make(breaker, count, null, duration.toNanos());
    }

    static int make(CircuitBreaker breaker, int count, Throwable error, long durationNanos) {
        int permitted = 0;
        for (int i = 0; i < count; i++) {
            if (breaker.tryAcquirePermission()) {
                permitted++;
                if (error == null) {
                    breaker.onSuccess(durationNanos);
                } else {
                    breaker.onError(durationNanos, error);
                }
            }
        }
        return permitted;
    }
}
