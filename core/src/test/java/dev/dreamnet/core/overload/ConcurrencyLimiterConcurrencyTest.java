package dev.dreamnet.core.overload;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class ConcurrencyLimiterConcurrencyTest {

    private static final int THREADS = 8;
    private static final int ROUNDS = 20_000;

    @Test
    void theCountNeverExceedsAFixedLimitAndReturnsToZero() throws Exception {
        ConcurrencyLimiter limiter = ConcurrencyLimiter.builder()
                .limit(AdaptiveLimitConfig.builder().initialLimit(6).minLimit(6).maxLimit(6).build()).build();

        race(limiter, 6);

        assertThat(limiter.inflight()).isZero();
        assertThat(limiter.snapshot().unmatchedReports()).isZero();
    }

    @Test
    void theCountNeverExceedsTheMaximumWhileTheLimitAdaptsAndReturnsToZero() throws Exception {
        ConcurrencyLimiter limiter = ConcurrencyLimiter.builder().limit(AdaptiveLimitConfig.builder()
                .initialLimit(4).minLimit(2).maxLimit(7).sampleWindow(Duration.ofNanos(1_000)).minSamples(1).build())
                .build();

        race(limiter, 7);

        assertThat(limiter.inflight()).isZero();
        assertThat(limiter.snapshot().unmatchedReports()).isZero();
        assertThat(limiter.limit()).isBetween(2, 7);
    }

    /**
     * Every thread acquires with a random class and reports a random outcome, on a shared fake
     * time that moves forward; after each admission it checks the count against {@code bound}.
     */
    private static void race(ConcurrencyLimiter limiter, int bound) throws Exception {
        AtomicLong now = new AtomicLong();
        CountDownLatch start = new CountDownLatch(1);
        CountDownLatch done = new CountDownLatch(THREADS);
        AtomicReference<Throwable> firstFailure = new AtomicReference<>();
        List<Thread> threads = new ArrayList<>();
        for (int t = 0; t < THREADS; t++) {
            SplittableRandom random = new SplittableRandom(t);
            Thread thread = new Thread(() -> {
                try {
                    start.await();
                    for (int i = 0; i < ROUNDS; i++) {
                        if (limiter.tryAcquire(Criticality.values()[random.nextInt(3)])) {
                            int inflight = limiter.inflight();
                            if (inflight > bound || inflight < 1) {
                                throw new AssertionError("in flight " + inflight + " outside [1, " + bound + "]");
                            }
                            report(limiter, random.nextInt(3), now.addAndGet(100), 1 + random.nextInt(10_000));
                        }
                    }
                } catch (Throwable e) {
                    firstFailure.compareAndSet(null, e);
                } finally {
                    done.countDown();
                }
            });
            threads.add(thread);
            thread.start();
        }
        start.countDown();
        assertThat(done.await(60, TimeUnit.SECONDS)).as("threads finished").isTrue();
        if (firstFailure.get() != null) {
            throw new AssertionError("a thread failed", firstFailure.get());
        }
    }

    private static void report(ConcurrencyLimiter limiter, int kind, long now, long rtt) {
        switch (kind) {
            case 0 -> limiter.onSuccess(now, rtt);
            case 1 -> limiter.onDropped(now, rtt);
            default -> limiter.release();
        }
    }
}
