package dev.dreamnet.server.flags;

import com.fasterxml.jackson.databind.JsonNode;
import dev.dreamnet.server.http.ApiException;

/** Reads the {@code reason} of an operator change from its JSON body. */
final class Reasons {

    private static final int MAX = 1000;

    private Reasons() {
    }

    static String required(JsonNode body) {
        String reason = optional(body, null);
        if (reason == null) {
            throw ApiException.badRequest("reason is required: send {\"reason\": \"why\"}");
        }
        return reason;
    }

    static String optional(JsonNode body, String fallback) {
        JsonNode reason = body == null ? null : body.get("reason");
        if (reason == null || reason.isNull()) {
            return fallback;
        }
        if (!reason.isTextual() || reason.asText().isBlank() || reason.asText().length() > MAX) {
            throw ApiException.badRequest("reason must be a non-empty string of at most " + MAX + " characters");
        }
        return reason.asText();
    }
}
