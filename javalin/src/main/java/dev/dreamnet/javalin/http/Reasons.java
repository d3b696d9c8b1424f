package dev.dreamnet.javalin.http;

import com.fasterxml.jackson.databind.JsonNode;
import dev.dreamnet.runtime.audit.AuditReason;
import io.javalin.http.Context;

/** Reads the optional JSON body of an admin write and the {@code reason} in it, for the audit log. */
public final class Reasons {

    private Reasons() {
    }

    /** The request's JSON body, or null when it has none. */
    public static JsonNode body(Context ctx) {
        return ctx.body().isBlank() ? null : Json.body(ctx);
    }

    /**
     * The request's JSON body, or null when it has none; a body that is not an object, or that has a field other than
     * {@code fields}, is a 400 naming it: a misspelt {@code "Reason"} would otherwise be dropped unseen, and the change
     * audited with a default reason.
     */
    public static JsonNode body(Context ctx, String... fields) {
        JsonNode body = body(ctx);
        if (body == null) {
            return null;
        }
        if (!body.isObject()) {
            throw ApiException.badRequest("body must be a JSON object with " + String.join(", ", fields));
        }
        java.util.List<String> known = java.util.List.of(fields);
        body.fieldNames().forEachRemaining(field -> {
            if (!known.contains(field)) {
                throw ApiException.badRequest("unknown field \"" + field + "\" (known: " + String.join(", ", fields)
                        + ")");
            }
        });
        return body;
    }

    public static String required(JsonNode body) {
        String reason = optional(body, null);
        if (reason == null) {
            throw ApiException.badRequest("reason is required: send {\"reason\": \"why\"}");
        }
        return reason;
    }

    public static String optional(JsonNode body, String fallback) {
        JsonNode reason = body == null ? null : body.get("reason");
        if (reason == null || reason.isNull()) {
            return fallback;
        }
        if (!reason.isTextual()) {
            throw ApiException.badRequest("reason must be a string, was " + reason.getNodeType().toString()
                    .toLowerCase(java.util.Locale.ROOT));
        }
        try {
            return AuditReason.check(reason.asText());
        } catch (IllegalArgumentException e) {
            throw ApiException.badRequest(e.getMessage());
        }
    }
}
