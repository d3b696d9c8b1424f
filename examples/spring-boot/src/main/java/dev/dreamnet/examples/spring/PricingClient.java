package dev.dreamnet.examples.spring;

import dev.dreamnet.spring.autoconfigure.DreamNetCall;
import java.io.IOException;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The client of the pricing service ({@code GET /prices/{id}} answers the price as plain text). Each call goes
 * through the {@code pricing} breaker, retries and timeout of {@code config/resilience.yaml}; any answer but 200 is an
 * {@link IOException} the breaker counts. Thread-safe.
 */
@Component
public class PricingClient {

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private final URI base;

    public PricingClient(@Value("${catalog.pricing-url}") String baseUrl) {
        this.base = URI.create(baseUrl.endsWith("/") ? baseUrl : baseUrl + "/");
    }

    @DreamNetCall("pricing")
    public BigDecimal price(String id) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(base.resolve("prices/" + id)).timeout(Duration.ofSeconds(2))
                .GET().build();
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IOException("pricing answered " + response.statusCode() + " for product " + id);
        }
        return new BigDecimal(response.body().trim());
    }
}
