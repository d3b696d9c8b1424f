package dev.dreamnet.core.watchdog;

import dev.dreamnet.core.watchdog.internal.CounterWindow;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * Judges how many messages one queue dead-letters per minute: the growth of its dead-lettered
 * total over a sliding window, divided by the window (or by the time since the previous reading
 * when that is longer), so a quiet start never looks like a burst. Named {@code dlq-rate:<queue>}.
 * Defaults: 60 s window, WARN at 1 per minute (any dead letter), CRIT at 10. Thread-safe: the
 * window is guarded by {@code this}.
 */
public final class DeadLetterRateWatchdog implements Watchdog {

    /** Readings are named this prefix followed by the queue name. */
    public static final String PREFIX = "dlq-rate:";
    private static final String UNIT = "messages/min";
    private static final double NANOS_PER_MINUTE = 60e9;

    private final String queue;
    private final String name;
    private final QueueGauge gauge;
    private final Thresholds thresholds;
    private final long windowNanos;
    private final CounterWindow deadLettered;

    private DeadLetterRateWatchdog(Builder builder) {
        this.queue = builder.queue;
        this.name = PREFIX + builder.queue;
        this.gauge = builder.gauge;
        this.thresholds = builder.thresholds;
        this.windowNanos = builder.window.toNanos();
        this.deadLettered = new CounterWindow(windowNanos);
    }

    public static DeadLetterRateWatchdog ofDefaults(String queue, QueueGauge gauge) {
        return builder(queue, gauge).build();
    }

    public static Builder builder(String queue, QueueGauge gauge) {
        return new Builder(queue, gauge);
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public Reading read(long nowNanos) {
        QueueStats stats;
        long increase;
        long span;
        boolean first;
        synchronized (this) {
            try {
                // read inside the lock: a smaller total recorded after a larger one would look like a reset
                stats = gauge.stats(queue);
            } catch (RuntimeException e) {
                return QueueNames.unreadable(name, queue, UNIT, thresholds, e);
            }
            first = deadLettered.isEmpty();
            deadLettered.record(nowNanos, stats.deadLetteredTotal());
            increase = deadLettered.increase();
            span = deadLettered.spanNanos();
        }
        List<String> detail = List.of("dead-letter queue holds " + stats.dlqDepth(),
                stats.deadLetteredTotal() + " dead-lettered in total");
        if (first) {
            return new Reading(name, Level.OK, 0, UNIT, thresholds, "first reading of \"" + queue
                    + "\": the dead-letter rate counts from now", detail);
        }
        double perMinute = increase * NANOS_PER_MINUTE / Math.max(span, windowNanos);
        Level level = thresholds.levelOf(perMinute);
        String reason = "\"" + queue + "\" dead-lettered " + increase + " messages in the last "
                + Durations.seconds(Math.max(span, windowNanos)) + ", " + Numbers.plain(perMinute) + " per minute ("
                + thresholds.next(level, "/min") + ")";
        return new Reading(name, level, perMinute, UNIT, thresholds, reason, detail);
    }

    /** Builds a {@link DeadLetterRateWatchdog}; not thread-safe, use it from one thread. */
    public static final class Builder {
        private final String queue;
        private final QueueGauge gauge;
        private Duration window = Duration.ofSeconds(60);
        private Thresholds thresholds;

        private Builder(String queue, QueueGauge gauge) {
            this.queue = QueueNames.check(queue);
            this.gauge = Objects.requireNonNull(gauge, "gauge must not be null");
            this.thresholds = Thresholds.of(setting("thresholds"), 1, 10);
        }

        /** How far back dead letters count; default 60 s. */
        public Builder window(Duration window) {
            this.window = Durations.positive(setting("window"), window);
            return this;
        }

        /** Dead letters per minute, {@code 0 <= warn <= crit}; default 1 and 10. */
        public Builder thresholds(double warnPerMinute, double critPerMinute) {
            this.thresholds = Thresholds.of(setting("thresholds"), warnPerMinute, critPerMinute);
            return this;
        }

        public DeadLetterRateWatchdog build() {
            return new DeadLetterRateWatchdog(this);
        }

        private String setting(String name) {
            return PREFIX + queue + "." + name;
        }
    }
}
