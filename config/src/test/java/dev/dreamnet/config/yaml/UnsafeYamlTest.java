package dev.dreamnet.config.yaml;

import static dev.dreamnet.config.yaml.YamlDocumentTest.problems;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Unsafe YAML is refused before any tree is built, with one clear line; nothing in it runs or expands. */
class UnsafeYamlTest {

    private static final String NOT_ALLOWED = " is not allowed: configuration holds plain values only";
    private static final String NO_ANCHORS = " is not allowed: anchors and aliases are not supported; "
            + "write each value out in full";

    static Stream<Arguments> unsafe() {
        return Stream.of(
                arguments("a: !!java.lang.Runtime x", "f.yaml:1: a: tag \"!!java.lang.Runtime\"" + NOT_ALLOWED),
                arguments("a: !!javax.script.ScriptEngineManager [!!java.net.URLClassLoader [[!!java.net.URL [\"http://x\"]]]]",
                        "f.yaml:1: a: tag \"!!javax.script.ScriptEngineManager\"" + NOT_ALLOWED),
                arguments("a: !!python/object/apply:os.system [ls]",
                        "f.yaml:1: a: tag \"!!python/object/apply:os.system\"" + NOT_ALLOWED),
                arguments("a:\n  b: !foo {c: 1}", "f.yaml:2: a.b: tag \"!foo\"" + NOT_ALLOWED),
                arguments("list:\n  - ok\n  - !custom x", "f.yaml:3: list[1]: tag \"!custom\"" + NOT_ALLOWED),
                arguments("!!java.lang.Runtime key: 1", "f.yaml:1: key: tag \"!!java.lang.Runtime\"" + NOT_ALLOWED),
                arguments("a: !!binary aGVsbG8=", "f.yaml:1: a: tag \"!!binary\"" + NOT_ALLOWED),
                arguments("a: !!timestamp 2024-01-01", "f.yaml:1: a: tag \"!!timestamp\"" + NOT_ALLOWED),
                arguments("!!set {a, b}", "f.yaml:1: tag \"!!set\"" + NOT_ALLOWED),
                arguments("a: ! x", "f.yaml:1: a: tag \"!\"" + NOT_ALLOWED),
                arguments("%TAG !e! tag:example.com,2000:\n---\na: !e!x 1",
                        "f.yaml:3: a: tag \"tag:example.com,2000:x\"" + NOT_ALLOWED),
                arguments("a: &x 1\nb: *x", "f.yaml:1: a: anchor \"&x\"" + NO_ANCHORS),
                arguments("a: *x", "f.yaml:1: a: alias \"*x\"" + NO_ANCHORS),
                arguments("a: &loop [*loop]", "f.yaml:1: a: anchor \"&loop\"" + NO_ANCHORS),
                arguments("base: {a: 1}\nmerged:\n  <<: *base", "f.yaml:3: merged.<<: alias \"*base\"" + NO_ANCHORS));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("unsafe")
    void refusesTagsAnchorsAndAliases(String yaml, String expected) {
        assertThat(problems(() -> YamlDocument.parse("f.yaml", yaml))).isEqualTo(expected);
    }

    @Test
    void acceptsYamlsOwnTagsForPlainValues() throws ConfigException {
        YamlDocument document = YamlDocument.parse("f.yaml", "a: !!str 5\nb: !!int '7'\nc: !!map {d: !!bool true}\n"
                + "e: !!seq [!!float 1.5, !!null ~]\n");

        assertThat(document.root().toString()).isEqualTo("{\"a\":\"5\",\"b\":7,\"c\":{\"d\":true},\"e\":[1.5,null]}");
    }

    @Test
    void refusesTheBillionLaughsAtItsFirstAnchor() {
        StringBuilder bomb = new StringBuilder("a: &a [\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\"]\n");
        for (char name = 'b'; name <= 'i'; name++) {
            String previous = "*" + (char) (name - 1);
            bomb.append(name).append(": &").append(name).append(" [")
                    .append(IntStream.range(0, 9).mapToObj(i -> previous).collect(Collectors.joining(","))).append("]\n");
        }

        assertThat(problems(() -> YamlDocument.parse("bomb.yaml", bomb.toString())))
                .isEqualTo("bomb.yaml:1: a: anchor \"&a\"" + NO_ANCHORS);
    }

    @Test
    void refusesATwoMegabyteDocumentBeforeParsingIt() {
        String huge = "a: [" + "1, ".repeat(YamlDocument.MAX_BYTES * 2 / 3) + "1]\n";

        assertThat(problems(() -> YamlDocument.parse("big.yaml", huge)))
                .isEqualTo("big.yaml: file is larger than 1 MB; refusing to read it");
    }

    @Test
    void refusesAThousandNestedFlowLists() {
        String deep = "[".repeat(1_000) + "]".repeat(1_000);

        assertThat(problems(() -> YamlDocument.parse("deep.yaml", deep)))
                .isEqualTo("deep.yaml:1: nested more than 64 levels deep");
    }

    @Test
    void refusesAThousandNestedBlockMappings() {
        String deep = IntStream.range(0, 1_000).mapToObj(i -> " ".repeat(i) + "a:").collect(Collectors.joining("\n"));

        assertThat(problems(() -> YamlDocument.parse("deep.yaml", deep)))
                .isEqualTo("deep.yaml:65: nested more than 64 levels deep");
    }

    @Test
    void acceptsNestingUpToTheLimit() throws ConfigException {
        String deep = "[".repeat(YamlDocument.MAX_NESTING) + "]".repeat(YamlDocument.MAX_NESTING);

        assertThat(YamlDocument.parse("deep.yaml", deep).root().isArray()).isTrue();
    }
}
