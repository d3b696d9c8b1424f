package dev.dreamnet.config.resilience;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dreamnet.config.yaml.CleanProblems;
import dev.dreamnet.config.yaml.ConfigException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The shipped file, edited at random a thousand times, either loads or fails with clean one-line
 * problems; never any other exception. Edits come from a seeded generator, so a failure names
 * the seed and the edited text that reproduce it.
 */
class ResilienceFilePropertyTest {

    private static final int TRIES = 1_000;
    private static final List<String> VALUES = List.of("0", "-1", "1", "5", "100", "101", "2.5", "1e999", ".nan", "0s",
            "-5s", "30s", "1500ms", "25h", "90m", "PT1S", "soon", "\"\"", "~", "true", "[]", "{}", "[a, 1]", "full", "ful",
            "count", "time", "sliding", "{type: time, size: 60s}", "{type: count}", "[java.io.IOException]",
            "[java.io.IOExeption]", "[java.lang.String]", "[\"a b\"]", "http://x", "ftp://x", "!!java.lang.Runtime x",
            "&a 1", "*a", "!foo {}", "\"\\x", "'open", "[", "{");
    private static final List<String> LINES = List.of("  extra: 1", "    breaker: {resetTimeout: 0s}",
            "      window: {type: time, size: 1500ms}", "services: {}", "defaults:", "- item", "\tindented: 1",
            "  bad name: {}", "    retry: {backoff: {initial: 1s, max: 1ms}}", "a: &a [1]", "b: *a", "---", "%YAML 1.1",
            "    baseUrl: !!java.net.URL [http://x]", "? [a]", ": b");
    private static final String CHARS = ":-[]{},'\"!&*?|>#% \t\n\\0123456789sm.";

    @Test
    void randomlyEditedShippedFileLoadsOrFailsWithCleanProblems() throws IOException {
        List<String> shipped = Files.readAllLines(Path.of("..", "config", "resilience.yaml"));
        for (long seed = 0; seed < TRIES; seed++) {
            Random random = new Random(seed);
            List<String> lines = new ArrayList<>(shipped);
            for (int edits = 1 + random.nextInt(3); edits > 0 && !lines.isEmpty(); edits--) {
                edit(lines, random);
            }
            String yaml = String.join("\n", lines);
            try {
                loadsOrFailsCleanly(yaml);
            } catch (RuntimeException | AssertionError e) {
                throw new AssertionError("seed " + seed + ", input:\n" + yaml, e);
            }
        }
    }

    private static void loadsOrFailsCleanly(String yaml) {
        try {
            ResilienceSettings settings = ResilienceFile.parse("config/resilience.yaml", yaml);
            assertThat(settings.services()).isNotEmpty();
            assertThat(settings.breakers()).hasSameSizeAs(settings.services());
        } catch (ConfigException e) {
            CleanProblems.assertClean(e);
        }
    }

    private static void edit(List<String> lines, Random random) {
        int at = random.nextInt(lines.size());
        String line = lines.get(at);
        switch (random.nextInt(8)) {
            case 0 -> lines.remove(at);
            case 1 -> lines.add(at, line);
            case 2 -> Collections.swap(lines, at, random.nextInt(lines.size()));
            case 3 -> lines.set(at, line.contains(": ")
                    ? line.substring(0, line.indexOf(": ") + 2) + pick(VALUES, random) : line + pick(VALUES, random));
            case 4 -> lines.set(at, transposeTwo(line, random));
            case 5 -> lines.set(at, " ".repeat(random.nextInt(4)) + line.stripLeading());
            case 6 -> lines.add(at, pick(LINES, random));
            default -> {
                int position = random.nextInt(line.length() + 1);
                String character = String.valueOf(CHARS.charAt(random.nextInt(CHARS.length())));
                lines.set(at, line.substring(0, position) + character + line.substring(position));
            }
        }
    }

    private static String transposeTwo(String line, Random random) {
        if (line.length() < 2) {
            return line;
        }
        int i = random.nextInt(line.length() - 1);
        return line.substring(0, i) + line.charAt(i + 1) + line.charAt(i) + line.substring(i + 2);
    }

    private static String pick(List<String> choices, Random random) {
        return choices.get(random.nextInt(choices.size()));
    }
}
