package dev.dreamnet.javalin.http;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import java.util.List;

/**
 * Says in the client's terms why a request body is not acceptable JSON: where (line, column, field) and what,
 * never Jackson's class or feature names. Stateless.
 */
final class JsonErrors {

    /** Where Jackson's own wording turns to its internals (settings, sources, features); cut there. */
    private static final List<String> INTERNALS = List.of(" (start marker at", ": enable `", " (not recognized as one",
            " (for ", "\n", " at [Source");

    private JsonErrors() {
    }

    static String describe(JsonProcessingException e) {
        if (e instanceof StreamConstraintsException) {
            return "body is over a limit of this server: nesting depth at most " + Json.LIMITS.getMaxNestingDepth()
                    + " levels, strings of at most " + Json.LIMITS.getMaxStringLength() + " characters, numbers"
                    + " of at most " + Json.LIMITS.getMaxNumberLength() + " digits";
        }
        JsonStreamContext context = context(e);
        if (e instanceof MismatchedInputException && context != null) {
            // The two checks reading a tree can fail: a field given twice (the parser stands on its second value),
            // or a value after the value (the parser stands on its first token).
            return context.inObject() && context.getCurrentName() != null
                    ? "body is not valid JSON: field \"" + FieldPath.of(context) + "\" appears more than once"
                    : "body is not valid JSON: " + where(e, null) + ": more follows the JSON value";
        }
        String what = e instanceof JsonParseException ? plain(e.getOriginalMessage()) : "not JSON";
        return "body is not valid JSON: " + where(e, context) + ": " + what;
    }

    private static String where(JsonProcessingException e, JsonStreamContext context) {
        JsonLocation location = e.getLocation();
        String at = location == null ? "at an unknown place"
                : "line " + location.getLineNr() + ", column " + location.getColumnNr();
        String field = context == null ? "" : FieldPath.of(context);
        return field.isEmpty() ? at : at + " (in \"" + field + "\")";
    }

    private static JsonStreamContext context(JsonProcessingException e) {
        return e.getProcessor() instanceof JsonParser parser ? parser.getParsingContext() : null;
    }

    private static String plain(String message) {
        String plain = message == null ? "" : message;
        for (String marker : INTERNALS) {
            int cut = plain.indexOf(marker);
            if (cut > 0) {
                plain = plain.substring(0, cut);
            }
        }
        return plain.isBlank() || plain.contains("`") ? "not JSON" : plain;
    }
}
