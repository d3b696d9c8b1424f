package dev.dreamnet.config.yaml;

import static dev.dreamnet.config.yaml.YamlDocumentTest.problems;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import dev.dreamnet.core.retry.Backoff;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class SectionTest {

    private static final String DURATIONS = "\"500ms\", \"30s\", \"2m\", \"1h\" or \"PT30S\"";
    private static final Map<String, String> WINDOWS = Map.of("count", "COUNT", "time", "TIME");

    static Stream<Arguments> wrongValues() {
        return Stream.of(
                wrong("name: 5", s -> s.string("name"), "f.yaml:1: name: must be a string, was 5"),
                wrong("on: maybe", s -> s.bool("on"), "f.yaml:1: on: must be true or false, was \"maybe\""),
                wrong("n: 0", s -> s.integer("n", 1, 100), "f.yaml:1: n: must be a whole number between 1 and 100, was 0"),
                wrong("n: 2.5", s -> s.integer("n", 1, 100), "f.yaml:1: n: must be a whole number between 1 and 100, was 2.5"),
                wrong("n: '5'", s -> s.integer("n", 1, 100), "f.yaml:1: n: must be a whole number between 1 and 100, was \"5\""),
                wrong("n: 99999999999", s -> s.integer("n", 0, Integer.MAX_VALUE),
                        "f.yaml:1: n: must be a whole number >= 0, was 99999999999"),
                wrong("r: 1.5", s -> s.number("r", 0, 1), "f.yaml:1: r: must be a number between 0 and 1, was 1.5"),
                wrong("r: .nan", s -> s.number("r", 0, 1), "f.yaml:1: r: must be a number between 0 and 1, was NaN"),
                wrong("p: 0", Section::percentage, "p", "f.yaml:1: p: must be a percentage > 0 and <= 100, was 0"),
                wrong("p: 100.5", Section::percentage, "p", "f.yaml:1: p: must be a percentage > 0 and <= 100, was 100.5"),
                wrong("t: 0s", s -> s.duration("t", Duration.ofDays(1)), "f.yaml:1: t: must be > 0, was 0s"),
                wrong("t: -5s", s -> s.duration("t", Duration.ofDays(1)), "f.yaml:1: t: must be > 0, was -5s"),
                wrong("t: 48h", s -> s.duration("t", Duration.ofDays(1)), "f.yaml:1: t: must be at most 24h, was 48h"),
                wrong("t: 30", s -> s.duration("t", Duration.ofDays(1)),
                        "f.yaml:1: t: must have a unit, such as \"30s\" or \"500ms\", was 30"),
                wrong("t: 30 seconds", s -> s.duration("t", Duration.ofDays(1)),
                        "f.yaml:1: t: must be a duration such as " + DURATIONS + ", was \"30 seconds\""),
                wrong("t: [30s]", s -> s.duration("t", Duration.ofDays(1)),
                        "f.yaml:1: t: must be a duration such as " + DURATIONS + ", was a list"),
                wrong("l: x", s -> s.strings("l"), "f.yaml:1: l: must be a list of strings, was \"x\""),
                wrong("l:\n  - a\n  - 1\n  - {b: c}", s -> s.strings("l"),
                        "f.yaml:3: l[1]: must be a string, was 1\nf.yaml:4: l[2]: must be a string, was a mapping"),
                wrong("j: ful", s -> s.enumValue("j", Backoff.Jitter.class), "f.yaml:1: j: must be one of "
                        + "\"decorrelated\", \"equal\", \"full\" or \"none\", was \"ful\" (did you mean \"full\"?)"),
                wrong("w: sliding", s -> s.oneOf("w", WINDOWS), "f.yaml:1: w: must be one of \"count\" or \"time\", was \"sliding\""),
                wrong("w: 5", s -> s.oneOf("w", WINDOWS), "f.yaml:1: w: must be one of \"count\" or \"time\", was 5"),
                wrong("w: ~", s -> s.oneOf("w", WINDOWS), "f.yaml:1: w: has no value; give one or leave the setting out"),
                wrong("s: 5", s -> present(s.section("s")), "f.yaml:1: s: must be a mapping of settings, was 5"),
                wrong("s: [a]", s -> present(s.section("s")), "f.yaml:1: s: must be a mapping of settings, was a list"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("wrongValues")
    void wrongValueIsOneProblemNamingThePathAndWhatWasExpected(String yaml, Function<Section, Optional<?>> getter,
                                                              String expected) {
        assertThat(problems(() -> {
            Problems problems = problemsOf(yaml);
            Section root = Section.root(YamlDocument.parse("f.yaml", yaml), problems);
            assertThat(getter.apply(root)).isEmpty();
            problems.throwIfAny();
        })).isEqualTo(expected);
    }

    @Test
    void gettersReturnValidValues() throws ConfigException {
        Section root = root("s: x\nb: false\nn: 7\nr: 0.25\np: 100\nt: 1500ms\nl: [a, b]\nj: equal\nw: time\n");

        assertThat(root.string("s")).hasValue("x");
        assertThat(root.bool("b")).hasValue(false);
        assertThat(root.integer("n", 1, 7)).hasValue(7);
        assertThat(root.number("r", 0, 1)).hasValue(0.25);
        assertThat(root.percentage("p")).hasValue(100.0);
        assertThat(root.duration("t", Duration.ofSeconds(2))).hasValue(Duration.ofMillis(1500));
        assertThat(root.strings("l")).hasValue(List.of("a", "b"));
        assertThat(root.enumValue("j", Backoff.Jitter.class)).hasValue(Backoff.Jitter.EQUAL);
        assertThat(root.oneOf("w", WINDOWS)).hasValue("TIME");
        assertThat(root.string("absent")).isEmpty();
    }

    @Test
    void aKeyWithNoValueIsAnEmptySection() throws ConfigException {
        Section root = root("queue:\nother: {}\n");

        assertThat(root.section("queue").isPresent()).isTrue();
        assertThat(root.section("queue").keys()).isEmpty();
        assertThat(root.section("other").isPresent()).isTrue();
        assertThat(root.section("missing").isPresent()).isFalse();
        assertThat(root.section("missing").path()).isEqualTo("missing");
    }

    @Test
    void unknownKeysAreReportedWithTheClosestKnownOne() {
        assertThat(problems(() -> {
            String yaml = "breaker:\n  resetTimout: 1s\n  colour: blue\n";
            Problems problems = problemsOf(yaml);
            Section.root(YamlDocument.parse("f.yaml", yaml), problems).section("breaker")
                    .allowOnly(List.of("resetTimeout", "window"));
            problems.throwIfAny();
        })).isEqualTo("f.yaml:2: breaker.resetTimout: unknown setting (did you mean \"resetTimeout\"?)\n"
                + "f.yaml:3: breaker.colour: unknown setting (known: resetTimeout, window)");
    }

    @Test
    void everyProblemIsCollectedBeforeAnyIsThrownInFileOrder() {
        assertThat(problems(() -> {
            String yaml = "a: x\nnested:\n  b: 0\nc: 5\n";
            Problems problems = problemsOf(yaml);
            Section root = Section.root(YamlDocument.parse("f.yaml", yaml), problems);
            root.integer("c", 1, 3);
            root.section("nested").integer("b", 1, 3);
            root.integer("a", 1, 3);
            root.require("missing");
            root.section("nested").section("deeper").problem("inner", "is wrong");
            problems.throwIfAny();
        })).isEqualTo("""
                f.yaml: missing required setting "missing"
                f.yaml:1: a: must be a whole number between 1 and 3, was "x"
                f.yaml:2: nested.deeper.inner: is wrong
                f.yaml:3: nested.b: must be a whole number between 1 and 3, was 0
                f.yaml:4: c: must be a whole number between 1 and 3, was 5""");
    }

    @Test
    void aTopLevelListIsNotASectionOfSettings() {
        assertThat(problems(() -> {
            Problems problems = problemsOf("- a\n- b\n");
            assertThat(Section.root(YamlDocument.parse("f.yaml", "- a\n- b\n"), problems).isPresent()).isFalse();
            problems.throwIfAny();
        })).isEqualTo("f.yaml: must be a mapping of settings, was a list");
    }

    private static Optional<Section> present(Section section) {
        return section.isPresent() ? Optional.of(section) : Optional.empty();
    }

    private static Section root(String yaml) throws ConfigException {
        YamlDocument document = YamlDocument.parse("f.yaml", yaml);
        return Section.root(document, new Problems(document));
    }

    private static Problems problemsOf(String yaml) throws ConfigException {
        return new Problems(YamlDocument.parse("f.yaml", yaml));
    }

    private static Arguments wrong(String yaml, Function<Section, Optional<?>> getter, String expected) {
        return arguments(yaml, getter, expected);
    }

    private static Arguments wrong(String yaml, PercentageGetter getter, String key, String expected) {
        return arguments(yaml, (Function<Section, Optional<?>>) section -> getter.read(section, key), expected);
    }

    /** {@code Section::percentage}, as a method reference. */
    private interface PercentageGetter {
        Optional<Double> read(Section section, String key);
    }
}
