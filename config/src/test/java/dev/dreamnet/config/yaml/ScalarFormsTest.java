package dev.dreamnet.config.yaml;

import static dev.dreamnet.config.yaml.YamlDocumentTest.problems;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every scalar form reads as it did when YAML was read through jackson-dataformat-yaml 2.23: the
 * expectations below are that reader's output, recorded before it was replaced by the reader over
 * SnakeYAML's events (a seeded comparison of both readers on 1.7 million generated documents found
 * no difference). A change here changes what existing configuration files mean.
 */
class ScalarFormsTest {

    static Stream<Arguments> forms() {
        return Stream.of(
                // decimal integers: int, long or BigInteger by the length written (a plus sign counts)
                arguments("5", "int 5"),
                arguments("+5", "int 5"),
                arguments("-5", "int -5"),
                arguments("0", "int 0"),
                arguments("-0", "int 0"),
                arguments("1_000", "int 1000"),
                arguments("-1_000", "int -1000"),
                arguments("+1_000", "int 1000"),
                arguments("1__", "int 1"),
                arguments("2147483647", "int 2147483647"),
                arguments("2147483648", "long 2147483648"),
                arguments("-2147483648", "int -2147483648"),
                arguments("-2147483649", "long -2147483649"),
                arguments("+123456789", "int 123456789"),
                arguments("+1234567890", "long 1234567890"),
                arguments("9223372036854775807", "long 9223372036854775807"),
                arguments("9223372036854775808", "BigInteger 9223372036854775808"),
                arguments("-9223372036854775808", "long -9223372036854775808"),
                arguments("+1000000000000000000", "BigInteger 1000000000000000000"),
                arguments("99999999999999999999", "BigInteger 99999999999999999999"),
                // octal: a leading zero, no 0o
                arguments("017", "int 15"),
                arguments("-017", "int -15"),
                arguments("0_17", "int 15"),
                arguments("00", "int 0"),
                arguments("07777777777", "int 1073741823"),
                arguments("017777777777", "long 2147483647"),
                arguments("000000000001", "long 1"),
                arguments("0o17", "string \"0o17\""),
                // hexadecimal and binary: lower-case prefix only; eight hex or 32 binary digits make a long
                // unless the number is below the largest int
                arguments("0x1F", "int 31"),
                arguments("-0x1F", "int -31"),
                arguments("0x_1F", "int 31"),
                arguments("0X1F", "string \"0X1F\""),
                arguments("0x0000001", "int 1"),
                arguments("0x00000001", "int 1"),
                arguments("0x7FFFFFFF", "long 2147483647"),
                arguments("0x80000000", "long 2147483648"),
                arguments("-0x80000000", "int -2147483648"),
                arguments("0x000000001", "long 1"),
                arguments("0x7FFFFFFFFFFFFFF", "long 576460752303423487"),
                arguments("0x0000000000000001", "BigInteger 1"),
                arguments("0b101", "int 5"),
                arguments("-0b101", "int -5"),
                arguments("0b1111111111111111111111111111111", "int 2147483647"),
                arguments("0b01111111111111111111111111111111", "long 2147483647"),
                // sexagesimal integers and time-like text stay strings; a sexagesimal float is refused
                arguments("1:30", "string \"1:30\""),
                arguments("190:20:30", "string \"190:20:30\""),
                arguments("12:30:00", "string \"12:30:00\""),
                // floating point
                arguments("1.5", "double 1.5"),
                arguments("+1.5", "double 1.5"),
                arguments("-1.5", "double -1.5"),
                arguments("1.", "double 1.0"),
                arguments(".5", "double 0.5"),
                arguments("+.5", "double 0.5"),
                arguments("1e5", "double 100000.0"),
                arguments("1E5", "double 100000.0"),
                arguments("1.5e-3", "double 0.0015"),
                arguments("1_000.5", "double 1000.5"),
                arguments("1e999", "double Infinity"),
                arguments("-0.0", "double -0.0"),
                arguments("08", "string \"08\""),
                arguments("08.5", "double 8.5"),
                arguments(".inf", "double Infinity"),
                arguments(".Inf", "double Infinity"),
                arguments(".INF", "double Infinity"),
                arguments("-.inf", "double -Infinity"),
                arguments("+.inf", "double Infinity"),
                arguments(".iNf", "string \".iNf\""),
                arguments(".nan", "double NaN"),
                arguments(".NaN", "double NaN"),
                arguments("-.nan", "string \"-.nan\""),
                // booleans: YAML 1.1 words in three cases; y and n are strings unless tagged
                arguments("true", "boolean true"),
                arguments("True", "boolean true"),
                arguments("TRUE", "boolean true"),
                arguments("false", "boolean false"),
                arguments("yes", "boolean true"),
                arguments("Yes", "boolean true"),
                arguments("NO", "boolean false"),
                arguments("on", "boolean true"),
                arguments("ON", "boolean true"),
                arguments("off", "boolean false"),
                arguments("Off", "boolean false"),
                arguments("y", "string \"y\""),
                arguments("N", "string \"N\""),
                arguments("tRUE", "string \"tRUE\""),
                // null, empty and quoted
                arguments("null", "null"),
                arguments("Null", "null"),
                arguments("NULL", "null"),
                arguments("~", "null"),
                arguments("nULL", "string \"nULL\""),
                arguments("", "string \"\""),
                arguments("''", "string \"\""),
                arguments("\"\"", "string \"\""),
                arguments("'5'", "string \"5\""),
                arguments("\"true\"", "string \"true\""),
                arguments("'null'", "string \"null\""),
                arguments("|\n  5", "string \"5\n\""),
                arguments(">\n  true", "string \"true\n\""),
                arguments("2024-01-01", "string \"2024-01-01\""),
                arguments("2024-01-01T10:00:00Z", "string \"2024-01-01T10:00:00Z\""),
                arguments("<<", "string \"<<\""),
                arguments("=", "string \"=\""),
                // explicit tags
                arguments("!!str 5", "string \"5\""),
                arguments("!!str true", "string \"true\""),
                arguments("!!str ~", "string \"~\""),
                arguments("!!str", "string \"\""),
                arguments("!!int '7'", "int 7"),
                arguments("!!int \"0x1F\"", "int 31"),
                arguments("!!int 5.5", "string \"5.5\""),
                arguments("!!int abc", "string \"abc\""),
                arguments("!!int \" 5\"", "string \" 5\""),
                arguments("!!int 1_2", "int 12"),
                arguments("!!int", "string \"\""),
                arguments("!!int ''", "string \"\""),
                arguments("!!float 1", "double 1.0"),
                arguments("!!float '1.5'", "double 1.5"),
                arguments("!!float '-.inf'", "double -Infinity"),
                arguments("!!float Infinity", "double Infinity"),
                arguments("!!float 0x1p3", "double 8.0"),
                arguments("!!float \" 1.5 \"", "double 1.5"),
                arguments("!!float +1_5", "double 15.0"),
                arguments("!!float ''", "string \"\""),
                arguments("!!bool yes", "boolean true"),
                arguments("!!bool y", "boolean true"),
                arguments("!!bool N", "boolean false"),
                arguments("!!bool TrUe", "boolean true"),
                arguments("!!bool maybe", "string \"maybe\""),
                arguments("!!bool", "string \"\""),
                arguments("!!null x", "null"),
                arguments("!!null ~", "null"),
                arguments("!!null", "string \"\""),
                arguments("!!seq x", "string \"x\""),
                arguments("!!map x", "string \"x\""),
                arguments("!<tag:yaml.org,2002:int> 0x10", "int 16"));
    }

