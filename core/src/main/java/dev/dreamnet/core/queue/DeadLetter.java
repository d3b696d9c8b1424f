package dev.dreamnet.core.queue;

import java.time.Instant;
import java.util.Objects;

/**
 * A message that failed every allowed attempt, as kept in a dead-letter queue. Immutable.
 *
 * @param id             the backend's id of the message
 * @param queue          the queue it was published to
 * @param payload        the bytes that were published
 * @param attempts       how many attempts it had
 * @param lastError      why its last attempt failed
 * @param deadLetteredAt when it was dead-lettered
 */
public record DeadLetter(String id, String queue, byte[] payload, int attempts, String lastError,
                         Instant deadLetteredAt) {

    public DeadLetter {
        Objects.requireNonNull(id, "id must not be null");
        Objects.requireNonNull(queue, "queue must not be null");
        payload = Objects.requireNonNull(payload, "payload must not be null").clone();
        Objects.requireNonNull(lastError, "lastError must not be null");
        Objects.requireNonNull(deadLetteredAt, "deadLetteredAt must not be null");
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
        return other instanceof DeadLetter that && id.equals(that.id) && queue.equals(that.queue)
                && attempts == that.attempts && lastError.equals(that.lastError)
                && deadLetteredAt.equals(that.deadLetteredAt) && java.util.Arrays.equals(payload, that.payload);
    }

    @Override
    public int hashCode() {
        return Objects.hash(id, queue, attempts, lastError, deadLetteredAt);
    }

    @Override
    public String toString() {
        return "DeadLetter[id=" + id + ", queue=" + queue + ", attempts=" + attempts + ", lastError=" + lastError + "]";
    }
}
