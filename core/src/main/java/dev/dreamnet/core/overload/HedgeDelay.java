package dev.dreamnet.core.overload;

import java.time.Duration;
import java.util.Objects;

/**
 * When a hedged call sends its second request: a fixed delay, or a percentile of the latencies of
 * recent successful calls (the "tail at scale" rule: after the 95th percentile, about 5% of calls
 * are hedged). Immutable.
 */
public sealed interface HedgeDelay {

    /** After {@code delay}, in (0, 1h]. */
    static HedgeDelay fixed(Duration delay) {
        return new Fixed(delay);
    }

    /** After the {@code percentile}th percentile of recent successful calls, in (0, 100). */
    static HedgeDelay percentile(double percentile) {
        return new Percentile(percentile);
    }

    /** A fixed delay. */
    record Fixed(Duration delay) implements HedgeDelay {
        public Fixed {
            Objects.requireNonNull(delay, "delay must not be null");
            if (delay.isNegative() || delay.isZero() || delay.compareTo(Duration.ofHours(1)) > 0) {
                throw new IllegalArgumentException("hedge delay must be > 0 and <= 1h, was " + delay);
            }
        }

        @Override
        public String toString() {
            return delay.toString();
        }
    }

    /** A percentile of the latencies of recent successful calls. */
    record Percentile(double percentile) implements HedgeDelay {
        public Percentile {
            if (!(percentile > 0 && percentile < 100)) {
                throw new IllegalArgumentException("hedge percentile must be > 0 and < 100, was " + percentile);
            }
        }

        @Override
        public String toString() {
            return "p" + (percentile == Math.rint(percentile) ? String.valueOf((long) percentile) : String.valueOf(percentile));
        }
    }
}
