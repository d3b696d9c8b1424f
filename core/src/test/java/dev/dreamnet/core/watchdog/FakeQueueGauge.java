package dev.dreamnet.core.watchdog;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** A {@link QueueGauge} over counters the test sets; an unknown queue throws like a broker would. */
final class FakeQueueGauge implements QueueGauge {

    private final Map<String, QueueStats> stats = new ConcurrentHashMap<>();

    void set(String queue, long depth, long dlqDepth, long deadLetteredTotal) {
        stats.put(queue, new QueueStats(depth, dlqDepth, deadLetteredTotal));
    }

    @Override
    public QueueStats stats(String queue) {
        QueueStats current = stats.get(queue);
        if (current == null) {
            throw new IllegalStateException("NOT_FOUND - no queue '" + queue + "'");
        }
        return current;
    }
}
