package dev.dreamnet.core.time;

import java.time.Duration;

/**
 * Runs tasks after a delay. Everything that waits takes one, so tests drive time with a
 * {@link ManualScheduler} instead of sleeping. Implementations are thread-safe.
 */
public interface Scheduler {

    /** Runs {@code task} once, {@code delay} from now. The returned handle cancels it. */
    Cancellable schedule(Duration delay, Runnable task);

    /** A scheduled task that can be cancelled; cancelling a task that already ran does nothing. */
    @FunctionalInterface
    interface Cancellable {
        void cancel();
    }
}