    @ParameterizedTest(name = "a: {0} -> {1}")
    @MethodSource("forms")
    void readsEachScalarFormAsBefore(String value, String expected) throws ConfigException {
        JsonNode node = YamlDocument.parse("f.yaml", "a: " + value + "\n").root().get("a");

        assertThat(typed(node)).isEqualTo(expected);
    }

    static Stream<Arguments> notNumbers() {
        return Stream.of(
                arguments("1:30.5", "f.yaml:1: syntax error: Malformed numeric value '1:30.5'"),
                arguments("!!int _", "f.yaml:1: syntax error: Invalid number ('_')"),
                arguments("!!int -_", "f.yaml:1: syntax error: Invalid number ('-_')"),
                arguments("!!int 0x", "f.yaml:1: syntax error: Invalid base-16 number (''), "
                        + "problem: For input string: \"\" under radix 16"),
                arguments("!!int 0b12", "f.yaml:1: syntax error: Invalid base-2 number ('12'), "
                        + "problem: For input string: \"12\" under radix 2"),
                arguments("!!int 09", "f.yaml:1: syntax error: Invalid base-8 number ('9'), "
                        + "problem: For input string: \"9\" under radix 8"),
                arguments("!!int 0xZZ", "f.yaml:1: syntax error: Invalid base-16 number ('ZZ'), "
                        + "problem: For input string: \"ZZ\" under radix 16"),
                arguments("!!float abc", "f.yaml:1: syntax error: Malformed numeric value 'abc'"),
                arguments("!!float 1:30", "f.yaml:1: syntax error: Malformed numeric value '1:30'"));
    }

