package dev.dreamnet.core.health;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.random.RandomGenerator;

/** Pure helpers for the gate's timing: jittered pauses and durations worded for people. Stateless. */
final class Delays {

    private Delays() {
    }

    /** {@code base} spread uniformly by ±{@code jitter} of itself; exactly {@code base} when jitter is 0. */
    static Duration jittered(Duration base, double jitter, RandomGenerator random) {
        if (jitter == 0) {
            return base;
        }
        double factor = 1 + random.nextDouble(-jitter, jitter);
        return Duration.ofNanos(Math.round(base.toNanos() * factor));
    }

    /** {@code 2s}, {@code 2.2s} or {@code 150ms}: milliseconds precision, no trailing zeros. */
    static String human(Duration duration) {
        long millis = duration.toMillis();
        if (millis < 1000) {
            return millis + "ms";
        }
        return BigDecimal.valueOf(millis, 3).stripTrailingZeros().toPlainString() + "s";
    }
}
