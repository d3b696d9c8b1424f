package dev.dreamnet.config.yaml;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.Collectors;

/** The promise every loader keeps about its {@link ConfigException}: one line per problem, no parser insides. */
public final class CleanProblems {

    private CleanProblems() {
    }

    /** Asserts that every problem is one line, starts with the file and shows nothing of the parser's insides. */
    public static void assertClean(ConfigException e) {
        assertThat(e.problems()).isNotEmpty().allSatisfy(problem -> assertThat(problem.toString())
                .startsWith(problem.source())
                .doesNotContain("\n", "\r", "\u2028", "\u2029", "\u0085")
                .doesNotContain("Exception:", "at com.", "at org.", "at java.", "fasterxml", "jackson", "snakeyaml",
                        "org.yaml", "in 'reader'", "in 'string'", "^"));
        assertThat(e.getMessage()).isEqualTo(e.problems().stream().map(ConfigProblem::toString)
                .collect(Collectors.joining("\n")));
    }
}
