package dev.dreamnet.spring.autoconfigure;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** Whether a request body is one flat JSON object with known fields, as every write of the {@code dreamnet} endpoint takes. */
final class JsonBody {

    private static final JsonFactory JSON = new JsonFactory();
    private static final int LONGEST_CAUSE = 120;

    private JsonBody() {
    }

    /**
     * What is wrong with {@code body} as one JSON object whose fields are among {@code fields} (any, when null), each
     * a single value (not an object or an array); null when nothing is wrong (or the body is empty).
     */
    static @Nullable String problem(byte[] body, @Nullable List<String> fields) {
        try (JsonParser parser = JSON.createParser(body)) {
            JsonToken first = parser.nextToken();
            if (first == null) {
                return null; // no body: the operation says which fields it needs
            }
            if (first != JsonToken.START_OBJECT) {
                return "the body must be a JSON object ({\"field\": value, ...}), not " + kind(first);
            }
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String field = shortened(parser.currentName());
                if (fields != null && !fields.contains(field)) {
                    return "unknown field \"" + field + "\" (known: "
                            + (fields.isEmpty() ? "none, this operation takes no body" : String.join(", ", fields)) + ")";
                }
                JsonToken value = parser.nextToken();
                if (value.isStructStart()) {
                    return "field \"" + field + "\" must be a single value, not " + kind(value);
                }
            }
            if (parser.nextToken() != null) {
                return "the body must be one JSON object, but more follows it" + at(parser.currentTokenLocation());
            }
            return null;
        } catch (JsonProcessingException e) {
            return "the body is not valid JSON: " + cause(e.getOriginalMessage()) + at(e.getLocation());
        } catch (IOException e) {
            return "the body could not be read: " + e.getMessage();
        }
    }

    private static String shortened(String text) {
        return text.length() > LONGEST_CAUSE ? text.substring(0, LONGEST_CAUSE) + "..." : text;
    }

    private static String kind(JsonToken token) {
        return switch (token) {
            case START_OBJECT -> "an object";
            case START_ARRAY -> "an array";
            case VALUE_STRING -> "a string";
            case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> "a number";
            case VALUE_TRUE, VALUE_FALSE -> "a boolean";
            case VALUE_NULL -> "null";
            default -> token.asString() == null ? token.name() : token.asString();
        };
    }

    /** Jackson's message without the parser's own location and source, which {@link #at} says more plainly. */
    private static String cause(@Nullable String message) {
        if (message == null) {
            return "unreadable";
        }
        String cause = message.lines().findFirst().orElse(message);
        int marker = cause.indexOf(" (start marker");
        if (marker > 0) {
            cause = cause.substring(0, marker);
        }
        return shortened(cause);
    }

    private static String at(@Nullable JsonLocation location) {
        return location == null || location.getLineNr() < 0 ? ""
                : " (line " + location.getLineNr() + ", column " + location.getColumnNr() + ")";
    }
}
