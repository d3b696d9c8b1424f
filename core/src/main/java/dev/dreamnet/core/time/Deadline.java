package dev.dreamnet.core.time;

import java.time.Duration;
import java.util.Objects;

/**
 * The moment by which a caller needs an answer, on a {@link Clock}'s monotonic time, so that
 * work done on its behalf (a retry, a wait) can tell whether it would end too late. Immutable and
 * thread-safe.
 */
public final class Deadline {

    private static final Deadline NONE = new Deadline(null, 0);

    private final Clock clock;
    private final long deadlineNanos;

    private Deadline(Clock clock, long deadlineNanos) {
        this.clock = clock;
        this.deadlineNanos = deadlineNanos;
    }

    /** The deadline {@code timeout} from now on {@code clock}. */
    public static Deadline after(Duration timeout, Clock clock) {
        Objects.requireNonNull(timeout, "timeout must not be null");
        Objects.requireNonNull(clock, "clock must not be null");
        return new Deadline(clock, clock.nanoTime() + timeout.toNanos());
    }

    /** No deadline: it never expires and allows any wait. */
    public static Deadline none() {
        return NONE;
    }

    /** Time left, zero once expired; for {@link #none()} the longest Duration there is. */
    public Duration remaining() {
        if (clock == null) {
            return Duration.ofSeconds(Long.MAX_VALUE, 999_999_999);
        }
        return Duration.ofNanos(Math.max(0, deadlineNanos - clock.nanoTime()));
    }

    public boolean isExpired() {
        return clock != null && deadlineNanos - clock.nanoTime() <= 0;
    }

    /** Whether waiting {@code wait} from now would still end strictly before the deadline. */
    public boolean allows(Duration wait) {
        return clock == null || wait.toNanos() < deadlineNanos - clock.nanoTime();
    }

    @Override
    public String toString() {
        return clock == null ? "Deadline[none]" : "Deadline[" + remaining() + " left]";
    }
}
