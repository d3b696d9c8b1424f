package dev.dreamnet.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * A small client of the server's HTTP API for the operator commands: the Javalin plugin's {@code /api/...}, or, when
 * the URL ends in {@code /actuator}, a Spring Boot application's {@code dreamnet} actuator endpoint
 * ({@link ActuatorPaths}). Every failure becomes a {@link ClientException} with a one-line message an operator can
 * act on, and so does a success that is not DreamNet's: each command names the fields its answer always has, and an
 * answer without them (an empty body, {@code {}} from some other server) is refused, never printed as an empty state.
 */
final class ApiClient {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration TIMEOUT = Duration.ofSeconds(10);
    /** The largest answer read: DreamNet's biggest (the audit log, a fleet's summary) is far smaller. */
    static final int MAX_BODY = 8 * 1024 * 1024;

    private final URI base;
    /** Whether {@link #base} is a Spring Boot application's actuator ({@link ActuatorPaths}). */
    private final boolean actuator;
    private final String token;
    private final String actor;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(3)).build();

    /** {@code token} and {@code actor} as {@link HeaderValues} checked them: null when not to be sent. */
    ApiClient(String url, String token, String actor) {
        this.base = parse(url);
        this.actuator = base.getPath().endsWith("/actuator/");
        this.token = token;
        this.actor = actor;
    }

    /**
     * Reads {@code path} of the Javalin plugin's API, or the same view on a Spring Boot actuator: a JSON object with
     * each of {@code fields}, which both always send.
     */
    JsonNode get(String path, List<String> fields) throws ClientException {
        return send(request(actuator ? ActuatorPaths.read(path) : path).GET().build(), fields);
    }

    /**
     * Posts {@code body} to {@code path} of the Javalin plugin's API, or does the same on a Spring Boot actuator; the
     * answer is a JSON object with each of {@code fields}, which both always send.
     */
    JsonNode post(String path, Map<String, ?> body, List<String> fields) throws ClientException {
        ActuatorPaths.Request write = actuator ? ActuatorPaths.write(path, body)
                : new ActuatorPaths.Request(path, body);
        if (write.delete()) {
            return send(request(write.path()).DELETE().build(), fields);
        }
        try {
            String json = JSON.writeValueAsString(write.body());
            return send(request(write.path()).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(json)).build(), fields);
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
        if (actor != null) {
            builder.header("X-Dreamnet-Actor", actor);
        }
        return builder;
    }

    private JsonNode send(HttpRequest request, List<String> fields) throws ClientException {
        HttpResponse<InputStream> response;
        String text;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.ofInputStream());
            text = read(response);
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
        int status = response.statusCode();
        if (status >= 300 && status < 400) {
            throw new ClientException(base + " answered " + status + ", a redirect"
                    + response.headers().firstValue("Location").map(to -> " to " + to).orElse("")
                    + ": DreamNet's API does not redirect, so nothing was done; set --url to the server itself");
        }
        return answer(request, status, text, fields);
    }

    /** The answer's JSON when it is DreamNet's document with {@code fields}; otherwise why not, naming the request. */
    private JsonNode answer(HttpRequest request, int status, String text, List<String> fields) throws ClientException {
        String requested = request.method() + " " + request.uri();
        JsonNode body = json(text);
        if (status >= 400) {
            throw ClientException.fromServer(requested, status, body, elsewhere());
        }
        String notDreamNet = body == null ? "with a body that is not JSON"
                : text.isEmpty() ? "with an empty body"
                : !body.isObject() ? "with JSON that is not an object"
                : missing(body, fields);
        if (notDreamNet != null) {
            throw new ClientException(requested + " answered " + status + " " + notDreamNet
                    + ": is --url pointing at a DreamNet server?");
        }
        return body;
    }

    /** "without "health", "mode"" when {@code body} lacks any of {@code fields}; null when it has them all. */
    private static String missing(JsonNode body, List<String> fields) {
        List<String> missing = fields.stream().filter(field -> !body.has(field)).map(field -> "\"" + field + "\"")
                .toList();
        return missing.isEmpty() ? null : "without " + String.join(", ", missing);
    }

    /** Where DreamNet's API may be, when something other than DreamNet answered 404. */
    private String elsewhere() {
        return actuator
                ? "is DreamNet's starter there, with its dreamnet endpoint exposed "
                + "(management.endpoints.web.exposure.include=...,dreamnet)?"
                : "for a Spring Boot application, --url ends in /actuator (e.g. " + base.resolve("actuator") + ")";
    }

    /** The body, read to at most {@value #MAX_BODY} bytes: a server that sends more is not a DreamNet server. */
    private String read(HttpResponse<InputStream> response) throws IOException, ClientException {
        try (InputStream in = response.body()) {
            byte[] body = in.readNBytes(MAX_BODY + 1);
            if (body.length > MAX_BODY) {
                throw new ClientException(base + " answered with more than " + MAX_BODY / (1024 * 1024)
                        + " MiB: is --url pointing at a DreamNet server?");
            }
            return new String(body, StandardCharsets.UTF_8);
        }
    }

    /** {@code text} as JSON made {@link #printable}, an empty body as {@code {}}, or null when it is not JSON. */
    private static JsonNode json(String text) {
        try {
            return printable(JSON.readTree(text.isEmpty() ? "{}" : text));
        } catch (IOException e) {
            return null;
        }
    }

    /**
     * {@code node} with every control character in its names and texts shown as {@code \\u001B}: what a server
     * answers is printed on an operator's terminal, where an escape sequence would clear the screen or forge lines.
     */
    static JsonNode printable(JsonNode node) {
        if (node.isTextual()) {
            String text = node.asText();
            return text.chars().anyMatch(Character::isISOControl) ? JSON.getNodeFactory().textNode(visible(text)) : node;
        }
        if (node.isArray()) {
            var array = JSON.createArrayNode();
            node.forEach(element -> array.add(printable(element)));
            return array;
        }
        if (node.isObject()) {
            var object = JSON.createObjectNode();
            node.fields().forEachRemaining(field -> object.set(visible(field.getKey()), printable(field.getValue())));
            return object;
        }
        return node;
    }

    /** {@code text} with every control character shown as {@code \\u001B}, to print it on a terminal. */
    static String visible(String text) {
        StringBuilder shown = new StringBuilder(text.length());
        text.chars().forEach(c -> shown.append(Character.isISOControl(c) ? String.format("\\u%04X", c) : (char) c));
        return shown.toString();
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
