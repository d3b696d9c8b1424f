package dev.dreamnet.core.queue;

/** What one {@link QueueBackend#poll(String, MessageHandler)} did. */
public enum PollOutcome {
    /** No message was ready. */
    EMPTY,
    /** The handler succeeded and the message was acknowledged (removed). */
    ACKED,
    /** The handler failed; the message will be redelivered after the redelivery delay. */
    RETRYING,
    /** The message failed its last allowed attempt and is now in the dead-letter queue. */
    DEAD_LETTERED,
    /**
     * The handler finished after the message's lease had expired, so another consumer may own it
     * now; the outcome was not recorded and the message will be delivered again.
     */
    LEASE_LOST
}
