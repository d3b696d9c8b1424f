package dev.dreamnet.testing;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.dreamnet.core.time.Clock;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * A real HTTP upstream on 127.0.0.1 (a free port) that answers as the test scripts it: healthy,
 * failing with a status, slow, or 503 with {@code Retry-After}. Answers {@code POST .../v1/interpret}
 * (any path, in fact) like the interpretation provider. Counts and times every request it gets.
 * Thread-safe.
 */
public final class ScriptedUpstream implements AutoCloseable {

    /** How the upstream answers one request. */
    public sealed interface Mode permits Ok, Fail, Slow, RetryAfter {
    }

    /** 200 with an interpretation. */
    public record Ok() implements Mode {
    }

    /** {@code status} with a JSON error body. */
    public record Fail(int status) implements Mode {
    }

    /** 200 with an interpretation, after {@code delay}. */
    public record Slow(Duration delay) implements Mode {
    }

    /** 503 with {@code Retry-After: seconds}. */
    public record RetryAfter(long seconds) implements Mode {
    }

    public static Mode ok() {
        return new Ok();
    }

    public static Mode fail(int status) {
        return new Fail(status);
    }

    public static Mode slow(Duration delay) {
        return new Slow(delay);
    }

    public static Mode retryAfter(long seconds) {
        return new RetryAfter(seconds);
    }

    private final HttpServer server;
    private final ExecutorService handlers;
    private final Clock clock;
    private final CountDownLatch closed = new CountDownLatch(1);
    private final Queue<Mode> once = new ConcurrentLinkedQueue<>();
    private final List<Long> requestNanos = new CopyOnWriteArrayList<>();
    private volatile Mode steady = ok();

    private ScriptedUpstream(Clock clock) {
        this.clock = clock;
        this.handlers = Executors.newCachedThreadPool(task -> {
            Thread thread = new Thread(task, "scripted-upstream");
            thread.setDaemon(true);
            return thread;
        });
        try {
            this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 50);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot listen on 127.0.0.1", e);
        }
        server.setExecutor(handlers);
        server.createContext("/", this::handle);
        server.start();
    }

    /** Starts an upstream that answers {@link Ok} until told otherwise. */
    public static ScriptedUpstream start() {
        return new ScriptedUpstream(Clock.system());
    }

    /** {@code http://127.0.0.1:PORT}, to use as the provider's {@code baseUrl}. */
    public URI baseUrl() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    /** Every request from now on, once the one-off answers are used up, gets {@code mode}. */
    public ScriptedUpstream answer(Mode mode) {
        steady = mode;
        return this;
    }

    /** The next request gets {@code mode} (one-off answers are used in the order given). */
    public ScriptedUpstream answerOnce(Mode mode) {
        once.add(mode);
        return this;
    }

    /** How many requests have arrived. */
    public int requests() {
        return requestNanos.size();
    }

    /** When each request arrived, by the upstream's monotonic clock, oldest first. */
    public List<Long> arrivalNanos() {
        return List.copyOf(requestNanos);
    }

    private void handle(HttpExchange exchange) throws IOException {
        requestNanos.add(clock.nanoTime());
        try (exchange; InputStream body = exchange.getRequestBody()) {
            body.readAllBytes();
            Mode mode = once.poll();
            respond(exchange, mode == null ? steady : mode);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void respond(HttpExchange exchange, Mode mode) throws IOException, InterruptedException {
        if (mode instanceof Fail fail) {
            send(exchange, fail.status(), "{\"error\": \"scripted failure\"}");
        } else if (mode instanceof RetryAfter retry) {
            exchange.getResponseHeaders().add("Retry-After", Long.toString(retry.seconds()));
            send(exchange, 503, "{\"error\": \"scripted overload\"}");
        } else {
            if (mode instanceof Slow slow && closed.await(slow.delay().toMillis(), TimeUnit.MILLISECONDS)) {
                return; // closing: drop the slow request instead of holding the test up
            }
            send(exchange, 200, "{\"interpretation\": \"scripted interpretation\"}");
        }
    }

    private static void send(HttpExchange exchange, int status, String json) throws IOException {
        byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    /** Stops listening; requests being slowed down end at once. */
    @Override
    public void close() {
        closed.countDown();
        server.stop(0);
        handlers.shutdownNow();
    }
}
