package dev.dreamnet.reference.provider;

import com.fasterxml.jackson.databind.JsonNode;
import dev.dreamnet.core.retry.RetryAfterException;
import dev.dreamnet.core.time.Clock;
import dev.dreamnet.javalin.http.Json;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;

/**
 * Calls the external interpretation provider (the seed's system called an LLM): {@code POST
 * {baseUrl}/v1/interpret} with a dream, expecting {@code {"interpretation": "..."}}. Classifies
 * failures so the retry policy can tell them apart: 429 and 503 with {@code Retry-After} become
 * {@link RetryAfterException}, other 5xx, timeouts and connection errors {@link ProviderUnavailableException},
 * other 4xx {@link ProviderRejectedException} (never retried). Thread-safe.
 */
public final class ProviderClient {

    private final URI interpretUrl;
    private final Duration timeout;
    private final HttpClient http;
    private final Clock clock;

    public ProviderClient(URI baseUrl, Duration timeout, Clock clock) {
        this.clock = clock;
        String base = baseUrl.toString();
        this.interpretUrl = URI.create((base.endsWith("/") ? base : base + "/") + "v1/interpret");
        this.timeout = timeout;
        this.http = HttpClient.newBuilder().connectTimeout(timeout).build();
    }

    public URI url() {
        return interpretUrl;
    }

    /** Asks the provider to interpret a dream; throws a classified exception on any failure. */
    public String interpret(String title, String body) throws IOException, InterruptedException {
        return interpret(title, body, timeout);
    }

    /** As {@link #interpret(String, String)}, waiting no longer than {@code timeLeft} (nor the client's timeout). */
    public String interpret(String title, String body, Duration timeLeft) throws IOException, InterruptedException {
        if (timeLeft.isNegative() || timeLeft.isZero()) {
            throw new ProviderUnavailableException("no time left to call the provider before the deadline");
        }
        HttpResponse<String> response = send(title, body, timeLeft.compareTo(timeout) < 0 ? timeLeft : timeout);
        int status = response.statusCode();
        if (status == 200) {
            return parse(response.body());
        }
        String reason = "provider answered " + status;
        if (status == 429 || status == 503) {
            Duration retryAfter = RetryAfter.parse(response.headers().firstValue("Retry-After").orElse(null),
                    clock.now());
            if (retryAfter != null) {
                throw new RetryAfterException(reason + " with Retry-After " + retryAfter.toSeconds() + "s", retryAfter);
            }
        }
        if (status >= 500 || status == 429) {
            throw new ProviderUnavailableException(reason);
        }
        throw new ProviderRejectedException(reason);
    }

    private HttpResponse<String> send(String title, String body, Duration wait)
            throws IOException, InterruptedException {
        try {
            String json = Json.MAPPER.writeValueAsString(Map.of("title", title, "body", body == null ? "" : body));
            HttpRequest request = HttpRequest.newBuilder(interpretUrl).timeout(wait)
                    .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json)).build();
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new ProviderUnavailableException("provider unreachable: " + describe(e));
        }
    }

    private static String parse(String body) {
        try {
            JsonNode json = Json.MAPPER.readTree(body);
            JsonNode text = json == null ? null : json.get("interpretation");
            if (text == null || !text.isTextual()) {
                throw new ProviderRejectedException("provider answered 200 without an \"interpretation\" string");
            }
            return text.asText();
        } catch (IOException e) {
            throw new ProviderRejectedException("provider answered 200 with a body that is not JSON");
        }
    }

    private static String describe(IOException e) {
        String message = e.getMessage();
        return e.getClass().getSimpleName() + (message == null ? "" : ": " + message);
    }
}
