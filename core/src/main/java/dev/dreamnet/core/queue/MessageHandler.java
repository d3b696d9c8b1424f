package dev.dreamnet.core.queue;

/**
 * Processes one message. Returning normally acknowledges it; throwing counts a failed attempt,
 * whose exception becomes the message's last error. Delivery is at least once, so a handler
 * should be idempotent. Called on the polling thread; must be thread-safe if several threads poll.
 */
@FunctionalInterface
public interface MessageHandler {

    void handle(QueueMessage message) throws Exception;
}
