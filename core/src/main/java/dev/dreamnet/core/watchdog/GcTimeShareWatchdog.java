package dev.dreamnet.core.watchdog;

import dev.dreamnet.core.watchdog.internal.CounterWindow;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * Judges the share of wall time the collectors paused the application over a sliding window
 * (GC pause time delta / wall time delta): a share that climbs means the heap is too small or
 * leaking, and requests stall. The first readings, until {@code minimumSpan} of history exists,
 * are OK and say so. Defaults: 60 s window, 5 s minimum span, WARN at 10%, CRIT at 25%.
 * Thread-safe: the window is guarded by {@code this}.
 */
public final class GcTimeShareWatchdog implements Watchdog {

    /** The name readings carry. */
    public static final String NAME = "gc-time-share";

    private final JvmProbe probe;
    private final Thresholds thresholds;
    private final long minimumSpanNanos;
    private final CounterWindow pauses;

    private GcTimeShareWatchdog(Builder builder) {
        this.probe = builder.probe;
        this.thresholds = builder.thresholds;
        this.minimumSpanNanos = builder.minimumSpan.toNanos();
        this.pauses = new CounterWindow(builder.window.toNanos());
    }

    public static GcTimeShareWatchdog ofDefaults(JvmProbe probe) {
        return builder(probe).build();
    }

    public static Builder builder(JvmProbe probe) {
        return new Builder(probe);
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Reading read(long nowNanos) {
        long increaseMillis;
        long spanNanos;
        synchronized (this) {
            // read inside the lock: a smaller total recorded after a larger one would look like a reset
            pauses.record(nowNanos, probe.gcPauseMillis());
            increaseMillis = pauses.increase();
            spanNanos = pauses.spanNanos();
        }
        if (spanNanos < minimumSpanNanos) {
            String reason = "no GC time share yet: " + Durations.seconds(spanNanos) + " of history, needs "
                    + Durations.seconds(minimumSpanNanos);
            return new Reading(NAME, Level.OK, 0, "%", thresholds, reason, List.of());
        }
        double percent = Math.min(100, 100.0 * increaseMillis * 1_000_000L / spanNanos);
        Level level = thresholds.levelOf(percent);
        String reason = "GC paused the application " + Numbers.plain(percent) + "% of the last "
                + Durations.seconds(spanNanos) + " (" + thresholds.next(level, "%") + ")";
        return new Reading(NAME, level, percent, "%", thresholds, reason,
                List.of(increaseMillis + " ms of GC pauses in " + Durations.seconds(spanNanos)));
    }

    /** Builds a {@link GcTimeShareWatchdog}; not thread-safe, use it from one thread. */
    public static final class Builder {
        private final JvmProbe probe;
        private Duration window = Duration.ofSeconds(60);
        private Duration minimumSpan = Duration.ofSeconds(5);
        private Thresholds thresholds = Thresholds.percent(NAME + ".thresholds", 10, 25);

        private Builder(JvmProbe probe) {
            this.probe = Objects.requireNonNull(probe, "probe must not be null");
        }

        /** How far back the share looks; default 60 s. */
        public Builder window(Duration window) {
            this.window = Durations.positive(NAME + ".window", window);
            return this;
        }

        /** History needed before the share is judged, so one pause right after start is not 100%; default 5 s. */
        public Builder minimumSpan(Duration minimumSpan) {
            this.minimumSpan = Durations.positive(NAME + ".minimumSpan", minimumSpan);
            return this;
        }

        /** Percentages in (0, 100]; default 10 and 25. */
        public Builder thresholds(double warnPercent, double critPercent) {
            this.thresholds = Thresholds.percent(NAME + ".thresholds", warnPercent, critPercent);
            return this;
        }

        /** @throws IllegalArgumentException when {@code minimumSpan} exceeds {@code window} */
        public GcTimeShareWatchdog build() {
            if (minimumSpan.compareTo(window) > 0) {
                throw new IllegalArgumentException(NAME + ".minimumSpan (" + minimumSpan
                        + ") must be <= " + NAME + ".window (" + window + ")");
            }
            return new GcTimeShareWatchdog(this);
        }
    }
}
