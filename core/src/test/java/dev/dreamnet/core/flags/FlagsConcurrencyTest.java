package dev.dreamnet.core.flags;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/**
 * Readers racing concurrent swaps never see a mix of two snapshots: the two flags of a pair are
 * always swapped together, so within one snapshot they are always equal, and the snapshot's state
 * version, config version and flag values always belong together.
 */
class FlagsConcurrencyTest {

    private static final int WRITERS = 2;
    private static final int READERS = 4;
    private static final int SWAPS_PER_WRITER = 2_000;

    private static final int MIN_READS = 20_000;

    private final Flags flags = Flags.of(snapshot(0));
    private final AtomicLong versions = new AtomicLong();

    @Test
    void aReaderNeverSeesAMixOfTwoSnapshots() throws Exception {
        CountDownLatch start = new CountDownLatch(1);
        CountDownLatch done = new CountDownLatch(WRITERS + READERS);
        AtomicReference<Throwable> firstFailure = new AtomicReference<>();
        AtomicBoolean writing = new AtomicBoolean(true);
        CountDownLatch writersDone = new CountDownLatch(WRITERS);
        List<Thread> threads = new ArrayList<>();
        for (int w = 0; w < WRITERS; w++) {
            threads.add(thread(start, done, firstFailure, () -> {
                swapMany();
                writersDone.countDown();
            }));
        }
        for (int r = 0; r < READERS; r++) {
            threads.add(thread(start, done, firstFailure, () -> readUntil(writing)));
        }
        threads.forEach(Thread::start);
        start.countDown();
        assertThat(writersDone.await(30, TimeUnit.SECONDS)).as("writers finished in time").isTrue();
        writing.set(false);

        assertThat(done.await(30, TimeUnit.SECONDS)).as("all threads finished in time").isTrue();
        if (firstFailure.get() != null) {
            throw new AssertionError("a thread failed", firstFailure.get());
        }
        assertThat(flags.snapshot().state().version()).isEqualTo(WRITERS * SWAPS_PER_WRITER);
    }

    /** Swaps in the next version; a swap that lost the race to a newer one is refused, as it should be. */
    private void swapMany() {
        for (int i = 0; i < SWAPS_PER_WRITER; i++) {
            FlagSnapshot wanted = snapshot(versions.incrementAndGet());
            try {
                flags.swap(wanted.definitions(), wanted.state(), wanted.configVersion());
            } catch (StaleFlagStateException lostTheRace) {
                assertThat(lostTheRace.installedVersion()).isGreaterThan(lostTheRace.offeredVersion());
            }
        }
    }

    private void readUntil(AtomicBoolean writing) {
        long lastVersion = -1;
        for (int reads = 0; writing.get() || reads < MIN_READS; reads++) {
            FlagSnapshot snapshot = flags.snapshot();
            long version = snapshot.state().version();
            boolean even = version % 2 == 0;
            assertThat(snapshot.isEnabled("pair.a")).as("pair.a at version %d", version).isEqualTo(even);
            assertThat(snapshot.isEnabled("pair.b")).as("pair.b at version %d", version).isEqualTo(even);
            assertThat(snapshot.configVersion()).isEqualTo("v" + version);
            assertThat(version).as("versions never go back").isGreaterThanOrEqualTo(lastVersion);
            lastVersion = version;
        }
    }

    /** Version {@code version}: both flags of the pair on when it is even, off when odd. */
    private static FlagSnapshot snapshot(long version) {
        boolean even = version % 2 == 0;
        List<FlagDefinition> definitions = List.of(
                FlagDefinition.builder("pair.a").owner("test").enabled(even).build(),
                FlagDefinition.builder("pair.b").owner("test").enabled(even).build());
        FlagState state = new FlagState(Mode.NORMAL, KillSwitches.NONE, Map.of(), Set.of(), version);
        return FlagSnapshot.of(definitions, state, "v" + version);
    }

    private static Thread thread(CountDownLatch start, CountDownLatch done, AtomicReference<Throwable> firstFailure,
            Runnable task) {
        return new Thread(() -> {
            try {
                start.await();
                task.run();
            } catch (Throwable e) {
                firstFailure.compareAndSet(null, e);
            } finally {
                done.countDown();
            }
        });
    }
}
