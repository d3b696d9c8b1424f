package dev.dreamnet.examples.javalin;

import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;

/**
 * The pricing service, played by a MockWebServer the test steers: what {@code /health} answers, and what and how
 * fast {@code /prices/{id}} answers. Every price request is recorded. Thread-safe.
 */
final class FakePricing implements AutoCloseable {

    private final MockWebServer server = new MockWebServer();
    private final BlockingQueue<String> priceRequests = new LinkedBlockingQueue<>();
    private volatile int healthStatus = 200;
    private volatile int priceStatus = 200;
    private volatile Duration priceDelay = Duration.ZERO;

    FakePricing() throws IOException {
        server.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) {
                String path = request.getTarget();
                if ("/health".equals(path)) {
                    return new MockResponse.Builder().code(healthStatus).build();
                }
                if (path.startsWith("/prices/")) {
                    priceRequests.add(path);
                    return new MockResponse.Builder().code(priceStatus).body(priceStatus == 200 ? "12.50" : "down")
                            .headersDelay(priceDelay.toMillis(), TimeUnit.MILLISECONDS).build();
                }
                return new MockResponse.Builder().code(404).build();
            }
        });
        server.start();
    }

    String url() {
        return server.url("/").toString();
    }

    void health(int status) {
        healthStatus = status;
    }

    void prices(int status) {
        priceStatus = status;
    }

    void priceDelay(Duration delay) {
        priceDelay = delay;
    }

    int priceRequestCount() {
        return priceRequests.size();
    }

    /** The path of the next price request, waiting at most {@code timeout}; null if none came. */
    String awaitPriceRequest(Duration timeout) throws InterruptedException {
        return priceRequests.poll(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    @Override
    public void close() throws IOException {
        server.close();
    }
}
