package dev.dreamnet.config.resilience;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import dev.dreamnet.config.yaml.ConfigException;
import dev.dreamnet.core.overload.HedgeConfig;
import dev.dreamnet.core.overload.HedgeDelay;
import dev.dreamnet.core.overload.ThrottleConfig;
import java.time.Duration;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** A service's bulkhead, throttle and hedge sections: read when set, off when not, and each mistake named at file:line. */
class OutboundSettingsFileTest {

    private static final String SERVICE = "services:\n  provider:\n";

    @Test
    void aServiceWithoutTheSectionsHasNoOutboundGuards() throws ConfigException {
        ServiceSettings provider = ResilienceFile.parse("r.yaml", SERVICE + "    timeout: 5s").service("provider");

        assertThat(provider.outbound()).isEqualTo(OutboundSettings.NONE);
    }

    @Test
    void readsEveryGuard() throws ConfigException {
        ServiceSettings provider = ResilienceFile.parse("r.yaml", SERVICE + """
                    bulkhead: {maxConcurrent: 32}
                    throttle: {k: 1.5, window: 1m}
                    hedge: {after: 150ms, maxExtra: 2.5%, burst: 4}
                """).service("provider");

        OutboundSettings outbound = provider.outbound();
        assertThat(outbound.bulkhead()).isEqualTo(OptionalInt.of(32));
        assertThat(outbound.throttle()).contains(new ThrottleConfig(1.5, Duration.ofMinutes(1)));
        assertThat(outbound.hedge()).contains(new HedgeConfig(HedgeDelay.fixed(Duration.ofMillis(150)), 0.025, 4,
                1000, 20));
    }

    @Test
    void emptySectionsTurnAGuardOnWithItsDefaults() throws ConfigException {
        ServiceSettings provider = ResilienceFile.parse("r.yaml", SERVICE + """
                    throttle: {}
                    hedge: {after: p99}
                """).service("provider");

        assertThat(provider.outbound().throttle()).contains(ThrottleConfig.ofDefaults());
        assertThat(provider.outbound().hedge()).contains(HedgeConfig.of(HedgeDelay.percentile(99), 0.05));
        assertThat(provider.outbound().bulkhead()).isEmpty();
    }

    @Test
    void aHedgeWithoutAfterHedgesAfterP95() throws ConfigException {
        Optional<HedgeConfig> hedge = ResilienceFile.parse("r.yaml", SERVICE + "    hedge: {maxExtra: 5%}")
                .service("provider").outbound().hedge();

        assertThat(hedge).contains(HedgeConfig.ofDefaults());
    }

    static Stream<Arguments> wrongSettings() {
        return Stream.of(
                arguments("bulkhead: {maxConcurrent: 0}", "r.yaml:3: services.provider.bulkhead.maxConcurrent: "
                        + "must be a whole number between 1 and 100000, was 0"),
                arguments("bulkhead: {}", "r.yaml:3: services.provider.bulkhead: missing required setting \"maxConcurrent\""),
                arguments("bulkhead: {max: 3}", "r.yaml:3: services.provider.bulkhead.max: unknown setting (known: "
                        + "maxConcurrent)\nr.yaml:3: services.provider.bulkhead: missing required setting \"maxConcurrent\""),
                arguments("bulkhead: 32", "r.yaml:3: services.provider.bulkhead: must be a mapping of settings, was 32"),
                arguments("throttle: {k: 0.5}",
                        "r.yaml:3: services.provider.throttle.k: must be a number between 1 and 100, was 0.5"),
                arguments("throttle: {window: 500ms}",
                        "r.yaml:3: services.provider.throttle.window: must be at least 1s, was 500ms"),
                arguments("throttle: {window: 2h}", "r.yaml:3: services.provider.throttle.window: must be at most 1h, was 2h"),
                arguments("throttle: {K: 2}", "r.yaml:3: services.provider.throttle.K: unknown setting (did you mean \"k\"?)"),
                arguments("hedge: {after: p100}", "r.yaml:3: services.provider.hedge.after: must be a percentile of "
                        + "recent calls such as \"p95\" (above p0, below p100) or a duration such as \"150ms\", was \"p100\""),
                arguments("hedge: {after: p0}", "r.yaml:3: services.provider.hedge.after: must be a percentile of "
                        + "recent calls such as \"p95\" (above p0, below p100) or a duration such as \"150ms\", was \"p0\""),
                arguments("hedge: {after: 0ms}", "r.yaml:3: services.provider.hedge.after: must be > 0, was 0ms"),
                arguments("hedge: {maxExtra: 0%}", "r.yaml:3: services.provider.hedge.maxExtra: must be a share of "
                        + "calls such as \"5%\", above 0% and at most 100%, was \"0%\""),
                arguments("hedge: {maxExtra: 0.05}", "r.yaml:3: services.provider.hedge.maxExtra: must be a string, was 0.05"),
                arguments("hedge: {maxExtra: 150%}", "r.yaml:3: services.provider.hedge.maxExtra: must be a share of "
                        + "calls such as \"5%\", above 0% and at most 100%, was \"150%\""),
                arguments("hedge: {burst: 0}",
                        "r.yaml:3: services.provider.hedge.burst: must be a whole number between 1 and 10000, was 0"),
                arguments("hedge: {idempotent: true}", "r.yaml:3: services.provider.hedge.idempotent: unknown setting "
                        + "(known: after, maxExtra, burst)"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("wrongSettings")
    void reportsTheFileLinePathAndWhatIsWrong(String setting, String expected) {
        ConfigException e = catchThrowableOfType(ConfigException.class,
                () -> ResilienceFile.parse("r.yaml", SERVICE + "    " + setting));
        assertThat(e).as("expected a ConfigException").isNotNull();
        assertThat(e.getMessage()).isEqualTo(expected);
    }

    @Test
    void defaultsCannotSetThem() {
        ConfigException e = catchThrowableOfType(ConfigException.class,
                () -> ResilienceFile.parse("r.yaml", "defaults:\n  hedge: {after: p95}\n" + SERVICE + "    timeout: 1s"));
        assertThat(e.getMessage()).isEqualTo("r.yaml:2: defaults.hedge: unknown setting (known: breaker, retry, timeout)");
    }
}
