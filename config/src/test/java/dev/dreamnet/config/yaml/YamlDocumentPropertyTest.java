package dev.dreamnet.config.yaml;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Random;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/**
 * Whatever text it is given, the reader returns a document or throws a {@link ConfigException} of
 * one-line problems free of parser internals; never any other exception. Inputs come from a
 * seeded generator, so a failure names the seed that reproduces it.
 */
class YamlDocumentPropertyTest {

    private static final int TRIES = 1_000;
    private static final String YAML_CHARS = "ab:-[]{},'\"!&*?|>#%@`~.0123456789eE_+ \t\n\r\\\u0000\u0085\u2028\uFEFF\uD800é";
    private static final List<String> TOKENS = List.of("a: ", "b:", "- ", "  ", "\n", "[", "]", "{", "}", ", ", "&x ",
            "*x", "!!str ", "!!int ", "!!float ", "!foo ", "!!java.lang.Runtime ", "---\n", "...\n", "? ", "'", "\"",
            "|\n", ">-\n", "~", "null", ".nan", "-.inf", "0x1F", "0o17", "0b101", "1_000", "1e999", "99999999999999999999",
            "yes", "no", "2024-01-01", "12:30:00", "<<: ", "%YAML 1.1\n", "%TAG !e! tag:e.com:\n", "!e!x ", "#c\n",
            "\t", "\\u0001", "\\x", "é", "\uD83D\uDE00");

    @Test
    void randomCharactersReadOrFailWithCleanProblems() {
        forEachSeed(random -> {
            StringBuilder text = new StringBuilder();
            for (int i = random.nextInt(60); i > 0; i--) {
                text.append(YAML_CHARS.charAt(random.nextInt(YAML_CHARS.length())));
            }
            return text.toString();
        });
    }

    @Test
    void randomTokensReadOrFailWithCleanProblems() {
        forEachSeed(random -> {
            StringBuilder text = new StringBuilder();
            for (int i = random.nextInt(40); i > 0; i--) {
                text.append(TOKENS.get(random.nextInt(TOKENS.size())));
            }
            return text.toString();
        });
    }

    private static void forEachSeed(Function<Random, String> generator) {
        for (long seed = 0; seed < TRIES; seed++) {
            String yaml = generator.apply(new Random(seed));
            try {
                readsOrFailsCleanly(yaml);
            } catch (RuntimeException | AssertionError e) {
                throw new AssertionError("seed " + seed + ", input: " + yaml.replace("\n", "\\n"), e);
            }
        }
    }

    private static void readsOrFailsCleanly(String yaml) {
        try {
            YamlDocument document = YamlDocument.parse("f.yaml", yaml);
            assertThat(document.lines().values()).allSatisfy(line -> assertThat(line).isPositive());
        } catch (ConfigException e) {
            CleanProblems.assertClean(e);
        }
    }
}
