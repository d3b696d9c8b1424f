package dev.dreamnet.core.breaker.internal;

/**
 * Counts the outcomes of recent calls for a closed breaker. Implementations are thread-safe and
 * lock-free, and recording a success allocates nothing.
 */
abstract sealed class SlidingWindow permits CountWindow, TimeWindow {

    /**
     * Records one outcome code (see {@link Outcome}). Returns true when the trip rule should be
     * checked: after a failure or slow call, and after a success only when the rates may have
     * risen or the minimum number of calls may just have been reached.
     */
    abstract boolean record(int outcome);

    /** Applies the rule to the current counts: the reason to trip, or null. */
    abstract String check(TripRule rule);

    abstract WindowCounts counts();
}
