package dev.dreamnet.core.health;

import static dev.dreamnet.core.health.Gates.STARTUP;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import dev.dreamnet.core.time.ManualScheduler;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class HealthGatesTest {

    private final ManualScheduler time = new ManualScheduler();
    private final HealthGates gates = new HealthGates();

    private HealthGate gate(String name, SwitchableCheck check) {
        return Gates.onManualTime(Gates.exact(name).build(), check, time).build();
    }

    /** {@code spec} lists gates as C (critical) or N (non-critical) followed by + (ready) or - (not). */
    private static List<GateSnapshot> snapshots(String spec) {
        List<GateSnapshot> snapshots = new ArrayList<>();
        for (String gate : spec.isBlank() ? new String[0] : spec.trim().split(" ")) {
            boolean ready = gate.charAt(1) == '+';
            snapshots.add(new GateSnapshot(gate, gate.charAt(0) == 'C', ready, ready ? "READY" : "NOT_READY",
                    0, 0, null, Duration.ZERO, Instant.EPOCH, null, 0));
        }
        return snapshots;
    }

    @ParameterizedTest(name = "[{0}] is {1}")
    @CsvSource({
        "'',          READY",
        "C+,          READY",
        "C+ N+,       READY",
        "C+ N-,       DEGRADED",
        "N- N-,       DEGRADED",
        "C-,          NOT_READY",
        "C- N+,       NOT_READY",
        "N- C- C+,    NOT_READY",
    })
    void overallStatusReadyDegradedNotReady(String gates, OverallStatus expected) {
        assertThat(OverallStatus.of(snapshots(gates))).isEqualTo(expected);
        assertThat(expected.takesTraffic()).isEqualTo(expected != OverallStatus.NOT_READY);
    }

    @Test
    void noGatesAtAllIsReady() {
        assertThat(gates.status()).isEqualTo(OverallStatus.READY);
        assertThat(gates.isReady()).isTrue();
        assertThat(gates.snapshot().gates()).isEmpty();
    }

    @Test
    void startChecksEveryGateAndReportsThemInRegistrationOrder() {
        SwitchableCheck db = new SwitchableCheck();
        SwitchableCheck cache = new SwitchableCheck().failing("cache down");
        gates.add(gate("db", db));
        gates.add(Gates.onManualTime(Gates.exact("cache").critical(false).build(), cache, time).build());

        gates.start();
        time.advance(STARTUP.multipliedBy(2));

        HealthReport report = gates.snapshot();
        assertThat(report.gates()).extracting(GateSnapshot::name).containsExactly("db", "cache");
        assertThat(report.status()).isEqualTo(OverallStatus.DEGRADED);
        assertThat(gates.isReady()).as("only a non-critical gate is down").isTrue();
    }

    @Test
    void notReadyUntilTheCriticalGatesAre() {
        gates.add(gate("db", new SwitchableCheck()));
        gates.start();

        assertThat(gates.status()).isEqualTo(OverallStatus.NOT_READY);
        assertThat(gates.isReady()).isFalse();
        time.advance(STARTUP.multipliedBy(2));
        assertThat(gates.status()).isEqualTo(OverallStatus.READY);
    }

    @Test
    void duplicateNameIsRefused() {
        gates.add(gate("db", new SwitchableCheck()));

        assertThatIllegalArgumentException().isThrownBy(() -> gates.add(gate("db", new SwitchableCheck())))
                .withMessage("health gate \"db\" is already registered");
    }

    @Test
    void gateAddedAfterStartStartsAtOnce() {
        SwitchableCheck check = new SwitchableCheck();
        gates.start();

        gates.add(gate("db", check));

        assertThat(check.runs()).isEqualTo(1);
    }

    @Test
    void removedGateIsStoppedAndNoLongerCounts() {
        SwitchableCheck check = new SwitchableCheck();
        gates.add(gate("db", check));
        gates.start();

        assertThat(gates.remove("db")).isPresent();
        time.advance(Duration.ofMinutes(1));

        assertThat(check.runs()).isEqualTo(1);
        assertThat(gates.status()).isEqualTo(OverallStatus.READY);
        assertThat(gates.remove("db")).isEmpty();
    }

    @Test
    void stopStopsEveryGate() {
        gates.add(gate("db", new SwitchableCheck()));
        gates.add(gate("queue", new SwitchableCheck()));
        gates.start();

        gates.stop();

        assertThat(time.pendingTasks()).isZero();
    }
}
