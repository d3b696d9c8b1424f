package dev.dreamnet.config.yaml;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.Map;
import org.junit.jupiter.api.Test;

class ProblemsTest {

    @Test
    void formatsFileLinePathAndMessage() {
        assertThat(new ConfigProblem("config/resilience.yaml", 12, "services.provider.breaker.resetTimeout",
                "must be > 0, was 0s").toString())
                .isEqualTo("config/resilience.yaml:12: services.provider.breaker.resetTimeout: must be > 0, was 0s");
        assertThat(new ConfigProblem("f.yaml", 3, "", "syntax error: x").toString()).isEqualTo("f.yaml:3: syntax error: x");
        assertThat(new ConfigProblem("f.yaml", 0, null, "file is empty").toString()).isEqualTo("f.yaml: file is empty");
    }

    @Test
    void aValueFromTheFileCannotBreakTheLine() {
        assertThat(new ConfigProblem("f\n.yaml", 1, "a\u2028b", "was \"x\ry\"").toString())
                .isEqualTo("f\\n.yaml:1: a\\u2028b: was \"x\\ry\"");
    }

    @Test
    void theSameProblemTwiceIsListedOnce() {
        Problems problems = new Problems("f.yaml", Map.of("a", 1));
        problems.add("a", "is wrong");
        problems.add("a", "is wrong");

        assertThat(thrown(problems).problems()).hasSize(1);
    }

    @Test
    void aPathNotInTheFileTakesTheLineOfItsNearestAncestor() {
        Problems problems = new Problems("f.yaml", Map.of("services", 4, "services.db", 7));
        problems.add("services.db.breaker.window[2].size", "is wrong");
        problems.add("services.queue", "is wrong too");

        assertThat(thrown(problems)).hasMessage("f.yaml:4: services.queue: is wrong too\n"
                + "f.yaml:7: services.db.breaker.window[2].size: is wrong");
    }

    @Test
    void listsAtMostAHundredProblemsAndCountsTheRest() {
        Problems problems = new Problems("f.yaml", Map.of());
        for (int i = 0; i < 250; i++) {
            problems.add("key" + i, "is wrong");
        }

        ConfigException e = thrown(problems);
        assertThat(e.problems()).hasSize(Problems.MAX_LISTED + 1);
        assertThat(e.problems().get(Problems.MAX_LISTED)).hasToString("f.yaml: and 150 more problems");
    }

    @Test
    void nothingIsThrownWithoutProblems() throws ConfigException {
        Problems problems = new Problems("f.yaml", Map.of());

        problems.throwIfAny();

        assertThat(problems.isEmpty()).isTrue();
    }

    private static ConfigException thrown(Problems problems) {
        return catchThrowableOfType(ConfigException.class, problems::throwIfAny);
    }
}
