package dev.dreamnet.core.breaker.internal;

import java.util.concurrent.atomic.AtomicIntegerArray;

/**
 * The last {@code size} calls, as a lock-free ring of outcome codes. A call takes the next
 * position from a shared cursor and replaces the outcome that was there; the failure and slow
 * counters change only when the replaced outcome differs, so a run of successes writes nothing
 * but the cursor. Cursor and counters each own a cache line. The counters always equal what the
 * ring holds; a caller delayed by a whole lap of the ring may land its outcome one lap late.
 * Thread-safe.
 */
final class CountWindow extends SlidingWindow {

    private static final int CURSOR = 0;
    private static final int FAILURES = 1;
    private static final int SLOW_CALLS = 2;

    private final int size;
    private final int minimumCalls;
    private final PaddedCounters counters = new PaddedCounters(3);
    private final AtomicIntegerArray ring;

    CountWindow(int size, int minimumCalls) {
        this.size = size;
        this.minimumCalls = minimumCalls;
        this.ring = new AtomicIntegerArray(size);
    }

    @Override
    String record(int outcome, TripRule rule) {
        long position = counters.getAndIncrement(CURSOR);
        int index = (int) (position % size);
        if (ring.get(index) != outcome) {
            replace(index, outcome);
        }
        if (rule == null || (outcome == Outcome.SUCCESS && position >= minimumCalls)) {
            return null;
        }
        return check(rule);
    }

    private void replace(int index, int outcome) {
        int old = ring.getAndSet(index, outcome);
        int failureDelta = (outcome & Outcome.FAILURE) - (old & Outcome.FAILURE);
        int slowDelta = ((outcome & Outcome.SLOW) - (old & Outcome.SLOW)) >> 1;
        if (failureDelta != 0) {
            counters.add(FAILURES, failureDelta);
        }
        if (slowDelta != 0) {
            counters.add(SLOW_CALLS, slowDelta);
        }
    }

    /**
     * Reads failures and slow calls before calls: a call takes its position before it counts its
     * outcome, so this order never pairs a stale call count with fresher failures (which could read
     * as a rate above 100% and trip the breaker falsely if the reader is preempted between reads).
     */
    private String check(TripRule rule) {
        long failures = counters.get(FAILURES);
        long slowCalls = counters.get(SLOW_CALLS);
        return rule.check(calls(), failures, slowCalls);
    }

    private long calls() {
        return Math.min(counters.get(CURSOR), size);
    }

    @Override
    WindowCounts counts() {
        long failures = counters.get(FAILURES);
        long slowCalls = counters.get(SLOW_CALLS);
        return new WindowCounts(calls(), failures, slowCalls);
    }
}
