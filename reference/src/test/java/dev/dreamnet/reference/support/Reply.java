package dev.dreamnet.reference.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.UncheckedIOException;
import java.io.IOException;
import java.util.List;
import java.util.Map;

/** One HTTP response as a test sees it: status, headers and body. Immutable. */
public record Reply(int status, Map<String, List<String>> headers, String body) {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** The first value of header {@code name} (case-insensitive), or null. */
    public String header(String name) {
        return headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name))
                .map(e -> e.getValue().get(0)).findFirst().orElse(null);
    }

    /** The body parsed as JSON. */
    public JsonNode json() {
        try {
            return JSON.readTree(body);
        } catch (IOException e) {
            throw new UncheckedIOException("not JSON (status " + status + "): " + body, e);
        }
    }

    /** The text of JSON field {@code field}, or null when it is absent. */
    public String text(String field) {
        JsonNode node = json().get(field);
        return node == null ? null : node.asText();
    }
}
