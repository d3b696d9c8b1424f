package dev.dreamnet.rabbitmq.internal;

import com.rabbitmq.client.AlreadyClosedException;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.ConnectionFactory;
import com.rabbitmq.client.ShutdownSignalException;
import dev.dreamnet.core.queue.QueueException;
import dev.dreamnet.core.queue.QueueUnavailableException;
import java.io.IOException;
import java.net.URI;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeoutException;

/**
 * One connection to the broker, opened again on the next call after it is lost, and a pool of
 * confirm-mode channels so that each thread uses its own. Thread-safe: the connection is guarded
 * by {@code this}; the pool is a concurrent queue.
 */
public final class Broker implements AutoCloseable {

    private static final int IDLE_CHANNELS = 16;

    private final ConnectionFactory factory;
    private final String address;
    private final BlockingQueue<PooledChannel> idle = new ArrayBlockingQueue<>(IDLE_CHANNELS);
    private Connection connection;
    private boolean closed;

    /** A broker at {@code uri} ({@code amqp://user:pass@host:port/vhost}); nothing is opened yet. */
    public Broker(URI uri) {
        this.factory = new ConnectionFactory();
        try {
            factory.setUri(uri);
        } catch (Exception e) {
            throw new IllegalArgumentException("queue URI must be amqp://user:password@host:port/vhost, was "
                    + Uris.redact(uri) + ": " + e.getMessage(), e);
        }
        factory.setAutomaticRecoveryEnabled(false);
        factory.setConnectionTimeout(5_000);
        factory.setRequestedHeartbeat(15);
        this.address = Uris.redact(uri);
    }

    /** {@code amqp://host:5672/vhost}, without the password, for messages. */
    public String address() {
        return address;
    }

    /** Work on a channel that may throw {@link IOException}. */
    @FunctionalInterface
    public interface Work<T> {
        T run(PooledChannel channel) throws IOException, TimeoutException, InterruptedException;
    }

    /**
     * Runs {@code work} on a pooled channel and returns the channel; a channel that failed is
     * closed instead, which returns its unacknowledged messages to their queues.
     */
    public <T> T withChannel(String what, Work<T> work) {
        PooledChannel channel = borrow(what);
        boolean healthy = false;
        try {
            T result = work.run(channel);
            healthy = true;
            return result;
        } catch (IOException | TimeoutException | ShutdownSignalException e) {
            throw translate(what, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new QueueException("RabbitMQ: " + what + " was interrupted", e);
        } finally {
            release(channel, healthy);
        }
    }

    /** Runs {@code work} on a fresh channel that is closed afterwards, whatever happens. */
    public <T> T withFreshChannel(String what, Work<T> work) {
        PooledChannel channel = new PooledChannel(open(what));
        try {
            return work.run(channel);
        } catch (IOException | TimeoutException | ShutdownSignalException e) {
            throw translate(what, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new QueueException("RabbitMQ: " + what + " was interrupted", e);
        } finally {
            channel.closeQuietly();
        }
    }

    /** A new plain channel, for probes whose failure closes the channel. */
    public Channel open(String what) {
        try {
            return connection(what).createChannel();
        } catch (IOException | AlreadyClosedException e) {
            throw unavailable(what, e);
        }
    }

    private PooledChannel borrow(String what) {
        PooledChannel channel;
        while ((channel = idle.poll()) != null) {
            if (channel.isOpen()) {
                return channel;
            }
        }
        try {
            Channel fresh = open(what);
            fresh.confirmSelect();
            return new PooledChannel(fresh);
        } catch (IOException e) {
            throw translate(what, e);
        }
    }

    private void release(PooledChannel channel, boolean healthy) {
        if (!healthy || !channel.isOpen() || !idle.offer(channel)) {
            channel.closeQuietly();
        }
    }

    private synchronized Connection connection(String what) {
        if (closed) {
            throw new QueueException("RabbitMQ: " + what + ": the backend is closed");
        }
        if (connection == null || !connection.isOpen()) {
            try {
                connection = factory.newConnection("dreamnet");
            } catch (IOException | TimeoutException e) {
                throw unavailable(what, e);
            }
        }
        return connection;
    }

    /** A one-line exception for a failed call: unavailable if the connection is gone. */
    public QueueException translate(String what, Exception e) {
        ShutdownSignalException signal = e instanceof ShutdownSignalException s ? s
                : e.getCause() instanceof ShutdownSignalException s ? s : null;
        if (signal != null && !signal.isHardError()) {
            return new QueueException("RabbitMQ at " + address + ": " + what + " failed: " + Inequivalence.replyText(signal), e);
        }
        return unavailable(what, e);
    }

    private QueueUnavailableException unavailable(String what, Exception e) {
        String reason = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        return new QueueUnavailableException("RabbitMQ at " + address + " is unreachable (" + what + "): "
                + reason.replaceAll("\\s+", " "), e);
    }

    @Override
    public synchronized void close() {
        closed = true;
        PooledChannel channel;
        while ((channel = idle.poll()) != null) {
            channel.closeQuietly();
        }
        if (connection != null && connection.isOpen()) {
            try {
                connection.close(5_000);
            } catch (IOException | AlreadyClosedException e) {
                // Closing anyway; the broker returns unacknowledged messages to their queues.
            }
        }
    }
}
