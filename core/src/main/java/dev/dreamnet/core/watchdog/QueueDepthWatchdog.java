package dev.dreamnet.core.watchdog;

import java.util.List;
import java.util.Objects;

/**
 * Judges how many messages wait in one queue, with its dead-letter queue's depth in the detail:
 * a growing backlog means consumers are down or too slow. Named {@code queue-depth:<queue>}.
 * Defaults: WARN at 1,000 messages, CRIT at 10,000. Stateless and thread-safe.
 */
public final class QueueDepthWatchdog implements Watchdog {

    /** Readings are named this prefix followed by the queue name. */
    public static final String PREFIX = "queue-depth:";

    private final String queue;
    private final String name;
    private final QueueGauge gauge;
    private final Thresholds thresholds;

    private QueueDepthWatchdog(String queue, QueueGauge gauge, Thresholds thresholds) {
        this.queue = queue;
        this.name = PREFIX + queue;
        this.gauge = Objects.requireNonNull(gauge, "gauge must not be null");
        this.thresholds = thresholds;
    }

    /** WARN at 1,000 waiting messages, CRIT at 10,000. */
    public static QueueDepthWatchdog ofDefaults(String queue, QueueGauge gauge) {
        return of(queue, gauge, 1_000, 10_000);
    }

    /** Message counts, {@code 0 <= warn <= crit}; a wrong one is refused naming the queue's setting. */
    public static QueueDepthWatchdog of(String queue, QueueGauge gauge, long warn, long crit) {
        String checked = QueueNames.check(queue);
        return new QueueDepthWatchdog(checked, gauge, Thresholds.of(PREFIX + checked + ".thresholds", warn, crit));
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public Reading read(long nowNanos) {
        QueueStats stats;
        try {
            stats = gauge.stats(queue);
        } catch (RuntimeException e) {
            return QueueNames.unreadable(name, queue, "messages", thresholds, e);
        }
        Level level = thresholds.levelOf(stats.depth());
        String reason = stats.depth() + " messages waiting in \"" + queue + "\" (" + thresholds.next(level, "") + ")";
        return new Reading(name, level, stats.depth(), "messages", thresholds, reason,
                List.of("dead-letter queue holds " + stats.dlqDepth()));
    }
}
