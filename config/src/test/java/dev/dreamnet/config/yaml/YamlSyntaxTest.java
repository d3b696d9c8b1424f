package dev.dreamnet.config.yaml;

import static dev.dreamnet.config.yaml.YamlDocumentTest.problems;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Text that is not one well-formed YAML document fails with {@code FILE:LINE: ...} lines, never a parser's dump. */
class YamlSyntaxTest {

    static Stream<Arguments> malformed() {
        return Stream.of(
                arguments("", "f.yaml: file is empty"),
                arguments("# only a comment\n", "f.yaml: file is empty"),
                arguments("a:\n\tb: 1", "f.yaml:2: syntax error: tab character; indent with spaces"),
                arguments("a: 1\n   b: 2", "f.yaml:2: syntax error: mapping values are not allowed here"),
                arguments("a: b: c", "f.yaml:1: syntax error: mapping values are not allowed here"),
                arguments("a:\n  b: 1\n c: 2", "f.yaml:3: syntax error: indentation does not match the lines above"),
                arguments("a:\n  - x\n - y", "f.yaml:3: syntax error: indentation does not match the lines above"),
                arguments("  a: 1\nb: 2", "f.yaml:2: syntax error: indentation does not match the lines above"),
                arguments("a: 1\nb\nc: 2", "f.yaml:2: syntax error: missing ':' after a key"),
                arguments("a: [1, 2\nb: 3", "f.yaml:2: syntax error: expected ',' or ']', but got : "
                        + "(while parsing a flow sequence that starts on line 1)"),
                arguments("a: \"open\nb: 1", "f.yaml:2: syntax error: found unexpected end of stream "
                        + "(while scanning a quoted scalar that starts on line 1)"),
                arguments("a: \"bad \\q\"", "f.yaml:1: syntax error: found unknown escape character q(113)"),
                arguments("? [a]\n: 1", "f.yaml:1: syntax error: a key must be a plain value, not a list or a mapping"),
                arguments("x: 1\ny: \u0007", "f.yaml:2: syntax error: character U+0007 is not allowed"),
                arguments("a: 1\n---\nb: 2", "f.yaml:2: a second YAML document; a configuration file holds one"),
                arguments("a: 1\nb: 2\na: 3", "f.yaml:3: a: duplicate key (first on line 1)"),
                arguments("a:\n  x: 1\n  x: 2\nb: {y: 1, y: 2}", "f.yaml:3: a.x: duplicate key (first on line 2)\n"
                        + "f.yaml:4: b.y: duplicate key (first on line 4)"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("malformed")
    void reportsOneLinePerProblem(String yaml, String expected) {
        assertThat(problems(() -> YamlDocument.parse("f.yaml", yaml))).isEqualTo(expected);
    }

    /** A 5,000-character key was reported as "missing ':' after a key" or "mapping values are not allowed here". */
    @ParameterizedTest(name = "{0}")
    @MethodSource("longKeys")
    void aKeyLongerThanTheParserAcceptsIsSaidInThoseWords(String shape, String yaml, int line) {
        String withLongKey = yaml.replace("KEY", "k".repeat(5_000));

        assertThat(problems(() -> YamlDocument.parse("f.yaml", withLongKey)))
                .isEqualTo("f.yaml:" + line + ": key is longer than 1024 characters");
    }

    static Stream<Arguments> longKeys() {
        return Stream.of(
                arguments("top level", "KEY: 1\n", 1),
                arguments("block mapping", "flags:\n  KEY:\n    enabled: true\n", 2),
                arguments("quoted", "flags:\n  \"KEY\": {enabled: true}\n", 2),
                arguments("flow mapping", "flags:\n  x: {enabled: true}\n  y: {KEY: true}\n", 3),
                arguments("flow mapping after its first line", "flags:\n  x: {enabled: true}\n  KEY: {enabled: true}\n", 3));
    }

    @Test
    void aKeyOfExactlyTheLimitIsAccepted() throws ConfigException {
        YamlDocument document = YamlDocument.parse("f.yaml", "k".repeat(1000) + ": 1\n");

        assertThat(document.root().size()).isEqualTo(1);
    }

    /** Regression: a quoted string ending in {@code \x} at the end of the text made SnakeYAML throw NumberFormatException. */
    @Test
    void escapeCutShortAtTheEndIsASyntaxErrorNotACrash() {
        assertThat(problems(() -> YamlDocument.parse("f.yaml", "a: 1\nb: \"c\\x"))).isEqualTo("f.yaml:2: syntax error: not valid YAML");
    }
}
