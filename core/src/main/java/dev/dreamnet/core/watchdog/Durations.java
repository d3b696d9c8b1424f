package dev.dreamnet.core.watchdog;

import java.time.Duration;
import java.util.Objects;

/** Validation and wording of durations for the watchdog builders. Stateless. */
final class Durations {

    private Durations() {
    }

    static Duration positive(String setting, Duration value) {
        Objects.requireNonNull(value, setting + " must not be null");
        if (value.isNegative() || value.isZero()) {
            throw new IllegalArgumentException(setting + " must be > 0, was " + value);
        }
        return value;
    }

    /** Seconds with at most one decimal: "60 s", "2.5 s". */
    static String seconds(long nanos) {
        return Numbers.plain(nanos / 1e9) + " s";
    }
}
