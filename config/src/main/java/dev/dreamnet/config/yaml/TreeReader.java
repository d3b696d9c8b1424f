package dev.dreamnet.config.yaml;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;
import dev.dreamnet.config.internal.ParserText;
import java.io.IOException;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Streams the tokens of one YAML document that passed the {@link SafetyScan} into a tree,
 * recording the line of every setting and every duplicate key. Not thread-safe; one per document.
 */
final class TreeReader {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final YAMLFactory FACTORY = YAMLFactory.builder()
            .loaderOptions(SafetyScan.loaderOptions())
            // Duplicates are reported here, with the line of the first one, and reading goes on.
            .disable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(YamlDocument.MAX_NESTING).build())
            .build();

    private final Problems problems;
    private final Map<String, Integer> lines;
    private YAMLParser parser;

    /** A reader that records problems in {@code problems} and the line of each setting in {@code lines}. */
    TreeReader(Problems problems, Map<String, Integer> lines) {
        this.problems = problems;
        this.lines = lines;
    }

    /** The root of the document, or null after recording why there is none. */
    JsonNode read(String text) {
        try (YAMLParser yaml = FACTORY.createParser(text)) {
            parser = yaml;
            JsonToken first = parser.nextToken();
            if (first == null) {
                problems.addToFile("file is empty");
                return null;
            }
            JsonNode root = value(first, "");
            if (parser.nextToken() != null) {
                problems.addAt(tokenLine(), "", "a second YAML document; a configuration file holds one");
            }
            return root;
        } catch (Refused e) {
            return null;
        } catch (StreamConstraintsException e) {
            String message = e.getOriginalMessage();
            problems.addAt(currentLine(), "", message != null && message.startsWith("Document nesting depth")
                    ? "nested more than " + YamlDocument.MAX_NESTING + " levels deep"
                    : ParserText.shorten(message, "too large"));
        } catch (JsonProcessingException e) {
            problems.addAt(YamlErrors.line(e, text, currentLine()), "", YamlErrors.message(e, text));
        } catch (IOException e) {
            problems.addToFile("cannot read: " + ParserText.shorten(e.getMessage(), "I/O error"));
        } catch (RuntimeException e) {
            // The parsers are fed untrusted text, and their bugs must not escape as anything but a problem.
            problems.addAt(currentLine(), "", "syntax error: not valid YAML");
        }
        return null;
    }

    private JsonNode value(JsonToken token, String path) throws IOException {
        if (token == null) {
            throw refuse(path, "syntax error: unexpected end of the document");
        }
        return switch (token) {
            case START_OBJECT -> mapping(path);
            case START_ARRAY -> list(path);
            case VALUE_STRING -> NODES.textNode(parser.getText());
            case VALUE_NUMBER_INT -> integer();
            case VALUE_NUMBER_FLOAT -> NODES.numberNode(floatingPoint(parser.getText()));
            case VALUE_TRUE, VALUE_FALSE -> NODES.booleanNode(token == JsonToken.VALUE_TRUE);
            case VALUE_NULL -> NODES.nullNode();
            default -> throw refuse(path, "not a plain value");
        };
    }

    private JsonNode integer() throws IOException {
        return switch (parser.getNumberType()) {
            case INT -> NODES.numberNode(parser.getIntValue());
            case LONG -> NODES.numberNode(parser.getLongValue());
            default -> NODES.numberNode(parser.getBigIntegerValue());
        };
    }

    /** YAML's own spellings of infinity and not-a-number, which Jackson does not read, else Jackson's. */
    private double floatingPoint(String text) throws IOException {
        String lower = text.toLowerCase(Locale.ROOT);
        if (lower.equals(".nan")) {
            return Double.NaN;
        }
        if (lower.endsWith(".inf")) {
            return lower.startsWith("-") ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY;
        }
        return parser.getDoubleValue();
    }

    private ObjectNode mapping(String path) throws IOException {
        ObjectNode mapping = NODES.objectNode();
        Map<String, Integer> firstLines = new HashMap<>();
        for (JsonToken token = parser.nextToken(); token != JsonToken.END_OBJECT; token = parser.nextToken()) {
            if (token != JsonToken.FIELD_NAME) {
                throw refuse(path, "syntax error: expected a key");
            }
            String key = parser.currentName();
            String child = YamlDocument.child(path, key);
            int line = tokenLine();
            JsonNode value = value(parser.nextToken(), child);
            Integer first = firstLines.putIfAbsent(key, line);
            if (first != null) {
                problems.addAt(line, child, "duplicate key (first on line " + first + ")");
            } else {
                mapping.set(key, value);
                lines.putIfAbsent(child, line);
            }
        }
        return mapping;
    }

    private ArrayNode list(String path) throws IOException {
        ArrayNode list = NODES.arrayNode();
        for (JsonToken token = parser.nextToken(); token != JsonToken.END_ARRAY; token = parser.nextToken()) {
            String child = YamlDocument.element(path, list.size());
            lines.putIfAbsent(child, tokenLine());
            list.add(value(token, child));
        }
        return list;
    }

    private Refused refuse(String path, String message) {
        problems.addAt(tokenLine(), path, message);
        return new Refused();
    }

    private int tokenLine() {
        return Math.max(0, parser.currentTokenLocation().getLineNr());
    }

    private int currentLine() {
        return parser == null ? 0 : Math.max(0, parser.currentLocation().getLineNr());
    }

    /** Stops reading after an unsafe construct, whose problem is already recorded. */
    private static final class Refused extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Refused() {
            super(null, null, false, false);
        }
    }
}
