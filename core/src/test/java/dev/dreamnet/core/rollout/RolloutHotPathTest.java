package dev.dreamnet.core.rollout;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dreamnet.core.time.FakeClock;
import java.lang.management.ManagementFactory;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/** Assigning and recording allocate nothing and lose nothing when threads race. */
class RolloutHotPathTest {

    private static final int CALLS = 100_000;
    /** Room for the measuring itself; one object per call would be 1.6 MB. */
    private static final long SLACK_BYTES = 16 * 1024;

    private final FakeClock clock = new FakeClock();
    private final Rollout rollout = Rollout.builder(RolloutConfig.builder("checkout").build()).clock(clock).build();
    private final String[] subjects = new String[1_000];

    @Test
    void assigningAndRecordingAllocateNothing() {
        for (int i = 0; i < subjects.length; i++) {
            subjects[i] = "7d444840-9dc0-11d1-b245-" + (100_000_000_000L + i);
        }
        rollout.start();
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        assignAndRecord();
        long before = threads.getThreadAllocatedBytes(Thread.currentThread().getId());

        int canaries = assignAndRecord();

        assertThat(threads.getThreadAllocatedBytes(Thread.currentThread().getId()) - before).isLessThan(SLACK_BYTES);
        assertThat(canaries).isPositive();
    }

    private int assignAndRecord() {
        int canaries = 0;
        for (int i = 0; i < CALLS; i++) {
            Variant variant = rollout.assign(subjects[i % subjects.length]);
            canaries += variant == Variant.CANARY ? 1 : 0;
            rollout.record(variant, false, 1_000_000);
        }
        return canaries;
    }

    @Test
    void concurrentRecordingLosesNoRequest() throws Exception {
        int threads = 4;
        int perThread = 20_000;
        CountDownLatch start = new CountDownLatch(1);
        CountDownLatch done = new CountDownLatch(threads);
        AtomicReference<Throwable> failure = new AtomicReference<>();
        for (int t = 0; t < threads; t++) {
            Thread thread = new Thread(() -> {
                try {
                    start.await();
                    for (int i = 0; i < perThread; i++) {
                        rollout.record(i % 2 == 0 ? Variant.CANARY : Variant.BASELINE, i % 10 == 0, 1_000_000);
                    }
                } catch (Throwable e) {
                    failure.compareAndSet(null, e);
                } finally {
                    done.countDown();
                }
            });
            thread.start();
        }
        start.countDown();

        assertThat(done.await(30, TimeUnit.SECONDS)).as("recorders finished").isTrue();
        assertThat(failure.get()).isNull();
        RolloutSnapshot snapshot = rollout.snapshot();
        assertThat(snapshot.canary().requests() + snapshot.baseline().requests()).isEqualTo((long) threads * perThread);
        assertThat(snapshot.canary().errors() + snapshot.baseline().errors()).isEqualTo(threads * perThread / 10L);
    }
}
