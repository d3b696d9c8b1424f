package dev.dreamnet.config.resilience;

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
class ResilienceFileProblemsTest {

    private static final String DURATIONS = "\"500ms\", \"30s\", \"2m\", \"1h\" or \"PT30S\"";
    private static final String SERVICE = "services:\n  db:\n";

    static Stream<Arguments> wrongSettings() {
        return Stream.of(
                breaker("consecutiveFailures: five",
                        "r.yaml:4: services.db.breaker.consecutiveFailures: must be a whole number >= 1, was \"five\""),
                breaker("failureRateThreshold: 150",
                        "r.yaml:4: services.db.breaker.failureRateThreshold: must be a percentage > 0 and <= 100, was 150"),
                breaker("slowCallRateThreshold: 0",
                        "r.yaml:4: services.db.breaker.slowCallRateThreshold: must be a percentage > 0 and <= 100, was 0"),
                breaker("minimumCalls: 0",
                        "r.yaml:4: services.db.breaker.minimumCalls: must be a whole number between 1 and 1000000, was 0"),
                breaker("permittedCallsInHalfOpen: 10001", "r.yaml:4: services.db.breaker.permittedCallsInHalfOpen: "
                        + "must be a whole number between 1 and 10000, was 10001"),
                breaker("resetTimeout: 0s", "r.yaml:4: services.db.breaker.resetTimeout: must be > 0, was 0s"),
                breaker("halfOpenPermitTimeout: -1s", "r.yaml:4: services.db.breaker.halfOpenPermitTimeout: must be > 0, was -1s"),
                breaker("resetTimeout: 25h", "r.yaml:4: services.db.breaker.resetTimeout: must be at most 24h, was 25h"),
                breaker("slowCallDuration: 2",
                        "r.yaml:4: services.db.breaker.slowCallDuration: must have a unit, such as \"30s\" or \"500ms\", was 2"),
                breaker("slowCallDuration: 2 seconds", "r.yaml:4: services.db.breaker.slowCallDuration: "
                        + "must be a duration such as " + DURATIONS + ", was \"2 seconds\""),
                breaker("resetTimout: 5s",
                        "r.yaml:4: services.db.breaker.resetTimout: unknown setting (did you mean \"resetTimeout\"?)"),
                breaker("window: {type: sliding, size: 10}",
                        "r.yaml:4: services.db.breaker.window.type: must be one of \"count\" or \"time\", was \"sliding\""),
                breaker("window: {size: 10}", "r.yaml:4: services.db.breaker.window: missing required setting \"type\""),
                breaker("window: count", "r.yaml:4: services.db.breaker.window: must be a mapping of settings, was \"count\""),
                breaker("window: {type: count, size: 10s}", "r.yaml:4: services.db.breaker.window.size: "
                        + "must be a whole number between 1 and 1000000, was \"10s\""),
                breaker("window: {type: time, size: 1500ms}",
                        "r.yaml:4: services.db.breaker.window.size: must be whole seconds, was 1500ms"),
                breaker("window: {type: time, size: 2h}",
                        "r.yaml:4: services.db.breaker.window.size: must be at most 1h, was 2h"),
                breaker("window: {type: count, size: 10}\n      minimumCalls: 20", "r.yaml:3: services.db.breaker: "
                        + "minimumCalls must be <= windowSize (10) for a count window, was 20"),
                breaker("recordExceptions: [java.io.IOExeption]", "r.yaml:4: services.db.breaker.recordExceptions[0]: "
                        + "unknown class \"java.io.IOExeption\" (did you mean \"java.io.IOException\"?)"),
                breaker("recordExceptions: [com.example.Missing]", "r.yaml:4: services.db.breaker.recordExceptions[0]: "
                        + "unknown class \"com.example.Missing\"; give the full name, such as \"java.io.IOException\""),
                breaker("ignoreExceptions: [java.lang.String]",
                        "r.yaml:4: services.db.breaker.ignoreExceptions[0]: \"java.lang.String\" is not an exception class"),
                breaker("ignoreExceptions: [\"rm -rf /\"]", "r.yaml:4: services.db.breaker.ignoreExceptions[0]: "
                        + "must be the full name of an exception class, such as \"java.io.IOException\", was \"rm -rf /\""),
                breaker("recordExceptions: java.io.IOException", "r.yaml:4: services.db.breaker.recordExceptions: "
                        + "must be a list of strings, was \"java.io.IOException\""),
                retry("maxAttempts: 101", "r.yaml:4: services.db.retry.maxAttempts: must be a whole number between 1 and 100, was 101"),
                retry("maxAttempts: 2.5", "r.yaml:4: services.db.retry.maxAttempts: must be a whole number between 1 and 100, was 2.5"),
                retry("backoff: {initial: 0s}", "r.yaml:4: services.db.retry.backoff.initial: must be > 0, was 0s"),
                retry("backoff: {jitter: ful}", "r.yaml:4: services.db.retry.backoff.jitter: must be one of "
                        + "\"decorrelated\", \"equal\", \"full\" or \"none\", was \"ful\" (did you mean \"full\"?)"),
                retry("backoff: {initial: 1s, max: 50ms}",
                        "r.yaml:4: services.db.retry.backoff: max (50ms) must be >= initial (1s)"),
                retry("budget: {ratio: 1.5}", "r.yaml:4: services.db.retry.budget.ratio: must be a number between 0 and 1, was 1.5"),
                retry("budget: {minPerSecond: -1}",
                        "r.yaml:4: services.db.retry.budget.minPerSecond: must be a whole number >= 0, was -1"),
                retry("budget: {window: 90m}", "r.yaml:4: services.db.retry.budget.window: must be at most 1h, was 90m"),
                retry("retryOn: [java.util.concurrent.TimeoutExeption]", "r.yaml:4: services.db.retry.retryOn[0]: unknown "
                        + "class \"java.util.concurrent.TimeoutExeption\" (did you mean \"java.util.concurrent.TimeoutException\"?)"),
                retry("retries: 3", "r.yaml:4: services.db.retry.retries: unknown setting (known: maxAttempts, retryOn, backoff, budget)"),
                arguments(SERVICE + "    timeout: 0ms", "r.yaml:3: services.db.timeout: must be > 0, was 0ms"),
                arguments(SERVICE + "    retyr: {maxAttempts: 1}", "r.yaml:3: services.db.retyr: unknown setting (did you mean \"retry\"?)"),
                arguments(SERVICE + "    breaker: on", "r.yaml:3: services.db.breaker: must be a mapping of settings, was true"),
                arguments(SERVICE + "    baseUrl: ftp://example.com", "r.yaml:3: services.db.baseUrl: must be an http or https "
                        + "URL such as \"http://127.0.0.1:5000/stub-provider\", was \"ftp://example.com\""),
                arguments("services:\n  \"my db\": {}", "r.yaml:2: services.my db: "
                        + "a service name is 1 to 64 letters, digits, \".\", \"_\" or \"-\", starting with a letter or digit"),
                arguments("defaults:\n  baseUrl: http://x\nservices:\n  db: {}",
                        "r.yaml:2: defaults.baseUrl: unknown setting (known: breaker, retry, timeout)"),
                arguments("service:\n  db: {}", "r.yaml: missing required setting \"services\"\n"
                        + "r.yaml:1: service: unknown setting (did you mean \"services\"?)"),
                arguments("services: {}", "r.yaml:1: services: must name at least one service"),
                arguments("services: [db, queue]", "r.yaml:1: services: must be a mapping of settings, was a list"),
                arguments("- db\n- queue", "r.yaml: must be a mapping of settings, was a list"),
                arguments("", "r.yaml: file is empty"),
                arguments("services:\n  db:\n\tbreaker: {}", "r.yaml:3: syntax error: tab character; indent with spaces"),
                arguments("services:\n  db: {breaker: {resetTimeout: 1s}\n  queue: {}",
                        "r.yaml:3: syntax error: expected ',' or '}', but got <scalar> "
                                + "(while parsing a flow mapping that starts on line 2)"),
                arguments("services:\n  db: {}\n  db: {}", "r.yaml:3: services.db: duplicate key (first on line 2)"),
                arguments("services:\n  db:\n    baseUrl: !!java.net.URL [\"http://x\"]", "r.yaml:3: services.db.baseUrl: "
                        + "tag \"!!java.net.URL\" is not allowed: configuration holds plain values only"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("wrongSettings")
    void reportsTheFileLinePathAndWhatIsWrong(String yaml, String expected) {
        assertThat(problems(yaml)).isEqualTo(expected);
    }

    @Test
    void reportsEveryProblemAtOnceInFileOrder() {
        String yaml = """
                defaults:
                  breaker: {resetTimeout: 0s}
                services:
                  db:
                    retry: {maxAttempts: 0}
                    timeout: soon
                  queue:
                    breaker: {window: {type: sliding, size: 5}}
                """;

        assertThat(problems(yaml)).isEqualTo("""
                r.yaml:2: defaults.breaker.resetTimeout: must be > 0, was 0s
                r.yaml:5: services.db.retry.maxAttempts: must be a whole number between 1 and 100, was 0
                r.yaml:6: services.db.timeout: must be a duration such as %s, was "soon"
                r.yaml:8: services.queue.breaker.window.type: must be one of "count" or "time", was "sliding\"""".formatted(DURATIONS));
    }

    @Test
    void aWrongDefaultIsReportedOnceNotOncePerServiceThatInheritsIt() {
        String yaml = """
                defaults:
                  breaker: {minimumCalls: 200}
                  retry: {backoff: {initial: 5s, max: 1s}}
                services: {a: {}, b: {}, c: {breaker: {window: {type: count, size: 5}}}}
                """;

        assertThat(problems(yaml)).isEqualTo("""
                r.yaml:2: defaults.breaker: minimumCalls must be <= windowSize (100) for a count window, was 200
                r.yaml:3: defaults.retry.backoff: max (1s) must be >= initial (5s)""");
    }

    private static Arguments breaker(String setting, String expected) {
        return arguments(SERVICE + "    breaker:\n      " + setting, expected);
    }

    private static Arguments retry(String setting, String expected) {
        return arguments(SERVICE + "    retry:\n      " + setting, expected);
    }

    private static String problems(String yaml) {
        ConfigException e = catchThrowableOfType(ConfigException.class, () -> ResilienceFile.parse("r.yaml", yaml));
        assertThat(e).as("expected a ConfigException").isNotNull();
        return e.getMessage();
    }
}
