package dev.dreamnet.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.time.Duration;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A TCP proxy on 127.0.0.1 (a free port) in front of a real service, that the test can break as a
 * network would: {@link #cut()} resets every open connection and refuses new ones, {@link #stall()}
 * keeps every connection open but lets no byte through (a black hole), and {@link #delay(Duration)}
 * holds each chunk read, in either direction, for a while before forwarding it (a slow network or a
 * slow server), until {@link #restore()}. Two pump threads per connection, one each way.
 * Thread-safe; the stall and the delay are guarded by {@code flow}.
 */
public final class TcpProxy implements AutoCloseable {

    private final InetSocketAddress target;
    private final ServerSocket listener;
    private final Set<Socket> open = ConcurrentHashMap.newKeySet();
    private final AtomicInteger accepted = new AtomicInteger();
    private final Object flow = new Object();
    private volatile boolean cut;
    private volatile boolean stalled; // written under flow, so waiting pumps are woken
    private volatile long delayNanos; // written under flow, so delayed pumps see restore() at once
    private volatile boolean closed;

    private TcpProxy(InetSocketAddress target) {
        this.target = target;
        try {
            this.listener = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot listen on 127.0.0.1", e);
        }
        daemon("tcp-proxy-accept", this::acceptLoop).start();
    }

    /** A proxy forwarding to {@code host:port}. */
    public static TcpProxy to(String host, int port) {
        return new TcpProxy(new InetSocketAddress(host, port));
    }

    public int port() {
        return listener.getLocalPort();
    }

    /** Connections accepted so far, refused ones included. */
    public int accepted() {
        return accepted.get();
    }

    /** Resets every open connection; new ones are reset as soon as they arrive, until {@link #restore()}. */
    public void cut() {
        cut = true;
        open.forEach(TcpProxy::reset);
    }

    /** Holds every byte in either direction, on open and new connections alike, until {@link #restore()}. */
    public void stall() {
        synchronized (flow) {
            stalled = true;
        }
    }

    /**
     * Holds every chunk read from then on, in either direction, for {@code delay} before forwarding it, on open
     * and new connections alike, until {@link #restore()}: a request and its answer each take that much longer.
     * Chunks of one direction pass in order, one after the other. {@link Duration#ZERO} forwards at once again.
     */
    public void delay(Duration delay) {
        Objects.requireNonNull(delay, "delay must not be null");
        if (delay.isNegative()) {
            throw new IllegalArgumentException("delay must be >= 0, was " + delay);
        }
        synchronized (flow) {
            delayNanos = delay.toNanos();
            flow.notifyAll();
        }
    }

    /** Forwards new connections, and held or delayed bytes, again, without delay. */
    public void restore() {
        cut = false;
        synchronized (flow) {
            stalled = false;
            delayNanos = 0;
            flow.notifyAll();
        }
    }

    /** Waits while stalled, then for the delay in force when the chunk arrived (cut short by restore or close). */
    private void awaitFlowing() throws InterruptedException {
        long deadline = System.nanoTime() + delayNanos;
        synchronized (flow) {
            while (!closed && (stalled || delayNanos > 0 && deadline - System.nanoTime() > 0)) {
                if (stalled) {
                    flow.wait();
                } else {
                    TimeUnit.NANOSECONDS.timedWait(flow, deadline - System.nanoTime());
                }
            }
        }
    }

    private void acceptLoop() {
        while (!closed) {
            Socket client;
            try {
                client = listener.accept();
            } catch (IOException e) {
                return; // the listener was closed
            }
            accepted.incrementAndGet();
            if (cut) {
                reset(client);
                continue;
            }
            connect(client);
        }
    }

    private void connect(Socket client) {
        Socket server = new Socket();
        try {
            server.connect(target, 2000);
        } catch (IOException e) {
            reset(client);
            close(server);
            return;
        }
        open.add(client);
        open.add(server);
        daemon("tcp-proxy-up", () -> pump(client, server)).start();
        daemon("tcp-proxy-down", () -> pump(server, client)).start();
    }

    private void pump(Socket from, Socket to) {
        byte[] buffer = new byte[16 * 1024];
        try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
            int read;
            while ((read = in.read(buffer)) >= 0) {
                awaitFlowing();
                out.write(buffer, 0, read);
                out.flush();
            }
        } catch (IOException e) {
            // The other side went away, or the test cut the connection: end both directions.
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            reset(from);
            reset(to);
            open.remove(from);
            open.remove(to);
        }
    }

    /** Closes with SO_LINGER 0, so the peer sees a reset at once, as when a network path breaks. */
    private static void reset(Socket socket) {
        try {
            socket.setSoLinger(true, 0);
        } catch (SocketException alreadyClosed) {
            // nothing to reset
        }
        close(socket);
    }

    private static void close(Socket socket) {
        try {
            socket.close();
        } catch (IOException ignored) {
            // closing is best effort
        }
    }

    private static Thread daemon(String name, Runnable body) {
        Thread thread = new Thread(body, name);
        thread.setDaemon(true);
        return thread;
    }

    /** Stops listening and resets every connection. */
    @Override
    public void close() {
        synchronized (flow) {
            closed = true;
            flow.notifyAll();
        }
        try {
            listener.close();
        } catch (IOException ignored) {
            // closing is best effort
        }
        cut();
    }
}
