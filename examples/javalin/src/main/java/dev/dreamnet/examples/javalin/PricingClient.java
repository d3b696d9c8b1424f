package dev.dreamnet.examples.javalin;

import java.io.IOException;
import java.math.BigDecimal;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * The downstream pricing service: {@code GET {base}/prices/{id}} answers the price as plain text. Knows nothing of
 * DreamNet: its failures are exceptions the caller's breaker counts. Thread-safe.
 */
public final class PricingClient {

    private final String baseUrl;
    private final Duration timeout;
    private final HttpClient client;

    public PricingClient(String baseUrl, Duration timeout) {
        this.baseUrl = baseUrl;
        this.timeout = timeout;
        this.client = HttpClient.newBuilder().connectTimeout(timeout).build();
    }

    /**
     * @throws IOException when pricing cannot be reached, answers anything but 200, or answers no price
     */
    public BigDecimal price(String productId) throws IOException, InterruptedException {
        URI uri = URI.create(baseUrl + "/prices/" + URLEncoder.encode(productId, StandardCharsets.UTF_8));
        HttpRequest request = HttpRequest.newBuilder(uri).timeout(timeout).GET().build();
        HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IOException("GET " + uri + " answered " + response.statusCode());
        }
        try {
            return new BigDecimal(response.body().strip());
        } catch (NumberFormatException e) {
            throw new IOException("GET " + uri + " answered no price: \"" + response.body() + "\"", e);
        }
    }
}
