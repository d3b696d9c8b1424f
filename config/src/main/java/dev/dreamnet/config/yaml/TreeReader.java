package dev.dreamnet.config.yaml;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.HashMap;
import java.util.Map;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.events.Event;
import org.yaml.snakeyaml.events.NodeEvent;
import org.yaml.snakeyaml.events.ScalarEvent;
import org.yaml.snakeyaml.parser.Parser;
import org.yaml.snakeyaml.parser.ParserImpl;
import org.yaml.snakeyaml.reader.StreamReader;

/**
 * Builds the tree of one YAML document that passed the {@link SafetyScan} from SnakeYAML's events,
 * typing each scalar with {@link ScalarTypes} and recording the line of every setting and every
 * duplicate key. Not thread-safe; one per document.
 */
final class TreeReader {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private final Problems problems;
    private final Map<String, Integer> lines;
    private Parser parser;
    private Event last;
    private int depth;

    /** A reader that records problems in {@code problems} and the line of each setting in {@code lines}. */
    TreeReader(Problems problems, Map<String, Integer> lines) {
        this.problems = problems;
        this.lines = lines;
    }

    /** The root of the document, or null after recording why there is none. */
    JsonNode read(String text) {
        try {
            parser = new ParserImpl(new StreamReader(text), SafetyScan.loaderOptions());
            JsonNode root = node(next(), "");
            if (root == null) {
                problems.addToFile("file is empty");
                return null;
            }
            Event after = next();
            if (after != null) {
                problems.addAt(startLine(after), "", "a second YAML document; a configuration file holds one");
            }
            return root;
        } catch (Refused e) {
            return null;
        } catch (YAMLException e) {
            problems.addAt(YamlErrors.line(e, text, currentLine()), "", YamlErrors.message(e, text));
        } catch (RuntimeException e) {
            // The parser is fed untrusted text, and its bugs must not escape as anything but a problem.
            problems.addAt(currentLine(), "", "syntax error: not valid YAML");
        }
        return null;
    }

    /** The next node, or end of a list or mapping, across document markers; null at the end of the text. */
    private Event next() {
        for (Event event = parser.getEvent(); event != null; event = parser.getEvent()) {
            last = event;
            if (event instanceof NodeEvent || event.is(Event.ID.MappingEnd) || event.is(Event.ID.SequenceEnd)) {
                return event;
            }
        }
        return null;
    }

    private JsonNode value(Event event, String path) {
        JsonNode node = node(event, path);
        if (node == null) {
            throw refuse(path, "syntax error: unexpected end of the document");
        }
        return node;
    }

    /** The node {@code event} starts; null for none: at the end of the text, or where {@link ScalarTypes} sees none. */
    private JsonNode node(Event event, String path) {
        if (event == null) {
            return null;
        }
        if (event instanceof ScalarEvent scalar) {
            return scalar(scalar);
        }
        if (event.is(Event.ID.MappingStart)) {
            return mapping(path);
        }
        if (event.is(Event.ID.SequenceStart)) {
            return list(path);
        }
        // An alias, which the safety scan refuses before any tree is built.
        throw refuse(path, "not a plain value");
    }

    private JsonNode scalar(ScalarEvent scalar) {
        try {
            return ScalarTypes.node(scalar);
        } catch (ScalarTypes.Unreadable e) {
            problems.addAt(currentLine(), "", e.getMessage());
            throw new Refused();
        }
    }

    /** Counts a list or mapping opened; the safety scan refuses deeper nesting first, this guards the recursion. */
    private void enter() {
        if (++depth > YamlDocument.MAX_NESTING) {
            problems.addAt(currentLine(), "", "nested more than " + YamlDocument.MAX_NESTING + " levels deep");
            throw new Refused();
        }
    }

    private ObjectNode mapping(String path) {
        enter();
        ObjectNode mapping = NODES.objectNode();
        Map<String, Integer> firstLines = new HashMap<>();
        for (Event event = next(); !ends(event, Event.ID.MappingEnd); event = next()) {
            if (!(event instanceof ScalarEvent keyEvent)) {
                throw refuseKey(event, path);
            }
            String key = keyEvent.getValue();
            String child = YamlDocument.child(path, key);
            int line = startLine(keyEvent);
            JsonNode value = value(next(), child);
            Integer first = firstLines.putIfAbsent(key, line);
            if (first != null) {
                problems.addAt(line, child, "duplicate key (first on line " + first + ")");
            } else {
                mapping.set(key, value);
                lines.putIfAbsent(child, line);
            }
        }
        depth--;
        return mapping;
    }

    private ArrayNode list(String path) {
        enter();
        ArrayNode list = NODES.arrayNode();
        for (Event event = next(); !ends(event, Event.ID.SequenceEnd); event = next()) {
            String child = YamlDocument.element(path, list.size());
            lines.putIfAbsent(child, startLine(event));
            list.add(value(event, child));
        }
        depth--;
        return list;
    }

    private static boolean ends(Event event, Event.ID end) {
        return event != null && event.is(end);
    }

    /** A list or mapping used as a key: JSON has no such keys, and no setting is named so. */
    private Refused refuseKey(Event event, String path) {
        if (event == null) {
            return refuse(path, "syntax error: expected a key");
        }
        problems.addAt(endLine(event), "", "syntax error: a key must be a plain value, not a list or a mapping");
        return new Refused();
    }

    private Refused refuse(String path, String message) {
        problems.addAt(startLine(last), path, message);
        return new Refused();
    }

    /** The line where the parser is: the end of the last event read. */
    private int currentLine() {
        return endLine(last);
    }

    private static int startLine(Event event) {
        return event == null ? 0 : line(event.getStartMark());
    }

    private static int endLine(Event event) {
        return event == null ? 0 : line(event.getEndMark());
    }

    private static int line(Mark mark) {
        return mark == null ? 0 : mark.getLine() + 1;
    }

    /** Stops reading after a problem that is already recorded. */
    private static final class Refused extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Refused() {
            super(null, null, false, false);
        }
    }
}
