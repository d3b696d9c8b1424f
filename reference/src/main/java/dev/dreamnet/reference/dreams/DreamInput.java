package dev.dreamnet.reference.dreams;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Iterator;
import java.util.Set;

/** A validated request to create a dream. Validation errors name the field. Immutable. */
record DreamInput(String title, String body) {

    static final int MAX_TITLE = 200;
    static final int MAX_BODY = 4000;
    private static final Set<String> FIELDS = Set.of("title", "body");

    /** Reads and validates a request body; throws {@link IllegalArgumentException} naming the field. */
    static DreamInput from(JsonNode json) {
        if (json == null || !json.isObject()) {
            throw new IllegalArgumentException("body must be a JSON object such as {\"title\": \"...\"}");
        }
        for (Iterator<String> names = json.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!FIELDS.contains(name)) {
                throw new IllegalArgumentException("unknown field \"" + name + "\" (allowed: title, body)");
            }
        }
        String title = text(json, "title", MAX_TITLE, true);
        String body = text(json, "body", MAX_BODY, false);
        return new DreamInput(title, body);
    }

    private static String text(JsonNode json, String field, int max, boolean required) {
        JsonNode node = json.get(field);
        if (node == null || node.isNull()) {
            if (required) {
                throw new IllegalArgumentException(field + " is required");
            }
            return null;
        }
        if (!node.isTextual()) {
            throw new IllegalArgumentException(field + " must be a string");
        }
        String value = node.asText();
        if (value.indexOf('\0') >= 0) {
            // PostgreSQL cannot store it: without this check the request failed as "database unavailable".
            throw new IllegalArgumentException(field + " must not contain the NUL character (\\u0000)");
        }
        if (required && value.isBlank()) {
            throw new IllegalArgumentException(field + " must not be blank");
        }
        if (value.length() > max) {
            throw new IllegalArgumentException(field + " must be at most " + max + " characters, was " + value.length());
        }
        return value;
    }
}
