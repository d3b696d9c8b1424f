package dev.dreamnet.examples.spring;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The pricing service, played by the JDK's HTTP server on a free port, steered by the test: what {@code /health}
 * and {@code /prices/{id}} answer. Price requests are counted. Thread-safe.
 */
final class FakePricing implements AutoCloseable {

    private final HttpServer server;
    private final AtomicInteger priceRequests = new AtomicInteger();
    private volatile int healthStatus = 200;
    private volatile int priceStatus = 200;

    FakePricing() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/health", exchange -> answer(exchange, healthStatus, "pricing"));
        server.createContext("/prices/", exchange -> {
            priceRequests.incrementAndGet();
            answer(exchange, priceStatus, priceStatus == 200 ? "12.50" : "down");
        });
        server.setExecutor(Executors.newFixedThreadPool(4));
        server.start();
    }

    private static void answer(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    void health(int status) {
        healthStatus = status;
    }

    void prices(int status) {
        priceStatus = status;
    }

    int priceRequests() {
        return priceRequests.get();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
