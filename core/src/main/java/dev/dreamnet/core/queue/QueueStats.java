package dev.dreamnet.core.queue;

/**
 * How full one queue is, at one moment. Immutable.
 *
 * @param queue             the queue's name
 * @param depth             messages ready to be delivered now
 * @param retrying          messages waiting out their redelivery delay after a failed attempt
 * @param inFlight          messages delivered and not yet acknowledged (for RabbitMQ: by this process)
 * @param deadLetterDepth   messages in the queue's dead-letter queue
 * @param deadLetteredTotal messages ever dead-lettered from this queue (for RabbitMQ: by this process)
 */
public record QueueStats(String queue, long depth, long retrying, long inFlight, long deadLetterDepth,
                         long deadLetteredTotal) {

    public QueueStats {
        java.util.Objects.requireNonNull(queue, "queue must not be null");
    }
}
