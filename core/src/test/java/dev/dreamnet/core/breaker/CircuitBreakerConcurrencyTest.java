package dev.dreamnet.core.breaker;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dreamnet.core.time.FakeClock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class CircuitBreakerConcurrencyTest {

    private static final int THREADS = 8;

    private final FakeClock clock = new FakeClock();

    @Test
    void exactlyThePermittedCallersGetATrialPermitWhenRacingTheTransition() throws Exception {
        for (int round = 0; round < 50; round++) {
            RecordingListener listener = new RecordingListener();
            CircuitBreaker breaker = CircuitBreaker.builder("race-" + round).clock(clock).listener(listener)
                    .config(CircuitBreakerConfig.builder().permittedCallsInHalfOpen(3).build()).build();
            Calls.fail(breaker, 5);
            clock.advance(breaker.config().resetTimeout());
            AtomicInteger permitted = new AtomicInteger();

            race(() -> {
                if (breaker.tryAcquirePermission()) {
                    permitted.incrementAndGet();
                }
            });

            assertThat(permitted).hasValue(3);
            assertThat(breaker.state()).isEqualTo(CircuitBreaker.State.HALF_OPEN);
            assertThat(listener.transitions()).extracting(StateTransition::to)
                    .containsExactly(CircuitBreaker.State.OPEN, CircuitBreaker.State.HALF_OPEN);
        }
    }

    @Test
    void concurrentOutcomesAreCountedExactlyInACountWindow() throws Exception {
        assertExactCounts(CircuitBreakerConfig.builder().countWindow(1_000_000));
    }

    @Test
    void concurrentOutcomesAreCountedExactlyInATimeWindow() throws Exception {
        assertExactCounts(CircuitBreakerConfig.builder().timeWindow(Duration.ofSeconds(10)));
    }

    /**
     * Also a regression test, though it catches the bug only now and then: windows read calls before
     * failures, so a reader preempted between the reads saw a rate above 100% and tripped falsely.
     */
    private void assertExactCounts(CircuitBreakerConfig.Builder config) throws Exception {
        CircuitBreaker breaker = CircuitBreaker.builder("counts").clock(clock)
                .config(config.consecutiveFailures(1_000_000).failureRateThreshold(100).build()).build();

        race(() -> {
            for (int i = 0; i < 10_000; i++) {
                Calls.make(breaker, 1, i % 10 == 0 ? Calls.BOOM : null, Calls.FAST);
            }
        });

        CircuitBreakerSnapshot snapshot = breaker.snapshot();
        assertThat(snapshot.lastTransition()).as("no transition at a 100%% threshold").isNull();
        assertThat(snapshot.calls()).isEqualTo(THREADS * 10_000L);
        assertThat(snapshot.failures()).isEqualTo(THREADS * 1_000L);
        assertThat(snapshot.state()).isEqualTo(CircuitBreaker.State.CLOSED);
    }

    /** Runs {@code task} on every thread at once; rethrows the first failure. */
    private static void race(Runnable task) throws Exception {
        CountDownLatch start = new CountDownLatch(1);
        CountDownLatch done = new CountDownLatch(THREADS);
        AtomicReference<Throwable> firstFailure = new AtomicReference<>();
        List<Thread> threads = new ArrayList<>();
        for (int i = 0; i < THREADS; i++) {
            Thread thread = new Thread(() -> {
                try {
                    start.await();
                    task.run();
                } catch (Throwable e) {
                    firstFailure.compareAndSet(null, e);
                } finally {
                    done.countDown();
                }
            });
            thread.start();
            threads.add(thread);
        }
        start.countDown();
        assertThat(done.await(10, TimeUnit.SECONDS)).as("all threads finished in time").isTrue();
        if (firstFailure.get() != null) {
            throw new AssertionError("a racing thread failed", firstFailure.get());
        }
    }
}
