package dev.dreamnet.config.graph;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dreamnet.core.startup.GraphProblem;
import dev.dreamnet.core.startup.GraphValidationException;
import java.util.List;
import java.util.Random;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Whatever text it is given, the loader returns a graph or throws a {@link GraphValidationException}
 * of one-line problems with no stack trace in them; never any other exception. Inputs come from a
 * seeded generator, so a failure names the seed that reproduces it.
 */
class GraphFilePropertyTest {

    private static final int TRIES = 1_000;

    private static final String VALID = """
            {"description": "sample", "services": [
              {"name": "database", "kind": "database", "critical": true, "startTimeout": "30s", "retries": 3,
               "readiness": {"query": "SELECT 1", "ports": [5432, 5433], "tls": {"enabled": false}}},
              {"name": "queues", "dependsOn": ["database"], "startTimeout": "PT1M", "retries": 0},
              {"name": "api", "dependsOn": ["database", "queues"], "critical": false, "startTimeout": "500ms"}
            ]}""";

    private static final List<String> FIELDS = List.of("name", "dependsOn", "kind", "critical", "startTimeout",
            "retries", "readiness", "dependOn", "timeout", "Name", "", "line\\nbreak", "\\u0085");
    private static final List<String> NAMES = List.of("database", "queues", "api", "qeues", "", " ", "a b", "a\\u2028b");
    private static final List<String> DURATIONS = List.of("30s", "0s", "-1s", "PT30S", "PT-1S", "2m", "500ms", "30",
            "1.5s", "yes");
    private static final List<String> LITERALS = List.of("0", "3", "-1", "2.5", "1e400", "99999999999999999999",
            "true", "false", "null", "{}", "[]", "{\"query\": \"SELECT 1\"}", "{\"a\": null}", "{\"a\": [1, {\"b\": null}]}");
    private static final List<String> INSERTS = List.of("null", "\"\"", "\"name\": \"x\",", "[", "}", "\"0s\"", "2.5",
            "\"dependsOn\": 1,");
    private static final String JSON_CHARS = "{}[]\":,.-+0123456789eEtrufalsn \\\n";

    @Test
    void randomTextLoadsOrFailsWithCleanProblems() {
        forEachSeed(random -> randomText(random, 40));
    }

    @Test
    void randomlyEditedValidFileLoadsOrFailsWithCleanProblems() {
        forEachSeed(GraphFilePropertyTest::editedFile);
    }

    @Test
    void randomServicesLoadOrFailWithCleanProblems() {
        forEachSeed(GraphFilePropertyTest::randomGraph);
    }

    private static void forEachSeed(Function<Random, String> generator) {
        for (long seed = 0; seed < TRIES; seed++) {
            String json = generator.apply(new Random(seed));
            try {
                loadsOrFailsCleanly(json);
            } catch (AssertionError e) {
                throw new AssertionError("seed " + seed + ", input: " + json, e);
            }
        }
    }

    private static void loadsOrFailsCleanly(String json) {
        try {
            GraphFile.parse("deploy/graph.json", json);
        } catch (GraphValidationException e) {
            assertThat(e.problems()).isNotEmpty().allSatisfy(problem -> assertThat(problem.toString())
                    .doesNotContain("\n", "\r", "\u2028", "\u2029", "\u0085")
                    .doesNotContain("Exception", "at com.", "at java.", "\tat ", "fasterxml", "jackson"));
            assertThat(e.getMessage())
                    .isEqualTo(e.problems().stream().map(GraphProblem::toString).collect(Collectors.joining("\n")));
        }
    }

    private static String randomText(Random random, int maxLength) {
        StringBuilder text = new StringBuilder();
        int length = random.nextInt(maxLength + 1);
        for (int i = 0; i < length; i++) {
            text.append(random.nextInt(4) == 0 ? (char) random.nextInt(0x3000) : (char) (32 + random.nextInt(95)));
        }
        return text.toString();
    }

    /** Up to four edits, each removing a few characters at a random place and inserting something there. */
    private static String editedFile(Random random) {
        StringBuilder text = new StringBuilder(VALID);
        int edits = 1 + random.nextInt(4);
        for (int i = 0; i < edits; i++) {
            int start = random.nextInt(text.length() + 1);
            text.replace(start, Math.min(text.length(), start + random.nextInt(21)), inserted(random));
        }
        return text.toString();
    }

    private static String inserted(Random random) {
        return switch (random.nextInt(3)) {
            case 0 -> {
                StringBuilder chars = new StringBuilder();
                for (int i = random.nextInt(5); i > 0; i--) {
                    chars.append(JSON_CHARS.charAt(random.nextInt(JSON_CHARS.length())));
                }
                yield chars.toString();
            }
            case 1 -> pick(random, INSERTS);
            default -> randomText(random, 3);
        };
    }

    private static String randomGraph(Random random) {
        List<String> services = times(random, 6, () -> "{" + String.join(", ",
                times(random, 6, () -> "\"" + pick(random, FIELDS) + "\": " + value(random))) + "}");
        return "{\"services\": [" + String.join(", ", services) + "]}";
    }

    private static String value(Random random) {
        return switch (random.nextInt(4)) {
            case 0 -> quoted(pick(random, NAMES));
            case 1 -> times(random, 3, () -> quoted(pick(random, NAMES))).stream()
                    .collect(Collectors.joining(", ", "[", "]"));
            case 2 -> quoted(pick(random, DURATIONS));
            default -> pick(random, LITERALS);
        };
    }

    private static List<String> times(Random random, int max, java.util.function.Supplier<String> item) {
        return java.util.stream.IntStream.range(0, random.nextInt(max + 1)).mapToObj(i -> item.get()).toList();
    }

    private static String pick(Random random, List<String> options) {
        return options.get(random.nextInt(options.size()));
    }

    private static String quoted(String text) {
        return "\"" + text + "\"";
    }
}
