package dev.dreamnet.reference.queues;

import com.fasterxml.jackson.databind.JsonNode;
import dev.dreamnet.core.queue.QueueMessage;
import dev.dreamnet.javalin.http.Json;
import java.io.IOException;
import java.util.Map;

/**
 * The reference service's dream events: one event per accepted dream, payload {@code {"dreamId": 42}},
 * fanned out by the relay to one queue per agent ({@code dream-events.citadel},
 * {@code dream-events.dronedome}), so each agent sees every dream at its own pace and a quarantined
 * agent's queue simply grows until it is released.
 */
public final class DreamEvents {

    public static final String PREFIX = "dream-events.";

    /** The queue {@code agent} consumes. */
    public static String queueFor(String agent) {
        return PREFIX + agent;
    }

    private DreamEvents() {
    }

    public static byte[] payload(long dreamId) {
        try {
            return Json.MAPPER.writeValueAsBytes(Map.of("dreamId", dreamId));
        } catch (IOException e) {
            throw new IllegalStateException("cannot write a dream event", e);
        }
    }

    /** The dream an event names; a payload that is not an event is the message's error. */
    public static long dreamId(QueueMessage message) {
        JsonNode id;
        try {
            id = Json.MAPPER.readTree(message.payload()).path("dreamId");
        } catch (IOException e) {
            throw new IllegalArgumentException("not a dream event (expected {\"dreamId\": N}): " + preview(message));
        }
        if (!id.canConvertToExactIntegral() || id.asLong() <= 0) {
            throw new IllegalArgumentException("not a dream event (expected {\"dreamId\": N}): " + preview(message));
        }
        return id.asLong();
    }

    private static String preview(QueueMessage message) {
        String text = message.text();
        return text.length() > 80 ? text.substring(0, 80) + "..." : text;
    }
}
