package dev.dreamnet.core.watchdog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dreamnet.core.time.ManualScheduler;
import java.util.List;
import org.junit.jupiter.api.Test;

class WatchdogsTest {

    private final FakeJvmProbe probe = new FakeJvmProbe();
    private final Watchdogs watchdogs = new Watchdogs();

    @Test
    void readsEveryWatchdogInRegistrationOrder() {
        watchdogs.register(ThreadCountWatchdog.ofDefaults(probe)).register(new DeadlockWatchdog(probe));

        List<Reading> readings = watchdogs.readAll(0);

        assertThat(readings).extracting(Reading::name).containsExactly("threads", "deadlocks");
    }

    @Test
    void aNameMayBeRegisteredOnce() {
        watchdogs.register(new DeadlockWatchdog(probe));

        assertThatThrownBy(() -> watchdogs.register(new DeadlockWatchdog(probe)))
                .hasMessage("watchdog \"deadlocks\" is registered twice");
    }

    @Test
    void aWatchdogThatThrowsIsWarnAndTheOthersStillRead() {
        watchdogs.register(new Broken()).register(ThreadCountWatchdog.ofDefaults(probe));

        List<Reading> readings = watchdogs.readAll(0);

        assertThat(readings.get(0).level()).isEqualTo(Level.WARN);
        assertThat(readings.get(0).reason()).isEqualTo("watchdog failed: IllegalStateException: probe gone");
        assertThat(readings.get(1).level()).isEqualTo(Level.OK);
    }

    @Test
    void worstLevelIsTheMostSevereReading() {
        watchdogs.register(ThreadCountWatchdog.of(probe, 5, 100)).register(new DeadlockWatchdog(probe));
        assertThat(Watchdogs.worst(watchdogs.readAll(0))).isEqualTo(Level.WARN);

        probe.deadlocked = List.of(new DeadlockedThread("a", 1, "L", "b", 2, ""));

        assertThat(Watchdogs.worst(watchdogs.readAll(0))).isEqualTo(Level.CRIT);
        assertThat(Watchdogs.worst(List.of())).isEqualTo(Level.OK);
    }

    @Test
    void jvmDefaultsRegisterTheFiveJvmWatchdogsAndCloseStopsTheLagProbe() {
        ManualScheduler scheduler = new ManualScheduler();
        Watchdogs jvm = Watchdogs.jvmDefaults(probe, scheduler, scheduler);

        assertThat(jvm.all()).extracting(Watchdog::name)
                .containsExactly("heap-after-gc", "gc-time-share", "threads", "deadlocks", "scheduler-lag");
        assertThat(scheduler.pendingTasks()).isEqualTo(1);

        jvm.close();

        assertThat(scheduler.pendingTasks()).isZero();
    }

    @Test
    void aQueueGetsADepthAndADeadLetterRateWatchdog() {
        FakeQueueGauge gauge = new FakeQueueGauge();
        gauge.set("orders", 5, 1, 9);

        watchdogs.registerQueue("orders", gauge);

        assertThat(watchdogs.readAll(0)).extracting(Reading::name)
                .containsExactly("queue-depth:orders", "dlq-rate:orders");
        assertThatThrownBy(() -> watchdogs.registerQueue("orders", gauge))
                .hasMessage("watchdog \"dlq-rate:orders\" is registered twice");
        assertThat(watchdogs.all()).hasSize(2);
    }

    @Test
    void unregisterRemovesAndClosesTheWatchdog() {
        ManualScheduler scheduler = new ManualScheduler();
        SchedulerLagWatchdog lag = SchedulerLagWatchdog.builder(scheduler, scheduler).build();
        watchdogs.register(lag);
        lag.start();

        assertThat(watchdogs.unregister("scheduler-lag")).isTrue();

        assertThat(watchdogs.all()).isEmpty();
        assertThat(scheduler.pendingTasks()).isZero();
        assertThat(watchdogs.unregister("scheduler-lag")).isFalse();
    }

    private static final class Broken implements Watchdog {
        @Override
        public String name() {
            return "broken";
        }

        @Override
        public Reading read(long nowNanos) {
            throw new IllegalStateException("probe gone");
        }
    }
}
