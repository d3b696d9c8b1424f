package dev.dreamnet.core.time;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

class RepeatingTest {

    private final ManualScheduler scheduler = new ManualScheduler();
    private final AtomicInteger runs = new AtomicInteger();

    @Test
    void runsOncePerPauseUntilStopped() {
        Repeating repeating = new Repeating(scheduler, scheduler, Runnable::run, Duration.ofMillis(200), runs::incrementAndGet);

        repeating.start();
        scheduler.advance(Duration.ofMillis(199));
        assertThat(runs).hasValue(0);
        scheduler.advance(Duration.ofMillis(1));
        assertThat(runs).hasValue(1);
        scheduler.advance(Duration.ofMillis(400));
        assertThat(runs).hasValue(3);

        repeating.stop();
        scheduler.advance(Duration.ofSeconds(1));
        assertThat(runs).hasValue(3);
        assertThat(repeating.running()).isFalse();
    }

    @Test
    void aRunThatThrowsDoesNotStopTheRepetition() {
        Repeating repeating = new Repeating(scheduler, scheduler, Runnable::run, Duration.ofMillis(100), () -> {
            runs.incrementAndGet();
            throw new IllegalStateException("boom");
        });
        repeating.start();

        for (int i = 0; i < 3; i++) {
            try {
                scheduler.advance(Duration.ofMillis(100));
            } catch (IllegalStateException expected) {
                // the scheduler surfaces the task's exception; the next run is already scheduled
            }
        }

        assertThat(runs).hasValue(3);
    }

    @Test
    void stopAndWaitReturnsOnlyOnceTheRunInProgressHasFinished() throws Exception {
        CountDownLatch inRun = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        ExecutorService worker = Executors.newSingleThreadExecutor();
        Repeating repeating = new Repeating(scheduler, scheduler, worker, Duration.ofMillis(100), () -> {
            inRun.countDown();
            awaitQuietly(release);
            runs.incrementAndGet();
        });
        repeating.start();
        scheduler.advance(Duration.ofMillis(100));
        assertThat(inRun.await(10, TimeUnit.SECONDS)).isTrue();

        Future<Boolean> stopped = Executors.newSingleThreadExecutor().submit(() -> repeating.stopAndWait(Duration.ofSeconds(10)));
        release.countDown();

        assertThat(stopped.get(10, TimeUnit.SECONDS)).isTrue();
        assertThat(runs).as("the run finished before stopAndWait returned").hasValue(1);
        scheduler.advance(Duration.ofSeconds(1));
        assertThat(runs).as("no run after the stop").hasValue(1);
        worker.shutdown();
    }

    /** stopAndWait measured its timeout on System.nanoTime instead of the injected clock. */
    @Test
    @Timeout(10)
    void stopAndWaitTimesOutOnItsInjectedClockWithoutSleeping() throws Exception {
        CountDownLatch inRun = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        ExecutorService worker = Executors.newSingleThreadExecutor();
        Clock anHourPerReading = new FakeClock() {
            @Override
            public long nanoTime() {
                advance(Duration.ofHours(1));
                return super.nanoTime();
            }
        };
        Repeating repeating = new Repeating(anHourPerReading, scheduler, worker, Duration.ofMillis(100), () -> {
            inRun.countDown();
            awaitQuietly(release);
        });
        repeating.start();
        scheduler.advance(Duration.ofMillis(100));
        assertThat(inRun.await(10, TimeUnit.SECONDS)).isTrue();

        assertThat(repeating.stopAndWait(Duration.ofMinutes(30))).as("still running when the clock passed the timeout").isFalse();
        release.countDown();
        worker.shutdown();
    }

    @Test
    void stopAndWaitWithNoRunInProgressReturnsAtOnce() throws Exception {
        Repeating repeating = new Repeating(scheduler, scheduler, Runnable::run, Duration.ofMillis(100), runs::incrementAndGet);
        repeating.start();

        assertThat(repeating.stopAndWait(Duration.ZERO)).isTrue();
        assertThat(repeating.running()).isFalse();
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Test
    void aPauseOfZeroIsRefusedByName() {
        assertThatThrownBy(() -> new Repeating(scheduler, scheduler, Runnable::run, Duration.ZERO, () -> { }))
                .hasMessage("pause must be > 0, was PT0S");
    }
}
