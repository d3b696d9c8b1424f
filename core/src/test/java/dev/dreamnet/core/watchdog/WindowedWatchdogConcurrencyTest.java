package dev.dreamnet.core.watchdog;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/**
 * Readers racing on one windowed watchdog: each read sees a larger counter, so a reading recorded
 * out of order would look like a counter reset and be counted twice.
 */
class WindowedWatchdogConcurrencyTest {

    private static final int THREADS = 4;
    private static final int READS = 5_000;

    @Test
    void concurrentReadsCountEveryDeadLetterExactlyOnce() throws InterruptedException {
        AtomicLong deadLettered = new AtomicLong();
        DeadLetterRateWatchdog watchdog = DeadLetterRateWatchdog.ofDefaults("orders",
                queue -> new QueueStats(0, 0, deadLettered.incrementAndGet()));
        watchdog.read(0);
        CountDownLatch start = new CountDownLatch(1);
        CountDownLatch done = new CountDownLatch(THREADS);
        AtomicReference<Throwable> failure = new AtomicReference<>();
        for (int t = 0; t < THREADS; t++) {
            Thread reader = new Thread(() -> {
                try {
                    start.await();
                    for (int i = 0; i < READS; i++) {
                        watchdog.read(0);
                    }
                } catch (Throwable e) {
                    failure.compareAndSet(null, e);
                } finally {
                    done.countDown();
                }
            });
            reader.setDaemon(true);
            reader.start();
        }

        start.countDown();

        assertThat(done.await(60, TimeUnit.SECONDS)).as("readers finished").isTrue();
        assertThat(failure.get()).isNull();
        assertThat(watchdog.read(0).value()).isEqualTo(THREADS * READS + 1.0);
    }
}
