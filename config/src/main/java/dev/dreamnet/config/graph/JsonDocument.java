package dev.dreamnet.config.graph;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.dreamnet.config.internal.ParserText;
import java.io.IOException;

/**
 * Reads one JSON document into a tree, strictly: duplicate keys, trailing content and nesting
 * deeper than {@link #MAX_NESTING} are errors. A syntax error becomes one problem located as
 * {@code line L, column C}, worded without parser internals. Thread-safe.
 */
final class JsonDocument {

    /** Far more than a graph file needs (it uses five levels), far less than a stack can take. */
    static final int MAX_NESTING = 64;

    private static final ObjectMapper MAPPER = new ObjectMapper(JsonFactory.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(MAX_NESTING).build())
            .build());

    /** Opens a parser over the text to read, from the factory given. */
    interface Opener {
        JsonParser open(JsonFactory factory) throws IOException;
    }

    private JsonDocument() {
    }

    /** Returns the root of the document, or null after recording in {@code problems} why there is none. */
    static JsonNode read(Opener opener, Problems problems) {
        try (JsonParser parser = opener.open(MAPPER.getFactory())) {
            return read(parser, problems);
        } catch (IOException e) {
            problems.add(null, null, "cannot read file: " + (e.getMessage() == null ? "I/O error" : e.getMessage()));
            return null;
        }
    }

    private static JsonNode read(JsonParser parser, Problems problems) throws IOException {
        try {
            JsonNode root = MAPPER.readTree(parser);
            if (root == null) {
                problems.add(null, null, "file is empty");
            } else if (parser.nextToken() != null) {
                problems.add(null, place(parser.currentTokenLocation()),
                        "unexpected content after the end of the JSON document");
                return null;
            }
            return root;
        } catch (StreamConstraintsException e) {
            problems.add(null, place(parser.currentLocation()), tooBig(e.getOriginalMessage()));
        } catch (JsonProcessingException e) {
            JsonLocation location = e.getLocation() != null ? e.getLocation() : parser.currentLocation();
            problems.add(null, place(location), shorten(e.getOriginalMessage()));
        }
        return null;
    }

    private static String place(JsonLocation location) {
        return "line " + location.getLineNr() + ", column " + location.getColumnNr();
    }

    private static String tooBig(String message) {
        return message.startsWith("Document nesting depth")
                ? "nested more than " + MAX_NESTING + " levels deep"
                : shorten(message);
    }

    private static String shorten(String message) {
        return ParserText.shorten(message, "not valid JSON");
    }
}
