package dev.dreamnet.core.breaker.internal;

import java.util.concurrent.atomic.AtomicIntegerArray;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicLongArray;

/**
 * The last {@code size} calls, as a lock-free ring of outcome codes. A call takes the next
 * position from a shared cursor and replaces the outcome that was there; the failure and slow
 * counters change only when the replaced outcome differs, so a run of successes writes nothing
 * but the cursor. The counters always equal what the ring holds; a caller delayed by a whole lap
 * of the ring may land its outcome one lap late. Thread-safe.
 */
final class CountWindow extends SlidingWindow {

    /** The cursor sits in the middle of this array so that it owns its cache line. */
    private static final int CURSOR = 7;

    private final int size;
    private final int minimumCalls;
    private final AtomicLongArray cursor = new AtomicLongArray(2 * CURSOR + 1);
    private final AtomicIntegerArray ring;
    private final AtomicLong failures = new AtomicLong();
    private final AtomicLong slowCalls = new AtomicLong();

    CountWindow(int size, int minimumCalls) {
        this.size = size;
        this.minimumCalls = minimumCalls;
        this.ring = new AtomicIntegerArray(size);
    }

    @Override
    String record(int outcome, TripRule rule) {
        long position = cursor.getAndIncrement(CURSOR);
        int index = (int) (position % size);
        if (ring.get(index) != outcome) {
            replace(index, outcome);
        }
        if (rule == null || (outcome == Outcome.SUCCESS && position >= minimumCalls)) {
            return null;
        }
        return rule.check(calls(), failures.get(), slowCalls.get());
    }

    private void replace(int index, int outcome) {
        int old = ring.getAndSet(index, outcome);
        int failureDelta = (outcome & Outcome.FAILURE) - (old & Outcome.FAILURE);
        int slowDelta = ((outcome & Outcome.SLOW) - (old & Outcome.SLOW)) >> 1;
        if (failureDelta != 0) {
            failures.addAndGet(failureDelta);
        }
        if (slowDelta != 0) {
            slowCalls.addAndGet(slowDelta);
        }
    }

    private long calls() {
        return Math.min(cursor.get(CURSOR), size);
    }

    @Override
    WindowCounts counts() {
        return new WindowCounts(calls(), failures.get(), slowCalls.get());
    }
}
