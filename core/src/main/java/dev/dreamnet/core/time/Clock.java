package dev.dreamnet.core.time;

import java.time.Instant;

/**
 * The source of time for everything time-based: monotonic nanoseconds for durations and
 * wall-clock milliseconds for timestamps. Inject it; never read {@code System.nanoTime()} in logic.
 * Implementations are thread-safe.
 */
public interface Clock {

    /** Monotonic time in nanoseconds, only meaningful as a difference between two readings. */
    long nanoTime();

    /** Wall-clock time in milliseconds since the epoch, for timestamps shown to people. */
    long wallMillis();

    default Instant now() {
        return Instant.ofEpochMilli(wallMillis());
    }

    /** The system clock. */
    static Clock system() {
        return SystemClock.INSTANCE;
    }
}
