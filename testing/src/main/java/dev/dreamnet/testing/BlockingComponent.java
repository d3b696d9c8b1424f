package dev.dreamnet.testing;

import dev.dreamnet.core.startup.Component;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * A component whose {@link #start()} blocks until the test calls {@link #release()}, so a test can
 * look at a service while it is still STARTING. Thread-safe.
 */
public final class BlockingComponent implements Component {

    private final CountDownLatch entered = new CountDownLatch(1);
    private final CountDownLatch released = new CountDownLatch(1);

    @Override
    public void start() throws InterruptedException {
        entered.countDown();
        released.await();
    }

    /** Lets {@link #start()} return. */
    public void release() {
        released.countDown();
    }

    /** Waits until {@link #start()} has been called; false if it was not within {@code timeout}. */
    public boolean awaitStarting(Duration timeout) throws InterruptedException {
        return entered.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }
}
