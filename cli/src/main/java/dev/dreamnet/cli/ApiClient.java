package dev.dreamnet.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.Map;

/**
 * A small client of the server's HTTP API for the operator commands. Every failure becomes a
 * {@link ClientException} with a one-line message an operator can act on.
 */
final class ApiClient {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    private final URI base;
    private final String token;
    private final String actor;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(3)).build();

    ApiClient(String url, String token, String actor) {
        this.base = parse(url);
        this.token = token == null || token.isBlank() ? null : token.trim();
        this.actor = actor;
    }

    JsonNode get(String path) throws ClientException {
        return send(request(path).GET().build());
    }

    JsonNode post(String path, Map<String, ?> body) throws ClientException {
        try {
            String json = JSON.writeValueAsString(body);
            return send(request(path).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(json)).build());
        } catch (IOException e) {
            throw new ClientException("cannot encode the request: " + e.getMessage());
        }
    }

    private HttpRequest.Builder request(String path) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(base.resolve(path)).timeout(TIMEOUT)
                .header("Accept", "application/json");
        if (token != null) {
            builder.header("Authorization", "Bearer " + token);
        }
        if (actor != null && !actor.isBlank()) {
            builder.header("X-Dreamnet-Actor", actor);
        }
        return builder;
    }

    private JsonNode send(HttpRequest request) throws ClientException {
        HttpResponse<String> response;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (ConnectException e) {
            throw new ClientException("cannot reach " + base + ": connection refused (is the server running? "
                    + "set --url or DREAMNET_URL)");
        } catch (HttpTimeoutException e) {
            throw new ClientException("no answer from " + base + " within " + TIMEOUT.toSeconds() + " s");
        } catch (IOException e) {
            throw new ClientException("cannot reach " + base + ": " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ClientException("interrupted");
        }
        JsonNode body = parseBody(response);
        if (response.statusCode() >= 400) {
            throw ClientException.fromServer(response.statusCode(), body);
        }
        return body;
    }

    private JsonNode parseBody(HttpResponse<String> response) throws ClientException {
        try {
            return JSON.readTree(response.body().isEmpty() ? "{}" : response.body());
        } catch (IOException e) {
            throw new ClientException(base + " answered " + response.statusCode() + " with a body that is not JSON: "
                    + "is --url pointing at a DreamNet server?");
        }
    }

    private static URI parse(String url) {
        try {
            URI uri = URI.create(url.endsWith("/") ? url : url + "/");
            if (!"http".equals(uri.getScheme()) && !"https".equals(uri.getScheme()) || uri.getHost() == null) {
                throw new IllegalArgumentException("must look like http://host:port");
            }
            if (uri.getPort() > 65535) {
                throw new IllegalArgumentException("the port must be from 1 to 65535, was " + uri.getPort());
            }
            return uri;
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("--url \"" + url + "\" is not a valid server URL: " + e.getMessage());
        }
    }
}
