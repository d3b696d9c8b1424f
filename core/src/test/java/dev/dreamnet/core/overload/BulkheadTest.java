package dev.dreamnet.core.overload;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class BulkheadTest {

    @Test
    void admitsUpToTheCapThenRefusesAndCountsRefusals() {
        Bulkhead bulkhead = new Bulkhead("provider", 2);

        assertThat(bulkhead.tryAcquire()).isTrue();
        assertThat(bulkhead.tryAcquire()).isTrue();
        assertThat(bulkhead.tryAcquire()).isFalse();
        assertThatThrownBy(bulkhead::acquire).isInstanceOf(BulkheadFullException.class)
                .hasMessage("bulkhead \"provider\" is full: 2 calls are already in flight, the most it allows");

        assertThat(bulkhead.inUse()).isEqualTo(2);
        assertThat(bulkhead.refused()).isEqualTo(2);
    }

    @Test
    void aReleaseFreesAPlace() {
        Bulkhead bulkhead = new Bulkhead("provider", 1);
        bulkhead.acquire();
        bulkhead.release();

        assertThat(bulkhead.tryAcquire()).isTrue();
        assertThat(bulkhead.inUse()).isEqualTo(1);
    }

    @Test
    void aReleaseWithNothingInFlightIsIgnoredAndCounted() {
        Bulkhead bulkhead = new Bulkhead("provider", 1);
        bulkhead.release();

        assertThat(bulkhead.inUse()).isZero();
        assertThat(bulkhead.unmatchedReleases()).isEqualTo(1);
        assertThat(bulkhead.tryAcquire()).isTrue();
        assertThat(bulkhead.tryAcquire()).as("the stray release did not add a place").isFalse();
    }

    @Test
    void theCapIsValidated() {
        assertThatThrownBy(() -> new Bulkhead("provider", 0))
                .hasMessage("maxConcurrent must be between 1 and 100000, was 0");
    }

    @Test
    void eightThreadsNeverHaveMoreThanTheCapInFlight() throws Exception {
        Bulkhead bulkhead = new Bulkhead("provider", 3);
        AtomicInteger inside = new AtomicInteger();
        AtomicInteger most = new AtomicInteger();
        AtomicReference<Throwable> failure = new AtomicReference<>();
        CountDownLatch start = new CountDownLatch(1);
        CountDownLatch done = new CountDownLatch(8);
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            for (int t = 0; t < 8; t++) {
                pool.execute(() -> {
                    try {
                        start.await();
                        for (int i = 0; i < 20_000; i++) {
                            if (bulkhead.tryAcquire()) {
                                most.accumulateAndGet(inside.incrementAndGet(), Math::max);
                                inside.decrementAndGet();
                                bulkhead.release();
                            }
                        }
                    } catch (Throwable e) {
                        failure.compareAndSet(null, e);
                    } finally {
                        done.countDown();
                    }
                });
            }
            start.countDown();
            assertThat(done.await(30, TimeUnit.SECONDS)).isTrue();
        } finally {
            pool.shutdownNow();
        }
        assertThat(failure.get()).isNull();
        assertThat(most.get()).isBetween(1, 3);
        assertThat(bulkhead.inUse()).isZero();
        assertThat(bulkhead.unmatchedReleases()).isZero();
    }
}
