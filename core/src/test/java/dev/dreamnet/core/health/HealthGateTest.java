package dev.dreamnet.core.health;

import static dev.dreamnet.core.health.Gates.INTERVAL;
import static dev.dreamnet.core.health.Gates.STARTUP;
import static org.assertj.core.api.Assertions.assertThat;

import dev.dreamnet.core.time.ManualScheduler;
import java.io.IOException;
import java.time.Duration;
import java.util.Random;
import java.util.concurrent.RejectedExecutionException;
import org.junit.jupiter.api.Test;

class HealthGateTest {

    private final ManualScheduler time = new ManualScheduler();
    private final SwitchableCheck check = new SwitchableCheck();

    private HealthGate startedGate(GateConfig config) {
        HealthGate gate = Gates.onManualTime(config, check, time).build();
        gate.start();
        return gate;
    }

    private HealthGate startedGate() {
        return startedGate(Gates.exact("db").build());
    }

    @Test
    void startRunsTheFirstCheckImmediately() {
        startedGate();

        assertThat(check.runs()).isEqualTo(1);
    }

    @Test
    void readyOnlyAfterThreeConsecutivePasses() {
        HealthGate gate = startedGate();
        time.advance(STARTUP);
        assertThat(gate.isReady()).isFalse();

        time.advance(STARTUP);

        assertThat(check.runs()).isEqualTo(3);
        assertThat(gate.isReady()).isTrue();
    }

    @Test
    void failPassFailPassNeverTurnsReady() {
        check.failing("down");
        HealthGate gate = startedGate();
        for (int i = 0; i < 10; i++) {
            check.passing();
            time.advance(STARTUP);
            check.failing("down");
            time.advance(STARTUP);
        }

        assertThat(check.runs()).isEqualTo(21);
        assertThat(gate.isReady()).isFalse();
    }

    @Test
    void unreadyAfterThreeConsecutiveFailures() {
        HealthGate gate = startedGate();
        time.advance(STARTUP.multipliedBy(2));
        check.failing("connection refused");

        time.advance(INTERVAL.multipliedBy(2));
        assertThat(gate.isReady()).isTrue();
        time.advance(INTERVAL);

        assertThat(gate.isReady()).isFalse();
        assertThat(gate.snapshot().lastResult()).isEqualTo(CheckResult.fail("connection refused"));
    }

    @Test
    void usesStartupIntervalUntilFirstReadyThenSteadyInterval() {
        startedGate();
        assertThat(time.pendingDelays()).containsExactly(STARTUP);

        time.advance(STARTUP.multipliedBy(2));
        assertThat(time.pendingDelays()).containsExactly(INTERVAL);

        check.failing("down");
        time.advance(INTERVAL.multipliedBy(3));
        assertThat(time.pendingDelays()).as("steady interval even after turning unready").containsExactly(INTERVAL);
    }

    @Test
    void jitterStaysWithinTenPercent() {
        GateConfig config = GateConfig.builder("db").build();
        HealthGate gate = Gates.onManualTime(config, check, time).random(new Random(7)).build();
        gate.start();
        while (!gate.isReady()) {
            time.advance(time.pendingDelays().get(0));
        }

        Duration shortest = INTERVAL;
        Duration longest = INTERVAL;
        for (int i = 0; i < 500; i++) {
            Duration delay = time.pendingDelays().get(0);
            assertThat(delay).isBetween(Duration.ofMillis(4500), Duration.ofMillis(5500));
            shortest = delay.compareTo(shortest) < 0 ? delay : shortest;
            longest = delay.compareTo(longest) > 0 ? delay : longest;
            time.advance(delay);
        }
        assertThat(shortest).as("spread low").isLessThan(Duration.ofMillis(4600));
        assertThat(longest).as("spread high").isGreaterThan(Duration.ofMillis(5400));
    }

    @Test
    void throwingCheckIsAFailureWithItsMessage() {
        check.throwing(new IOException("connection refused"));

        HealthGate gate = startedGate();

        assertThat(gate.snapshot().lastResult()).isEqualTo(CheckResult.fail("IOException: connection refused"));
        assertThat(gate.snapshot().consecutiveFailures()).isEqualTo(1);
        assertThat(time.pendingDelays()).as("keeps checking").containsExactly(STARTUP);
    }

    @Test
    void nullResultIsAFailure() {
        check.doing(() -> null);

        assertThat(startedGate().snapshot().lastResult()).isEqualTo(CheckResult.fail("check returned null"));
    }

    @Test
    void rejectedCheckIsAFailureAndTheGateKeepsTrying() {
        HealthGate gate = Gates.onManualTime(Gates.exact("db").build(), check, time)
                .executor(task -> {
                    throw new RejectedExecutionException("pool is shut down");
                })
                .build();

        gate.start();

        assertThat(gate.snapshot().lastResult())
                .isEqualTo(CheckResult.fail("executor rejected the check: pool is shut down"));
        assertThat(time.pendingDelays()).containsExactly(STARTUP);
    }

    @Test
    void snapshotShowsStreaksLastResultDurationAndTimes() {
        Duration took = Duration.ofMillis(30);
        check.doing(() -> {
            time.advance(took);
            return CheckResult.pass("SELECT 1 ok");
        });
        HealthGate gate = startedGate();
        time.advance(STARTUP.plus(took).multipliedBy(2));

        GateSnapshot snapshot = gate.snapshot();

        assertThat(snapshot.name()).isEqualTo("db");
        assertThat(snapshot.critical()).isTrue();
        assertThat(snapshot.state()).isEqualTo("READY");
        assertThat(snapshot.consecutivePasses()).isEqualTo(3);
        assertThat(snapshot.consecutiveFailures()).isZero();
        assertThat(snapshot.lastResult()).isEqualTo(CheckResult.pass("SELECT 1 ok"));
        assertThat(snapshot.lastDuration()).isEqualTo(Duration.ofMillis(30));
        assertThat(snapshot.lastCheckedAt()).isEqualTo(time.now());
        assertThat(snapshot.lastTransitionAt()).isEqualTo(time.now());
        assertThat(snapshot.checks()).isEqualTo(3);
    }

    @Test
    void snapshotBeforeAnyCheckIsNotReadyWithNothingRecorded() {
        GateSnapshot snapshot = Gates.onManualTime(Gates.exact("db").critical(false).build(), check, time)
                .build().snapshot();

        assertThat(snapshot.state()).isEqualTo("NOT_READY");
        assertThat(snapshot.critical()).isFalse();
        assertThat(snapshot.lastResult()).isNull();
        assertThat(snapshot.checks()).isZero();
    }

    @Test
    void stopCancelsTheSchedule() {
        HealthGate gate = startedGate();

        gate.stop();
        time.advance(Duration.ofMinutes(1));

        assertThat(check.runs()).isEqualTo(1);
        assertThat(time.pendingTasks()).isZero();
    }

    @Test
    void startAfterStopResumesWithAnImmediateCheck() {
        HealthGate gate = startedGate();
        gate.stop();

        gate.start();
        gate.start();

        assertThat(check.runs()).isEqualTo(2);
        assertThat(time.pendingDelays()).containsExactly(STARTUP);
    }
}
