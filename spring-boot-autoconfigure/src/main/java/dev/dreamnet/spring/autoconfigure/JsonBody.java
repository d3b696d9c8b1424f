package dev.dreamnet.spring.autoconfigure;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadFeature;
import java.io.IOException;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/** Whether a request body is one flat JSON object with known fields, as every write of the {@code dreamnet} endpoint takes. */
final class JsonBody {

    private static final JsonFactory JSON = JsonFactory.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION).build();
    /** Fields whose value is JSON's {@code true} or {@code false}: the text {@code "true"} is not guessed at. */
    private static final Set<String> BOOLEANS = Set.of("enabled", "autoPromote", "autoRollback");
    /** Fields whose value is text: a number or a boolean there is a mistake, not a name. */
    private static final Set<String> TEXTS = Set.of("reason", "action", "name", "bakeTime", "window", "maxP99");
    private static final int LONGEST_CAUSE = 120;

    private JsonBody() {
    }

    /**
     * What is wrong with {@code body} as one JSON object whose fields are among {@code fields} (any, when null), each
     * once, each a single value (not an object or an array) of its type (a boolean for {@code enabled}, text for
     * {@code reason}, ...); null when nothing is wrong (or the body is empty).
     */
    static @Nullable String problem(byte[] body, @Nullable List<String> fields) {
        try (JsonParser parser = JSON.createParser(body)) {
            JsonToken first = parser.nextToken();
            if (first == null) {
                // No body: the operation says which fields it needs. Blanks alone got Spring's bare 400.
                return body.length == 0 ? null : "the body is blank: send one JSON object ({\"field\": value, ...})";
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
                String wrongType = wrongType(field, value);
                if (wrongType != null) {
                    return wrongType;
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

    /** What is wrong with {@code value} as the value of {@code field}, by its JSON type; null when nothing is. */
    private static @Nullable String wrongType(String field, JsonToken value) {
        if (value == JsonToken.VALUE_NULL) {
            return null; // as absent: the operation says whether it needs the field
        }
        if (BOOLEANS.contains(field) && !value.isBoolean()) {
            return field + ": must be true or false (JSON's own, without quotes), not " + kind(value);
        }
        if (TEXTS.contains(field) && value != JsonToken.VALUE_STRING) {
            return field + ": must be a string, not " + kind(value);
        }
        return null;
    }

    /** {@code text} cut to 120 characters for an error message (the JSON answer escapes what it must). */
    static String shortened(String text) {
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
