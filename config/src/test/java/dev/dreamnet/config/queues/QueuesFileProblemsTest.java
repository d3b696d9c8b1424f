package dev.dreamnet.config.queues;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import dev.dreamnet.config.yaml.ConfigException;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Each wrong setting is one line, {@code file:line: path: what is wrong}, and every one is reported at once. */
class QueuesFileProblemsTest {

    private static final String QUEUE = "queues:\n  dream-events:\n";

    static Stream<Arguments> wrongSettings() {
        return Stream.of(
                setting("maxAttempts: 0", "q.yaml:3: queues.dream-events.maxAttempts: "
                        + "must be a whole number between 1 and 1000, was 0"),
                setting("maxAttempts: five", "q.yaml:3: queues.dream-events.maxAttempts: "
                        + "must be a whole number between 1 and 1000, was \"five\""),
                setting("redeliveryDelay: 5", "q.yaml:3: queues.dream-events.redeliveryDelay: "
                        + "must have a unit, such as \"30s\" or \"500ms\", was 5"),
                setting("redeliveryDelay: 2d", "q.yaml:3: queues.dream-events.redeliveryDelay: must be a duration "
                        + "such as \"500ms\", \"30s\", \"2m\", \"1h\" or \"PT30S\", was \"2d\""),
                setting("visibilityTimeout: 25h", "q.yaml:3: queues.dream-events.visibilityTimeout: "
                        + "must be at most 24h, was 25h"),
                setting("visibilityTimeout: 0s", "q.yaml:3: queues.dream-events.visibilityTimeout: must be > 0, was 0s"),
                setting("redeliveryDelay: PT0.0005S", "q.yaml:2: queues.dream-events: "
                        + "redeliveryDelay must be whole milliseconds, was PT0.0005S"),
                setting("type: quorom", "q.yaml:3: queues.dream-events.type: "
                        + "must be one of \"classic\" or \"quorum\", was \"quorom\" (did you mean \"quorum\"?)"),
                setting("maxAttempt: 3", "q.yaml:3: queues.dream-events.maxAttempt: "
                        + "unknown setting (did you mean \"maxAttempts\"?)"),
                setting("deadLetterQueue: dream-events", "q.yaml:2: queues.dream-events: "
                        + "deadLetterQueue must differ from the queue's name, was \"dream-events\""),
                setting("deadLetterQueue: amq.dead", "q.yaml:3: queues.dream-events.deadLetterQueue: must be 1 to 128 "
                        + "letters, digits, \".\", \"_\" or \"-\", starting with a letter or digit, and not start with "
                        + "\"amq.\", was \"amq.dead\""),
                setting("deadLetterQueue: [a]", "q.yaml:3: queues.dream-events.deadLetterQueue: must be a string, was a list"),
                arguments("queues:\n  dream events:\n", "q.yaml:2: queues.dream events: a queue name is 1 to 120 "
                        + "letters, digits, \".\", \"_\" or \"-\", starting with a letter or digit, and not with \"amq.\""),
                arguments("queues:\n  dream-events: 5\n",
                        "q.yaml:2: queues.dream-events: must be a mapping of settings, was 5"),
                arguments("queues:\n", "q.yaml:1: queues: must name at least one queue"),
                arguments("queue:\n  a:\n", "q.yaml:1: queue: unknown setting (did you mean \"queues\"?)"),
                arguments("queues:\n  a:\n    deadLetterQueue: b\n  b:\n", "q.yaml:3: queues.a.deadLetterQueue: \"b\" is "
                        + "also declared as a queue; a dead-letter queue is not a work queue"));
    }

    private static Arguments setting(String line, String problem) {
        return arguments(QUEUE + "    " + line + "\n", problem);
    }

    @ParameterizedTest
    @MethodSource("wrongSettings")
    void eachWrongSettingIsOneLineWithFileLineAndPath(String yaml, String problem) {
        ConfigException error = catchThrowableOfType(ConfigException.class, () -> QueuesFile.parse("q.yaml", yaml));

        assertThat(error).as(yaml).isNotNull();
        assertThat(error.getMessage()).contains(problem);
    }

    @Test
    void everyProblemIsReportedAtOnceInFileOrder() {
        ConfigException error = catchThrowableOfType(ConfigException.class, () -> QueuesFile.parse("q.yaml", """
                queues:
                  a:
                    maxAttempts: 0
                  b:
                    type: fifo
                """));

        assertThat(error.getMessage()).isEqualTo("""
                q.yaml:3: queues.a.maxAttempts: must be a whole number between 1 and 1000, was 0
                q.yaml:5: queues.b.type: must be one of "classic" or "quorum", was "fifo\"""");
    }

    @Test
    void aMissingFileIsOneLineNamingIt() {
        ConfigException error = catchThrowableOfType(ConfigException.class,
                () -> QueuesFile.load(java.nio.file.Path.of("no-such-dir", "queues.yaml")));

        assertThat(error.getMessage()).startsWith("no-such-dir/queues.yaml: ").doesNotContain("\n");
    }
}
