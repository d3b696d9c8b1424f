package dev.dreamnet.core.queue;

import java.util.Objects;

/**
 * One delivery of a message to a {@link MessageHandler}. Immutable and thread-safe: the payload
 * is copied in and out.
 *
 * @param id      the backend's id of the message, stable across its redeliveries
 * @param queue   the queue it came from
 * @param payload the bytes that were published
 * @param attempt which attempt this delivery is, from 1 to the queue's {@code maxAttempts}
 */
public record QueueMessage(String id, String queue, byte[] payload, int attempt) {

    public QueueMessage {
        Objects.requireNonNull(id, "id must not be null");
        Objects.requireNonNull(queue, "queue must not be null");
        payload = Objects.requireNonNull(payload, "payload must not be null").clone();
        if (attempt < 1) {
            throw new IllegalArgumentException("attempt must be >= 1, was " + attempt);
        }
    }

    @Override
    public byte[] payload() {
        return payload.clone();
    }

    /** The payload as UTF-8 text. */
    public String text() {
        return new String(payload, java.nio.charset.StandardCharsets.UTF_8);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof QueueMessage that && id.equals(that.id) && queue.equals(that.queue)
                && attempt == that.attempt && java.util.Arrays.equals(payload, that.payload);
    }

    @Override
    public int hashCode() {
        return Objects.hash(id, queue, attempt, java.util.Arrays.hashCode(payload));
    }

    @Override
    public String toString() {
        return "QueueMessage[id=" + id + ", queue=" + queue + ", attempt=" + attempt + ", bytes=" + payload.length + "]";
    }
}
