package dev.dreamnet.core.watchdog;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class DeadlockWatchdogTest {

    private final FakeJvmProbe probe = new FakeJvmProbe();
    private final DeadlockWatchdog watchdog = new DeadlockWatchdog(probe);

    @Test
    void noDeadlockedThreadsIsOk() {
        Reading reading = watchdog.read(0);

        assertThat(reading.level()).isEqualTo(Level.OK);
        assertThat(reading.reason()).isEqualTo("no deadlocked threads");
        assertThat(reading.detail()).isEmpty();
    }

    @Test
    void anyDeadlockIsCritNamingEachThreadItsLockAndTheHolder() {
        probe.deadlocked = List.of(
                new DeadlockedThread("a", 1, "Lock@1", "b", 2, "Foo.bar(Foo.java:1)"),
                new DeadlockedThread("b", 2, "Lock@2", "a", 1, ""));

        Reading reading = watchdog.read(0);

        assertThat(reading.level()).isEqualTo(Level.CRIT);
        assertThat(reading.value()).isEqualTo(2);
        assertThat(reading.reason()).isEqualTo("2 threads deadlocked: \"a\" waits for Lock@1 held by \"b\"; "
                + "\"b\" waits for Lock@2 held by \"a\"");
        assertThat(reading.detail()).containsExactly(
                "\"a\" waits for Lock@1 held by \"b\" at Foo.bar(Foo.java:1)",
                "\"b\" waits for Lock@2 held by \"a\"");
    }
}
