package dev.dreamnet.rabbitmq.internal;

import com.rabbitmq.client.AlreadyClosedException;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.ConnectionFactory;
import com.rabbitmq.client.ShutdownSignalException;
import dev.dreamnet.core.queue.QueueException;
import dev.dreamnet.core.queue.QueueUnavailableException;
import dev.dreamnet.core.text.Redaction;
import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.locks.ReentrantLock;

/**
 * One connection to the broker, opened again on the next call after it is lost, and a pool of
 * confirm-mode channels so that each thread uses its own. No wait on the broker lasts longer than
 * the call timeout: connecting, the handshake, every channel RPC, publisher confirms and waiting
 * for another thread's connection attempt. A call that times out drops the connection (a broker
 * that stopped answering is as good as gone), which fails every other call waiting on it at once.
 * Thread-safe: the connection is guarded by {@code lock}; the pool is a concurrent queue.
 */
public final class Broker implements AutoCloseable {

    private static final int IDLE_CHANNELS = 16;
    /** The client negotiates the lower of this and the broker's; a silent connection is dropped after about 2.25 of them. */
    private static final int HEARTBEAT_SECONDS = 15;

    private final ConnectionFactory factory;
    private final String address;
    private final Duration callTimeout;
    private final BlockingQueue<PooledChannel> idle = new ArrayBlockingQueue<>(IDLE_CHANNELS);
    private final ReentrantLock lock = new ReentrantLock();
    private volatile Connection connection; // written under lock; read without it only to drop it
    private boolean closed;

    /**
     * A broker at {@code uri} ({@code amqp://user:pass@host:port/vhost}) whose every wait is bounded by
     * {@code callTimeout}; nothing is opened yet.
     */
    public Broker(URI uri, Duration callTimeout) {
        if (callTimeout == null || callTimeout.isNegative() || callTimeout.toMillis() < 1
                || callTimeout.toMillis() > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("callTimeout must be between 1 ms and 24 days, was " + callTimeout);
        }
        this.callTimeout = callTimeout;
        this.factory = new ConnectionFactory();
        try {
            factory.setUri(uri);
        } catch (Exception e) {
            throw new IllegalArgumentException("queue URI must be amqp://user:password@host:port/vhost, was "
                    + Redaction.url(uri.toString()) + ": " + e.getMessage(), e);
        }
        int millis = (int) callTimeout.toMillis();
        factory.setAutomaticRecoveryEnabled(false);
        factory.setConnectionTimeout(millis);
        factory.setHandshakeTimeout(millis);
        factory.setChannelRpcTimeout(millis);
        factory.setRequestedHeartbeat(HEARTBEAT_SECONDS);
        this.address = address(uri);
    }

    /** How long any one wait on the broker may last. */
    public Duration callTimeout() {
        return callTimeout;
    }

    /** {@code amqp://host:5672/vhost}, without the password, for messages. */
    public String address() {
        return address;
    }

    /** Where the broker is, built from scheme, host, port and vhost only: no credentials to mask. */
    private static String address(URI uri) {
        String vhost = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
        String port = uri.getPort() < 0 ? "" : ":" + uri.getPort();
        return uri.getScheme() + "://" + uri.getHost() + port + vhost;
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
        PooledChannel channel = new PooledChannel(open(what), callTimeout);
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
            throw translate(what, e);
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
            return new PooledChannel(fresh, callTimeout);
        } catch (IOException e) {
            throw translate(what, e);
        }
    }

    private void release(PooledChannel channel, boolean healthy) {
        if (!healthy || !channel.isOpen() || !idle.offer(channel)) {
            channel.closeQuietly();
        }
    }

    private Connection connection(String what) {
        lockWithin(what);
        try {
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
        } finally {
            lock.unlock();
        }
    }

    /** Waits for another thread's connection attempt no longer than the call timeout. */
    private void lockWithin(String what) {
        try {
            if (!lock.tryLock(callTimeout.toMillis(), TimeUnit.MILLISECONDS)) {
                throw new QueueUnavailableException("RabbitMQ at " + address + " is unreachable (" + what
                        + "): another call has been connecting for more than " + callTimeout.toMillis() + " ms", null);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new QueueException("RabbitMQ: " + what + " was interrupted", e);
        }
    }

    /**
     * A one-line exception for a failed call: unavailable if the connection is gone. A call the broker
     * did not answer within the call timeout drops the connection first.
     */
    public QueueException translate(String what, Exception e) {
        ShutdownSignalException signal = e instanceof ShutdownSignalException s ? s
                : e.getCause() instanceof ShutdownSignalException s ? s : null;
        if (signal != null && !signal.isHardError()) {
            return new QueueException("RabbitMQ at " + address + ": " + what + " failed: " + Inequivalence.replyText(signal), e);
        }
        if (e instanceof TimeoutException || e.getCause() instanceof TimeoutException) {
            dropConnection();
            return new QueueUnavailableException("RabbitMQ at " + address + " is unreachable (" + what
                    + "): no answer within " + callTimeout.toMillis() + " ms; connection dropped", e);
        }
        return unavailable(what, e);
    }

    /**
     * Closes the socket at once, without waiting for the broker's close-ok: every call waiting on the
     * connection fails now instead of at its own timeout, and the next call connects again.
     */
    private void dropConnection() {
        Connection current = connection; // racy read on purpose: aborting a stale or closed one is harmless
        if (current != null) {
            current.abort(0);
        }
    }

    private QueueUnavailableException unavailable(String what, Exception e) {
        Throwable explained = e;
        while (explained.getMessage() == null && explained.getCause() != null) {
            explained = explained.getCause(); // an IOException wrapping the connection's shutdown signal
        }
        String reason = explained.getMessage() == null ? e.getClass().getSimpleName() : explained.getMessage();
        return new QueueUnavailableException("RabbitMQ at " + address + " is unreachable (" + what + "): "
                + reason.replaceAll("\\s+", " "), e);
    }

    @Override
    public void close() {
        lock.lock();
        try {
            closed = true;
            PooledChannel channel;
            while ((channel = idle.poll()) != null) {
                channel.closeQuietly();
            }
            if (connection != null && connection.isOpen()) {
                try {
                    connection.close((int) callTimeout.toMillis());
                } catch (IOException | AlreadyClosedException e) {
                    // Closing anyway; the broker returns unacknowledged messages to their queues.
                }
            }
        } finally {
            lock.unlock();
        }
    }
}
