package dev.dreamnet.core.breaker.internal;

/**
 * Counts the outcomes of recent calls for a closed breaker. Implementations are thread-safe and
 * lock-free, and recording a success allocates nothing.
 */
abstract sealed class SlidingWindow permits CountWindow, TimeWindow {

    /**
     * Records one outcome code (see {@link Outcome}) and, if {@code rule} is not null, applies it
     * when the rates may have risen: after a failure or slow call, after the minimum number of calls
     * may just have been reached, or (time window) after old buckets dropped out.
     *
     * @return the reason to trip, or null
     */
    abstract String record(int outcome, TripRule rule);

    abstract WindowCounts counts();
}
