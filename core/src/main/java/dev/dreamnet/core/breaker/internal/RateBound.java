package dev.dreamnet.core.breaker.internal;

/**
 * Spares a time window a full sum on most failures: it remembers the last full sum of the current
 * second and counts the failures and slow calls recorded since. Within that second calls can only
 * grow, so the remembered calls with the remembered failures plus those since bound the rates from
 * above; while that bound stays under the thresholds the window cannot trip and need not be summed.
 * Every error in the bound is an overestimate, which only costs a sum. Thread-safe, lock-free.
 */
final class RateBound {

    private static final int FAILURES = 0;
    private static final int SLOW_CALLS = 1;

    private final PaddedCounters recorded = new PaddedCounters(2);
    private volatile Sum last;

    /** A full sum of one second, with the counters' values read just before it. */
    private record Sum(int second, long calls, long failures, long slowCalls, long failuresBase, long slowBase) {
    }

    /** Counts a failure or slow call; call it after the window's cells have counted the outcome. */
    void count(int outcome) {
        if (Outcome.isFailure(outcome)) {
            recorded.add(FAILURES, 1);
        }
        if (Outcome.isSlow(outcome)) {
            recorded.add(SLOW_CALLS, 1);
        }
    }

    /** Whether the window could trip now, so that it must be summed to know. */
    boolean mayTrip(int second, TripRule rule) {
        Sum sum = last;
        if (sum == null || sum.second() != second) {
            return true;
        }
        long failures = sum.failures() + recorded.get(FAILURES) - sum.failuresBase();
        long slowCalls = sum.slowCalls() + recorded.get(SLOW_CALLS) - sum.slowBase();
        return rule.check(sum.calls(), failures, slowCalls) != null;
    }

    long failuresBase() {
        return recorded.get(FAILURES);
    }

    long slowBase() {
        return recorded.get(SLOW_CALLS);
    }

    /** Remembers a full sum of {@code second}, taken after reading the two bases. */
    void remember(int second, WindowCounts counts, long failuresBase, long slowBase) {
        last = new Sum(second, counts.calls(), counts.failures(), counts.slowCalls(), failuresBase, slowBase);
    }
}
