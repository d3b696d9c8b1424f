package dev.dreamnet.jdbc.queue.internal;

/**
 * A message a consumer has leased: it owns it until {@code leaseToken} is replaced or the lease
 * expires. Immutable; the payload array is not copied and must not be changed.
 *
 * @param id          the message's row id
 * @param payload     its bytes
 * @param attempt     the attempt this delivery is, 1-based
 * @param leaseToken  proves ownership to the acknowledgement or failure that follows
 * @param publishedAt when it was published, in epoch millis
 * @param expiredLeases true if an earlier consumer's lease on it expired (the consumer died or was too slow)
 */
public record Claimed(long id, byte[] payload, int attempt, String leaseToken, long publishedAt, boolean expiredLeases) {
}
