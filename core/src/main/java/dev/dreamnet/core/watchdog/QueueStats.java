package dev.dreamnet.core.watchdog;

/**
 * One queue's counters as a {@link QueueGauge} reports them. Immutable.
 *
 * @param depth             messages waiting in the queue
 * @param dlqDepth          messages waiting in its dead-letter queue
 * @param deadLetteredTotal messages dead-lettered since the counter started; may restart from 0
 *                          (a broker restart), which the rate treats as a reset
 */
public record QueueStats(long depth, long dlqDepth, long deadLetteredTotal) {

    public QueueStats {
        if (depth < 0 || dlqDepth < 0 || deadLetteredTotal < 0) {
            throw new IllegalArgumentException("depth, dlqDepth and deadLetteredTotal must be >= 0, were "
                    + depth + ", " + dlqDepth + " and " + deadLetteredTotal);
        }
    }
}
