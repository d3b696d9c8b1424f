package dev.dreamnet.config.overload;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import dev.dreamnet.config.yaml.ConfigException;
import dev.dreamnet.core.flags.Mode;
import dev.dreamnet.core.overload.Criticality;
import dev.dreamnet.core.overload.Shares;
import java.nio.file.Path;
import java.time.Duration;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** {@code overload.yaml}: every setting read, defaults for the rest, and each wrong one a {@code file:line} problem. */
class OverloadFileTest {

    @Test
    void readsEverySetting() throws ConfigException {
        OverloadConfig config = OverloadFile.parse("o.yaml", """
                enabled: true
                limit: { initial: 30, min: 5, max: 300, smoothing: 0.5, rttTolerance: 2, longWindow: 50,
                         sampleWindow: 100ms, minSamples: 4, dropBackoff: 0.8 }
                shares:
                  brownout: { sheddable: 0.1, default: 0.6 }
                criticality:
                  default: sheddable
                  header: X-Priority
                  routes:
                    POST /api/orders: critical
                    GET /api/orders/{id}: DEFAULT
                maxWait: 20ms
                autoBrownout:
                  enabled: false
                  enterAfter: 5s
                  exitAfter: 1m
                  fleetWide: true
                  latency:
                    POST /api/orders: 250ms
                """);

        assertThat(config.enabled()).isTrue();
        assertThat(config.limit().initialLimit()).isEqualTo(30);
        assertThat(config.limit().minLimit()).isEqualTo(5);
        assertThat(config.limit().maxLimit()).isEqualTo(300);
        assertThat(config.limit().smoothing()).isEqualTo(0.5);
        assertThat(config.limit().rttTolerance()).isEqualTo(2.0);
        assertThat(config.limit().longWindow()).isEqualTo(50);
        assertThat(config.limit().sampleWindow()).isEqualTo(Duration.ofMillis(100));
        assertThat(config.limit().minSamples()).isEqualTo(4);
        assertThat(config.limit().dropBackoff()).isEqualTo(0.8);
        assertThat(config.shares().get(Mode.BROWNOUT)).isEqualTo(new Shares(0.1, 0.6, 1.0));
        assertThat(config.shares().get(Mode.NORMAL)).isEqualTo(Shares.defaults(Mode.NORMAL));
        assertThat(config.defaultClass()).isEqualTo(Criticality.SHEDDABLE);
        assertThat(config.header()).hasValue("X-Priority");
        assertThat(config.classOf("POST /api/orders")).isEqualTo(Criticality.CRITICAL);
        assertThat(config.classOf("GET /api/orders/{id}")).isEqualTo(Criticality.DEFAULT);
        assertThat(config.classOf("GET /api/other")).isEqualTo(Criticality.SHEDDABLE);
        assertThat(config.maxWait()).isEqualTo(Duration.ofMillis(20));
        assertThat(config.brownout()).isEqualTo(new OverloadConfig.AutoBrownout(false, Duration.ofSeconds(5),
                Duration.ofMinutes(1), java.util.Map.of("POST /api/orders", Duration.ofMillis(250)), true));
        assertThat(config.version()).startsWith("sha256:");
    }

    @Test
    void anEmptyMappingTakesEveryDefault() throws ConfigException {
        OverloadConfig config = OverloadFile.parse("o.yaml", "enabled: true\n");

        assertThat(config).usingRecursiveComparison().ignoringFields("version").isEqualTo(OverloadConfig.ofDefaults());
        assertThat(OverloadFile.parse("o.yaml", "criticality:\n  header: none\n").header()).isEmpty();
    }

    @Test
    void theShippedFileLoads() throws ConfigException {
        OverloadConfig shipped = OverloadFile.load(Path.of("..", "config", "overload.yaml"));

        assertThat(shipped.enabled()).isTrue();
        assertThat(shipped.classOf("POST /api/dreams")).isEqualTo(Criticality.CRITICAL);
        assertThat(shipped.classOf("GET /api/dreams")).isEqualTo(Criticality.SHEDDABLE);
        assertThat(shipped.brownout().enabled()).isTrue();
    }

    static Stream<Arguments> wrongSettings() {
        return Stream.of(
                arguments("limit:\n  min: 50\n  max: 10\n", "o.yaml:1: limit: max must be between 50 and 1000000, was 10"),
                arguments("limit:\n  smoothing: 2\n", "o.yaml:2: limit.smoothing: must be a number between 0.001 and 1"),
                arguments("limit:\n  minimum: 2\n", "o.yaml:2: limit.minimum: unknown setting (known: initial, min, max"),
                arguments("shares:\n  brownout: { sheddable: 0.8, default: 0.5 }\n", "o.yaml:2: shares.brownout: "
                        + "sheddable share must be >= 0 and <= the default share (0.5), was 0.8"),
                arguments("shares:\n  panic: { sheddable: 0 }\n", "o.yaml:2: shares.panic: unknown setting"),
                arguments("criticality:\n  routes:\n    GET /api/x: urgent\n", "o.yaml:3: criticality.routes.GET /api/x: "
                        + "must be one of"),
                arguments("criticality:\n  routes:\n    /api/x: critical\n", "o.yaml:3: criticality.routes./api/x: "
                        + "a route is a method in capitals, one space and a path template"),
                arguments("criticality:\n  header: \"X Priority\"\n", "o.yaml:2: criticality.header: must be a header "
                        + "name"),
                arguments("criticality:\n  default: none\n", "o.yaml:2: criticality.default: must be one of"),
                arguments("maxWait: 5s\n", "o.yaml:1: maxWait: must be at most 1s, was 5s"),
                arguments("enabled: yes please\n", "o.yaml:1: enabled: must be true or false"),
                arguments("autoBrownout:\n  enterAfter: 0s\n", "o.yaml:2: autoBrownout.enterAfter: must be > 0"),
                arguments("autoBrownout:\n  latency:\n    GET /x: 2m\n", "o.yaml:3: autoBrownout.latency.GET /x: "
                        + "must be at most 1m"));
    }

    @ParameterizedTest
    @MethodSource("wrongSettings")
    void eachWrongSettingIsOneLineWithFileLineAndPath(String yaml, String problem) {
        ConfigException e = catchThrowableOfType(ConfigException.class, () -> OverloadFile.parse("o.yaml", yaml));

        assertThat(e).as(yaml).isNotNull();
        assertThat(e.problems()).as(yaml).hasSize(1);
        assertThat(e.problems().get(0).toString()).as(yaml).startsWith(problem);
    }

    @Test
    void everyProblemIsReportedAtOnce() {
        ConfigException e = catchThrowableOfType(ConfigException.class, () -> OverloadFile.parse("o.yaml", """
                limit: { min: 0 }
                maxWait: 2s
                criticality: { default: urgent }
                """));

        assertThat(e.problems()).hasSize(3);
    }
}
