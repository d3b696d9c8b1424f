package dev.dreamnet.core.health;

import static dev.dreamnet.core.health.Gates.STARTUP;
import static dev.dreamnet.core.health.Gates.TIMEOUT;
import static org.assertj.core.api.Assertions.assertThat;

import dev.dreamnet.core.time.FakeClock;
import dev.dreamnet.core.time.ManualScheduler;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class HealthGateTimeoutTest {

    private final ManualScheduler time = new ManualScheduler();
    private final SwitchableCheck check = new SwitchableCheck();
    private final QueueingExecutor executor = new QueueingExecutor();
    private final HealthGate gate = Gates.onManualTime(Gates.exact("db").build(), check, time)
            .executor(executor)
            .build();

    @Test
    void hungCheckCountsAsFailureAndIsNeverRunTwiceAtOnce() {
        gate.start();

        time.advance(TIMEOUT);
        assertThat(gate.snapshot().lastResult()).isEqualTo(CheckResult.fail("timed out after 2s"));
        assertThat(gate.snapshot().lastDuration()).isEqualTo(TIMEOUT);

        time.advance(STARTUP);
        assertThat(gate.snapshot().lastResult()).isEqualTo(CheckResult.fail("still running after 2.2s"));
        time.advance(STARTUP);
        assertThat(gate.snapshot().lastResult()).isEqualTo(CheckResult.fail("still running after 2.4s"));

        assertThat(executor.queued()).as("one copy only").isEqualTo(1);
        assertThat(gate.snapshot().consecutiveFailures()).isEqualTo(3);
    }

    @Test
    void lateResultOfATimedOutCheckIsIgnoredAndTheNextRunStartsFresh() {
        gate.start();
        time.advance(TIMEOUT);

        executor.runNext();
        assertThat(gate.snapshot().lastResult()).isEqualTo(CheckResult.fail("timed out after 2s"));
        assertThat(gate.snapshot().checks()).isEqualTo(1);

        time.advance(STARTUP);
        assertThat(executor.queued()).isEqualTo(1);
        executor.runNext();
        assertThat(gate.snapshot().lastResult()).isEqualTo(CheckResult.pass("ok"));
    }

    @Test
    void checkReturningAfterItsTimeoutCountsAsTimedOutEvenWhenTheTimerRunsLate() {
        FakeClock clock = new FakeClock();
        HealthGate slow = Gates.onManualTime(Gates.exact("slow").build(), check, time).clock(clock).build();
        check.doing(() -> {
            clock.advance(Duration.ofSeconds(3));
            return CheckResult.pass("ok, eventually");
        });

        slow.start();

        assertThat(slow.snapshot().lastResult()).isEqualTo(CheckResult.fail("timed out after 2s"));
        assertThat(slow.snapshot().lastDuration()).isEqualTo(Duration.ofSeconds(3));
        assertThat(time.pendingDelays()).as("timer cancelled, next run scheduled").containsExactly(STARTUP);
    }

    @Test
    void finishedCheckCancelsItsTimeout() {
        gate.start();

        executor.runNext();

        assertThat(time.pendingDelays()).containsExactly(STARTUP);
    }

    @Test
    void stoppedGateIgnoresTheResultOfARunningCheck() {
        gate.start();
        gate.stop();

        executor.runNext();

        assertThat(gate.snapshot().checks()).isZero();
        assertThat(time.pendingTasks()).isZero();
    }

    @Test
    void restartWhileAnOldCheckStillRunsDoesNotStartASecondCopy() {
        gate.start();
        time.advance(Duration.ofMillis(500));
        gate.stop();

        gate.start();

        assertThat(executor.queued()).isEqualTo(1);
        assertThat(gate.snapshot().lastResult()).isEqualTo(CheckResult.fail("still running after 500ms"));
    }
}
