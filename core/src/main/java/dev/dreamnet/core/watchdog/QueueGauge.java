package dev.dreamnet.core.watchdog;

/**
 * Where the queue watchdogs read a queue's depth and dead letters; the queue registry adapts to
 * it. Implementations are thread-safe and quick (a cached value or one broker round trip);
 * they may throw when the queue cannot be read, which the watchdog reports as WARN.
 */
@FunctionalInterface
public interface QueueGauge {

    /** The counters of {@code queue} now. */
    QueueStats stats(String queue);
}
