package dev.dreamnet.core.watchdog;

import java.util.List;

/** A {@link JvmProbe} whose facts the test sets. Thread-safe enough for tests: fields are volatile. */
final class FakeJvmProbe implements JvmProbe {

    volatile HeapUsage heap = new HeapUsage("G1 Old Gen", 0, 1000, true);
    volatile long gcPauseMillis;
    volatile int threads = 10;
    volatile int peakThreads = 10;
    volatile List<DeadlockedThread> deadlocked = List.of();

    void oldGenAfterGc(long used, long max) {
        heap = new HeapUsage("G1 Old Gen", used, max, true);
    }

    @Override
    public HeapUsage heapAfterGc() {
        return heap;
    }

    @Override
    public long gcPauseMillis() {
        return gcPauseMillis;
    }

    @Override
    public int threadCount() {
        return threads;
    }

    @Override
    public int peakThreadCount() {
        return peakThreads;
    }

    @Override
    public List<DeadlockedThread> deadlockedThreads() {
        return deadlocked;
    }
}
