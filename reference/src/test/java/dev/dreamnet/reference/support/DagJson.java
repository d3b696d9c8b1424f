package dev.dreamnet.reference.support;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.util.LinkedHashMap;
import java.util.Map;

/** Reading the JSON of the startup-DAG and readiness endpoints, and a port nobody listens on. */
public final class DagJson {

    private DagJson() {
    }

    /** The entry called {@code name} of the array {@code field} of {@code document}. */
    public static JsonNode entry(JsonNode document, String field, String name) {
        return entry(document, field, name, "name");
    }

    /** The entry of array {@code field} whose {@code key} is {@code name}. */
    public static JsonNode entry(JsonNode document, String field, String name, String key) {
        for (JsonNode entry : document.get(field)) {
            if (entry.get(key).asText().equals(name)) {
                return entry;
            }
        }
        throw new AssertionError("no \"" + name + "\" in " + field + " of " + document);
    }

    /** Each node's name and state, in declaration order. */
    public static Map<String, String> states(JsonNode dag) {
        Map<String, String> states = new LinkedHashMap<>();
        dag.get("nodes").forEach(node -> states.put(node.get("name").asText(), node.get("state").asText()));
        return states;
    }

    /** A local TCP port that was free a moment ago: connecting to it is refused. */
    public static int closedPort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
