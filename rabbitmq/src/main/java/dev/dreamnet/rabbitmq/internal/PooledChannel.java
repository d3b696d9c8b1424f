package dev.dreamnet.rabbitmq.internal;

import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.AlreadyClosedException;
import com.rabbitmq.client.Channel;
import dev.dreamnet.core.queue.QueueException;
import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A channel used by one thread at a time, publishing with confirms and the mandatory flag, so a
 * message is either held by the broker when {@link #publish} returns or an exception says why not.
 * Not thread-safe: the broker's pool hands it to one thread at a time.
 */
public final class PooledChannel {

    private final Channel channel;
    private final Duration confirmTimeout;
    private final AtomicReference<String> returned = new AtomicReference<>();

    PooledChannel(Channel channel, Duration confirmTimeout) {
        this.channel = channel;
        this.confirmTimeout = confirmTimeout;
        channel.addReturnListener(message -> returned.compareAndSet(null, message.getRoutingKey()
                + " (" + message.getReplyText() + ")"));
    }

    public Channel channel() {
        return channel;
    }

    /** Publishes to {@code queue} through the default exchange and waits for the broker's confirm. */
    public void publish(String queue, AMQP.BasicProperties properties, byte[] payload)
            throws IOException, TimeoutException, InterruptedException {
        send(queue, properties, payload);
        confirm();
    }

    /** Publishes without waiting; call {@link #confirm()} after the last one. */
    public void send(String queue, AMQP.BasicProperties properties, byte[] payload) throws IOException {
        channel.basicPublish("", queue, true, properties, payload);
    }

    /**
     * Waits until the broker confirms everything sent, at most the confirm timeout; throws if it
     * refused or could not route any. Not {@code waitForConfirmsOrDie}: on a timeout it closes the
     * channel and waits for the broker's close-ok too, doubling the wait on a broker that does not answer.
     */
    public void confirm() throws IOException, TimeoutException, InterruptedException {
        if (!channel.waitForConfirms(confirmTimeout.toMillis())) {
            throw new QueueException("RabbitMQ refused (nack) a published message; it was not stored");
        }
        String unroutable = returned.getAndSet(null);
        if (unroutable != null) {
            throw new QueueException("RabbitMQ returned a message as unroutable: queue " + unroutable
                    + " does not exist in the broker; declare it first");
        }
    }

    boolean isOpen() {
        return channel.isOpen();
    }

    void closeQuietly() {
        try {
            if (channel.isOpen()) {
                channel.close();
            }
        } catch (IOException | TimeoutException | AlreadyClosedException e) {
            // The channel is gone either way; the broker requeues what it held.
        }
    }
}
