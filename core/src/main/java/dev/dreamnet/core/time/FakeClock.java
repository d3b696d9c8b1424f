package dev.dreamnet.core.time;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A clock that moves only when told to, for tests (like Guava's FakeTicker). Both readings
 * advance together. Thread-safe.
 */
public class FakeClock implements Clock {

    private static final long START_WALL_MILLIS = 1_767_225_600_000L; // 2026-01-01T00:00:00Z

    private final AtomicLong nanos = new AtomicLong();

    @Override
    public long nanoTime() {
        return nanos.get();
    }

    @Override
    public long wallMillis() {
        return START_WALL_MILLIS + nanos.get() / 1_000_000L;
    }

    /** Moves time forward by {@code duration}. */
    public void advance(Duration duration) {
        if (duration.isNegative()) {
            throw new IllegalArgumentException("duration must be >= 0, was " + duration);
        }
        nanos.addAndGet(duration.toNanos());
    }
}
