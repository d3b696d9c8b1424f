package dev.dreamnet.core.queue;

import java.util.List;

/**
 * Where queues live: the embedded database or RabbitMQ. A message is delivered at least once and
 * never to two consumers at once; a handler that succeeds acknowledges it, one that fails counts an
 * attempt and has it redelivered after the queue's redelivery delay, and after its last allowed
 * attempt it goes to the dead-letter queue with its last error. Nothing is dropped silently.
 * Implementations are thread-safe; every method may throw {@link QueueUnavailableException} when
 * the backend cannot be reached and {@link UnknownQueueException} for a queue not declared here.
 */
public interface QueueBackend extends AutoCloseable {

    /**
     * Creates the queue and its dead-letter queue if they do not exist; never changes an existing one.
     *
     * @throws QueueDriftException if the queue exists with other settings, naming each difference
     */
    DeclareOutcome declare(QueueSpec spec);

    /** Publishes one message durably; when this returns the backend holds it. */
    void publish(String queue, byte[] payload);

    /** Publishes several messages durably, faster than one by one; when this returns the backend holds them all. */
    default void publishAll(String queue, List<byte[]> payloads) {
        for (byte[] payload : payloads) {
            publish(queue, payload);
        }
    }

    /**
     * Takes the next ready message, if any, runs {@code handler} on it on this thread and records
     * the outcome: acknowledged, retrying, or dead-lettered. An exception of the handler is caught
     * and becomes the message's last error; it does not leave this method.
     */
    PollOutcome poll(String queue, MessageHandler handler);

    /** Counts of the queue and its dead-letter queue, now. */
    QueueStats stats(String queue);

    /** Up to {@code limit} of the queue's dead letters, oldest first, without removing them. */
    List<DeadLetter> deadLetters(String queue, int limit);

    /** Where this backend keeps queues, for messages and status: {@code "the database"}, {@code "the broker"}. */
    String describe();

    /** Releases connections; messages in flight are redelivered later. Idempotent. */
    @Override
    void close();
}
