package dev.dreamnet.core.slo;

import java.time.Duration;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;

/**
 * Good and bad counts per wall-clock minute (minute = epoch millis / 60,000). A window of N minutes ending at a
 * moment covers that moment's minute, partly elapsed, and the N - 1 before it, so a burn shows in every window
 * as soon as it is counted. Keeps at most the minutes it is told to; older ones are dropped. Thread-safe (every
 * method is synchronized; sums over a 30-day window touch at most 43,200 entries).
 */
public final class MinuteCounts {

    public static final long MINUTE_MILLIS = 60_000;

    private final NavigableMap<Long, long[]> minutes = new TreeMap<>(); // guarded by this

    /** The minute {@code wallMillis} falls in. */
    public static long minuteOf(long wallMillis) {
        return Math.floorDiv(wallMillis, MINUTE_MILLIS);
    }

    /** The first minute of the {@code window} ending in minute {@code now}. */
    public static long firstMinute(long now, Duration window) {
        return now - Math.max(1, window.toMinutes()) + 1;
    }

    public synchronized void add(long minute, long good, long bad) {
        if (good == 0 && bad == 0) {
            return;
        }
        long[] counts = minutes.computeIfAbsent(minute, m -> new long[2]);
        counts[0] += good;
        counts[1] += bad;
    }

    /** The counts over {@code window} ending in the minute of {@code nowMillis}. */
    public synchronized Counts over(long nowMillis, Duration window) {
        long now = minuteOf(nowMillis);
        long good = 0;
        long bad = 0;
        for (long[] counts : minutes.subMap(firstMinute(now, window), true, now, true).values()) {
            good += counts[0];
            bad += counts[1];
        }
        return new Counts(good, bad);
    }

    /** Drops every minute before {@code minute}. */
    public synchronized void dropBefore(long minute) {
        minutes.headMap(minute, false).clear();
    }

    /** Removes and returns every minute's counts ({minute: [good, bad]}), oldest first. */
    public synchronized NavigableMap<Long, long[]> drain() {
        NavigableMap<Long, long[]> all = new TreeMap<>(minutes);
        minutes.clear();
        return all;
    }

    /** Adds back what {@link #drain()} returned (a write that failed is retried with the next batch). */
    public synchronized void restore(Map<Long, long[]> drained) {
        drained.forEach((minute, counts) -> add(minute, counts[0], counts[1]));
    }

    public synchronized boolean isEmpty() {
        return minutes.isEmpty();
    }
}
