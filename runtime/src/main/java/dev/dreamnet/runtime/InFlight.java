package dev.dreamnet.runtime;

import dev.dreamnet.core.time.Clock;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Counts requests being served so shutdown can wait for them to finish. Thread-safe; waiting
 * uses the monitor of {@code this} and is woken by the last request to leave.
 */
public final class InFlight {

    private final AtomicInteger count = new AtomicInteger();

    public void enter() {
        count.incrementAndGet();
    }

    public void exit() {
        if (count.decrementAndGet() == 0) {
            synchronized (this) {
                notifyAll();
            }
        }
    }

    public int count() {
        return count.get();
    }

    /** Waits until no request is in flight or {@code grace} has passed; returns how many are left. */
    public int awaitIdle(Duration grace, Clock clock) throws InterruptedException {
        long deadline = clock.nanoTime() + grace.toNanos();
        synchronized (this) {
            long left;
            while (count.get() > 0 && (left = deadline - clock.nanoTime()) > 0) {
                wait(Math.max(1, left / 1_000_000));
            }
        }
        return count.get();
    }
}