    @ParameterizedTest(name = "a: {0}")
    @MethodSource("notNumbers")
    void refusesANumberThatIsNoneWithTheSameProblemAsBefore(String value, String expected) {
        assertThat(problems(() -> YamlDocument.parse("f.yaml", "a: " + value + "\n"))).isEqualTo(expected);
    }

    @Test
    void aNumberOfMoreThanAThousandCharactersIsRefusedAndTheMinusSignCounts() throws ConfigException {
        String digits = "9".repeat(1000);

        assertThat(YamlDocument.parse("f.yaml", "a: " + digits).root().get("a").isBigInteger()).isTrue();
        assertThat(problems(() -> YamlDocument.parse("f.yaml", "a: 9" + digits)))
                .isEqualTo("f.yaml:1: Number value length (1001) exceeds the maximum allowed");
        assertThat(problems(() -> YamlDocument.parse("f.yaml", "a: -" + digits)))
                .isEqualTo("f.yaml:1: Number value length (1001) exceeds the maximum allowed");
        assertThat(problems(() -> YamlDocument.parse("f.yaml", "a: 1." + digits)))
                .isEqualTo("f.yaml:1: Number value length (1002) exceeds the maximum allowed");
    }

    /** Kept as the reader before had it, which took a lone sign tagged !!int for the end of the document. */
    @Test
    void aLoneSignTaggedIntIsNoValue() {
        assertThat(problems(() -> YamlDocument.parse("f.yaml", "!!int +"))).isEqualTo("f.yaml: file is empty");
        assertThat(problems(() -> YamlDocument.parse("f.yaml", "a: 1\nb: [x, !!int '-']")))
                .isEqualTo("f.yaml:2: b[1]: syntax error: unexpected end of the document");
    }

    @Test
    void aKeyIsTheTextOfItsScalarNeverTyped() throws ConfigException {
        YamlDocument document = YamlDocument.parse("f.yaml",
                "!!int 5: a\n~: b\nnull: c\n'': d\n1.5: e\nyes: f\n0x1F: g\n!!str true: h\n? |\n  block\n: i\n");

        List<String> keys = new ArrayList<>();
        document.root().fieldNames().forEachRemaining(keys::add);

        assertThat(keys).containsExactly("5", "~", "null", "", "1.5", "yes", "0x1F", "true", "block\n");
        assertThat(document.root().get("block\n").textValue()).isEqualTo("i");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("listOrMappingKeys")
    void refusesAListOrMappingAsAKey(String yaml, int line) {
        assertThat(problems(() -> YamlDocument.parse("f.yaml", yaml)))
                .isEqualTo("f.yaml:" + line + ": syntax error: a key must be a plain value, not a list or a mapping");
    }

    static Stream<Arguments> listOrMappingKeys() {
        return Stream.of(arguments("[a]: x", 1), arguments("{a: 1}: x", 1), arguments("? {a: 1}\n: x", 1),
                arguments("a: 1\n? - b\n: x", 2), arguments("list:\n  - [a]: 1\n", 2));
    }

    @Test
    void locatesKeysOfFlowMappingsExplicitKeysAndNestedListsOnTheirOwnLines() throws ConfigException {
        YamlDocument document = YamlDocument.parse("f.yaml",
                "a: [1,\n  2]\n? b\n: 3\n\"c\": {d: 4,\n  e: 5}\nf:\n\n  - g\n  -\n    h: 6\n  - - 7\n    - 8\n");

        assertThat(document.lines()).containsExactlyInAnyOrderEntriesOf(Map.ofEntries(
                Map.entry("a", 1), Map.entry("a[0]", 1), Map.entry("a[1]", 2), Map.entry("b", 3), Map.entry("c", 5),
                Map.entry("c.d", 5), Map.entry("c.e", 6), Map.entry("f", 7), Map.entry("f[0]", 9),
                Map.entry("f[1]", 11), Map.entry("f[1].h", 11), Map.entry("f[2]", 12), Map.entry("f[2][0]", 12),
                Map.entry("f[2][1]", 13)));
    }

    /** The node's Java type and value: {@code int 5}, {@code long 5}, {@code string "5"}, {@code null}. */
    private static String typed(JsonNode node) {
        if (node.isNull()) {
            return "null";
        }
        if (node.isTextual()) {
            return "string \"" + node.textValue() + "\"";
        }
        if (node.isDouble()) {
            return "double " + node.doubleValue();
        }
        String type = node.isInt() ? "int" : node.isLong() ? "long" : node.isBigInteger() ? "BigInteger"
                : node.isBoolean() ? "boolean" : node.getNodeType().toString();
        return type + " " + node.asText();
    }
}
