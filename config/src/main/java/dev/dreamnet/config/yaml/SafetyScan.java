package dev.dreamnet.config.yaml;

import dev.dreamnet.config.internal.Text;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Set;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.events.AliasEvent;
import org.yaml.snakeyaml.events.CollectionStartEvent;
import org.yaml.snakeyaml.events.Event;
import org.yaml.snakeyaml.events.NodeEvent;
import org.yaml.snakeyaml.events.ScalarEvent;
import org.yaml.snakeyaml.parser.Parser;
import org.yaml.snakeyaml.parser.ParserImpl;
import org.yaml.snakeyaml.reader.StreamReader;

/**
 * Checks, over SnakeYAML's events and before anything is built, that a text is one plain YAML
 * document: no anchor or alias anywhere (so no alias bomb), no tag but YAML's own scalar, list
 * and mapping tags (so no {@code !!java.lang.Runtime}), no nesting deeper than
 * {@link YamlDocument#MAX_NESTING}. Records the first such problem, or the syntax error, with
 * its line and path. Not thread-safe; one per text.
 */
final class SafetyScan {

    static final String YAML_TAG = "tag:yaml.org,2002:";
    private static final Set<String> PLAIN_TAGS = Set.of(YAML_TAG + "str", YAML_TAG + "int", YAML_TAG + "float",
            YAML_TAG + "bool", YAML_TAG + "null", YAML_TAG + "map", YAML_TAG + "seq");
    private static final String NO_ANCHORS = " is not allowed: anchors and aliases are not supported; "
            + "write each value out in full";

    private final Problems problems;
    private final Deque<Frame> frames = new ArrayDeque<>();
    private int documents;
    private int lastLine;

    private SafetyScan(Problems problems) {
        this.problems = problems;
    }

    /** Records in {@code problems} why {@code text} is not plain, well-formed YAML, if it is not. */
    static void check(String text, Problems problems) {
        new SafetyScan(problems).scan(text);
    }

    /**
     * SnakeYAML's own limits as well, as a second line of defence: the code-point limit applies
     * here; the others guard SnakeYAML's object construction, which nothing here uses.
     */
    static LoaderOptions loaderOptions() {
        LoaderOptions options = new LoaderOptions();
        options.setMaxAliasesForCollections(10);
        options.setAllowRecursiveKeys(false);
        options.setCodePointLimit(YamlDocument.MAX_BYTES);
        options.setNestingDepthLimit(YamlDocument.MAX_NESTING);
        options.setAllowDuplicateKeys(false);
        options.setTagInspector(tag -> false);
        return options;
    }

    private void scan(String text) {
        try {
            Parser parser = new ParserImpl(new StreamReader(text), loaderOptions());
            while (parser.peekEvent() != null && !parser.checkEvent(Event.ID.StreamEnd)) {
                if (!accept(parser.getEvent())) {
                    return;
                }
            }
        } catch (YAMLException e) {
            problems.addAt(YamlErrors.line(e, text, lastLine), "", YamlErrors.message(e, text));
        } catch (RuntimeException e) {
            // SnakeYAML has bugs of its own on broken input: "\x" at the very end throws NumberFormatException.
            problems.addAt(lastLine, "", "syntax error: not valid YAML");
        }
    }

    /** Returns false after recording a problem that ends the scan. */
    private boolean accept(Event event) {
        int line = event.getStartMark() == null ? lastLine : event.getStartMark().getLine() + 1;
        lastLine = line;
        if (event.is(Event.ID.DocumentStart) && ++documents > 1) {
            return refuse(line, "", "a second YAML document; a configuration file holds one");
        }
        if (event.is(Event.ID.MappingEnd) || event.is(Event.ID.SequenceEnd)) {
            frames.pop();
        }
        if (!(event instanceof NodeEvent node)) {
            return true;
        }
        String path = place(event);
        if (event instanceof AliasEvent) {
            return refuse(line, path, "alias \"*" + Text.clip(node.getAnchor()) + "\"" + NO_ANCHORS);
        }
        if (node.getAnchor() != null) {
            return refuse(line, path, "anchor \"&" + Text.clip(node.getAnchor()) + "\"" + NO_ANCHORS);
        }
        String tag = event instanceof ScalarEvent scalar ? scalar.getTag() : ((CollectionStartEvent) event).getTag();
        if (tag != null && !PLAIN_TAGS.contains(tag)) {
            String shown = tag.startsWith(YAML_TAG) ? "!!" + tag.substring(YAML_TAG.length()) : tag;
            return refuse(line, path, "tag \"" + Text.clip(shown) + "\" is not allowed: "
                    + "configuration holds plain values only");
        }
        if (event instanceof CollectionStartEvent) {
            frames.push(new Frame(path, event.is(Event.ID.MappingStart)));
            if (frames.size() > YamlDocument.MAX_NESTING) {
                return refuse(line, "", "nested more than " + YamlDocument.MAX_NESTING + " levels deep");
            }
        }
        return true;
    }

    /** The path of the node {@code event} starts, advancing the enclosing list or mapping. */
    private String place(Event event) {
        Frame parent = frames.peek();
        if (parent == null) {
            return "";
        }
        if (!parent.mapping) {
            return YamlDocument.element(parent.path, parent.size++);
        }
        if (parent.atKey) {
            parent.key = event instanceof ScalarEvent scalar ? scalar.getValue() : "";
        }
        parent.atKey = !parent.atKey;
        return parent.key.isEmpty() ? parent.path : YamlDocument.child(parent.path, parent.key);
    }

    private boolean refuse(int line, String path, String message) {
        problems.addAt(line, path, message);
        return false;
    }

    /** An open list or mapping: its path, and where it is in its entries. */
    private static final class Frame {
        final String path;
        final boolean mapping;
        boolean atKey = true;
        String key = "";
        int size;

        Frame(String path, boolean mapping) {
            this.path = path;
            this.mapping = mapping;
        }
    }
}
