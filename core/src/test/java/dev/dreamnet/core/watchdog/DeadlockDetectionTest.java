package dev.dreamnet.core.watchdog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Two real threads deadlocked on two locks turn the real deadlock watchdog CRIT. */
class DeadlockDetectionTest {

    private final ReentrantLock first = new ReentrantLock();
    private final ReentrantLock second = new ReentrantLock();
    private final CountDownLatch bothHoldOneLock = new CountDownLatch(2);
    private Thread alice;
    private Thread bob;

    @AfterEach
    void breakTheDeadlock() throws InterruptedException {
        alice.interrupt();
        bob.interrupt();
        alice.join(TimeUnit.SECONDS.toMillis(10));
        bob.join(TimeUnit.SECONDS.toMillis(10));
    }

    @Test
    void twoThreadsWaitingForEachOthersLockAreCritAndNamed() {
        alice = lockInOrder("watchdog-test-alice", first, second);
        bob = lockInOrder("watchdog-test-bob", second, first);
        await().atMost(Duration.ofSeconds(10))
                .until(() -> first.hasQueuedThread(bob) && second.hasQueuedThread(alice));

        Reading reading = new DeadlockWatchdog(JvmProbe.system()).read(0);

        assertThat(reading.level()).isEqualTo(Level.CRIT);
        assertThat(reading.value()).isEqualTo(2);
        assertThat(reading.reason()).startsWith("2 threads deadlocked: ")
                .contains("\"watchdog-test-alice\" waits for java.util.concurrent.locks.ReentrantLock$NonfairSync@")
                .contains("held by \"watchdog-test-bob\"")
                .contains("held by \"watchdog-test-alice\"");
        assertThat(reading.detail()).hasSize(2).allSatisfy(line -> assertThat(line).contains(" at "));
    }

    private Thread lockInOrder(String name, ReentrantLock outer, ReentrantLock inner) {
        Thread thread = new Thread(() -> {
            outer.lock();
            try {
                bothHoldOneLock.countDown();
                bothHoldOneLock.await();
                inner.lockInterruptibly();
                inner.unlock();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } finally {
                outer.unlock();
            }
        }, name);
        thread.setDaemon(true);
        thread.start();
        return thread;
    }
}
