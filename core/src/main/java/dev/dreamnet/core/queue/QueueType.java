package dev.dreamnet.core.queue;

import java.util.Locale;

/** The kind of RabbitMQ queue ({@code x-queue-type}); the embedded database queue ignores it. */
public enum QueueType {
    /** A single-node queue; attempts are counted in a header the consumer writes. */
    CLASSIC,
    /** A replicated Raft queue; the broker also counts redeliveries ({@code x-delivery-count}). */
    QUORUM;

    /** The name as configuration files and the broker write it: {@code classic}, {@code quorum}. */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
