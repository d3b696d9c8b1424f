package dev.dreamnet.config.slo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.dreamnet.config.yaml.ConfigException;
import dev.dreamnet.core.slo.Slo;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@code slos.yaml}: objectives read with their defaults, and each wrong setting a {@code file:line} problem. */
class SlosFileTest {

    @Test
    void readsAvailabilityAndLatencyObjectives() throws ConfigException {
        SlosConfig config = SlosFile.parse("s.yaml", """
                window: 28d
                brownoutOnPage: true
                slos:
                  reads:
                    routes: [\"GET /api/dreams/{id}\"]
                    objective: 99.9
                  fast:
                    routes: [\"GET /api/dreams/{id}\", \"GET /api/dreams\"]
                    objective: 99
                    latency: 250ms
                    window: 7d
                """);

        assertThat(config.slos()).containsExactly(
                new Slo("reads", Slo.Kind.AVAILABILITY, List.of("GET /api/dreams/{id}"), 0.999, null,
                        Duration.ofDays(28)),
                new Slo("fast", Slo.Kind.LATENCY, List.of("GET /api/dreams/{id}", "GET /api/dreams"), 0.99,
                        Duration.ofMillis(250), Duration.ofDays(7)));
        assertThat(config.gateRollouts()).isTrue();
        assertThat(config.brownoutOnPage()).isTrue();
        assertThat(config.covering("GET /api/dreams")).extracting(Slo::name).containsExactly("fast");
        assertThat(config.version()).isNotBlank();
    }

    @Test
    void everyProblemIsReportedWithItsLine() {
        ConfigException e = catchThrowableOfType(ConfigException.class, () -> SlosFile.parse("s.yaml", """
                window: 2w
                slos:
                  reads:
                    routes: [\"get /x\"]
                    objective: 100
                  slow:
                    routes: [\"GET /x\"]
                    objective: 99
                    latency: 300ms
                  Bad Name:
                    routes: [\"GET /x\"]
                    objective: 99
                  nothing:
                    objective: 99
                    colour: blue
                """));

        assertThat(e.getMessage())
                .contains("s.yaml:1: window: must be a duration")
                .contains("s.yaml:4: slos.reads.routes[0]: a route is a method in capitals")
                .contains("s.yaml:5: slos.reads.objective: must be below 100")
                .contains("s.yaml:9: slos.slow.latency: latency threshold must be a bucket bound")
                .contains("250ms, 500ms")
                .contains("Bad Name")
                .contains("slos.nothing: missing required setting \"routes\"")
                .contains("colour");
    }

    @Test
    void theShippedFileIsValid() throws ConfigException {
        SlosConfig config = SlosFile.load(Path.of("..", "config", "slos.yaml"));

        assertThat(config.slos()).extracting(Slo::name)
                .containsExactly("dream-reads", "dream-reads-fast", "dream-writes", "interpretation");
    }
}
