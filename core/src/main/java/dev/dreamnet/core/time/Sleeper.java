package dev.dreamnet.core.time;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * Waits. Everything that waits takes one, so tests pass a fake that only records the wait (and
 * perhaps advances a {@link FakeClock}) instead of sleeping. Implementations are thread-safe.
 */
@FunctionalInterface
public interface Sleeper {

    /** Waits for {@code duration}; a zero or negative duration returns at once. */
    void sleep(Duration duration) throws InterruptedException;

    /** Sleeps the calling thread. */
    static Sleeper system() {
        return duration -> TimeUnit.NANOSECONDS.sleep(duration.toNanos());
    }
}
