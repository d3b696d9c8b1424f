package dev.dreamnet.config.yaml;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.dreamnet.config.internal.ParserText;
import java.util.List;
import java.util.Locale;
import org.yaml.snakeyaml.events.ScalarEvent;
import org.yaml.snakeyaml.nodes.NodeId;
import org.yaml.snakeyaml.nodes.Tag;
import org.yaml.snakeyaml.resolver.Resolver;

/**
 * Types each scalar of a document as the reader built on jackson-dataformat-yaml 2.x did, so that
 * every file means what it meant before: an empty value is an empty string; a plain scalar is typed
 * by YAML 1.1's implicit tags (SnakeYAML's {@link Resolver}: {@code yes} and {@code off} are
 * booleans, {@code 017} is octal, {@code 1:30} stays a string); a quoted or block scalar is a string;
 * YAML's own explicit tags ({@code !!str 5}, {@code !!int '7'}) are honoured. Stateless and
 * thread-safe.
 */
final class ScalarTypes {

    /** The longest number read, in characters, as Jackson's default stream constraints allowed. */
    static final int MAX_NUMBER_LENGTH = 1000;

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final Resolver RESOLVER = new Resolver();
    private static final List<String> TRUE = List.of("true", "yes", "on", "y");
    private static final List<String> FALSE = List.of("false", "no", "off", "n");

    private ScalarTypes() {
    }

    /**
     * The value of {@code scalar}: a text, number, boolean or null node; or null, for no value at
     * all, when it is a lone sign tagged {@code !!int}: the reader before took that for the end of the
     * document, so it is "file is empty" at the top and "unexpected end of the document" below.
     */
    static JsonNode node(ScalarEvent scalar) throws Unreadable {
        String value = scalar.getValue();
        if (value.isEmpty()) {
            return NODES.textNode(value);
        }
        String tag = scalar.getTag();
        if (tag == null || tag.equals("!")) {
            return implicit(value, scalar.getImplicit().canOmitTagInPlainScalar());
        }
        return explicit(tag.startsWith(SafetyScan.YAML_TAG) ? tag.substring(SafetyScan.YAML_TAG.length()) : tag, value);
    }

    private static JsonNode implicit(String value, boolean plain) throws Unreadable {
        Tag tag = RESOLVER.resolve(NodeId.scalar, value, plain);
        if (tag.equals(Tag.INT)) {
            return IntegerScalars.node(value);
        }
        if (tag.equals(Tag.FLOAT)) {
            return floatingPoint(value);
        }
        if (tag.equals(Tag.BOOL)) {
            return bool(value);
        }
        // Timestamps, "<<" and everything else YAML 1.1 names are strings, as before.
        return tag.equals(Tag.NULL) ? NODES.nullNode() : NODES.textNode(value);
    }

    private static JsonNode explicit(String type, String value) throws Unreadable {
        return switch (type) {
            case "int" -> IntegerScalars.node(value);
            case "float" -> floatingPoint(value);
            case "bool" -> bool(value);
            case "null" -> NODES.nullNode();
            default -> NODES.textNode(value);
        };
    }

    /** A YAML 1.1 boolean word in any case ({@code !!bool Y} too); any other word stays a string. */
    private static JsonNode bool(String value) {
        if (TRUE.stream().anyMatch(value::equalsIgnoreCase)) {
            return NODES.booleanNode(true);
        }
        return FALSE.stream().anyMatch(value::equalsIgnoreCase) ? NODES.booleanNode(false) : NODES.textNode(value);
    }

    /** {@code .nan} and anything ending in {@code .inf}, in any case; else what Java reads without underscores. */
    private static JsonNode floatingPoint(String value) throws Unreadable {
        String lower = value.toLowerCase(Locale.ROOT);
        if (lower.equals(".nan")) {
            return NODES.numberNode(Double.NaN);
        }
        if (lower.endsWith(".inf")) {
            return NODES.numberNode(lower.startsWith("-") ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY);
        }
        String number = value.indexOf('_') < 0 ? value : withoutUnderscores(value);
        checkLength(number);
        try {
            return NODES.numberNode(Double.parseDouble(number));
        } catch (NumberFormatException e) {
            throw Unreadable.syntax("Malformed numeric value '" + value + "'");
        }
    }

    /** {@code value} without its underscores and without a leading plus sign. */
    static String withoutUnderscores(String value) {
        StringBuilder digits = new StringBuilder(value.length());
        for (int i = value.startsWith("+") ? 1 : 0; i < value.length(); i++) {
            if (value.charAt(i) != '_') {
                digits.append(value.charAt(i));
            }
        }
        return digits.toString();
    }

    static void checkLength(String number) throws Unreadable {
        if (number.length() > MAX_NUMBER_LENGTH) {
            throw new Unreadable("Number value length (" + number.length() + ") exceeds the maximum allowed");
        }
    }

    /**
     * A scalar whose tag makes it a number but whose text is none, or a number too long: the problem
     * of the whole file, worded as before, to be located at the end of the scalar.
     */
    static final class Unreadable extends Exception {

        private static final long serialVersionUID = 1L;

        Unreadable(String problem) {
            super(problem, null, false, false);
        }

        static Unreadable syntax(String detail) {
            return new Unreadable("syntax error: " + ParserText.shorten(detail, "not valid YAML"));
        }
    }
}
