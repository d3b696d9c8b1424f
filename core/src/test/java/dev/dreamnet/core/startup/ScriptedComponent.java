package dev.dreamnet.core.startup;

import dev.dreamnet.core.time.FakeClock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;

/** A component that fails a set number of times, takes fake time, or hangs, and logs every call. */
final class ScriptedComponent implements Component {

    private final String name;
    private final List<String> log;
    private final AtomicInteger failuresLeft;
    private FakeClock clock;
    private Duration takes = Duration.ZERO;
    private CountDownLatch hang;
    private boolean failStop;

    ScriptedComponent(String name, List<String> log, int failures) {
        this.name = name;
        this.log = log;
        this.failuresLeft = new AtomicInteger(failures);
    }

    ScriptedComponent taking(FakeClock clock, Duration takes) {
        this.clock = clock;
        this.takes = takes;
        return this;
    }

    ScriptedComponent hangingUntil(CountDownLatch latch) {
        this.hang = latch;
        return this;
    }

    ScriptedComponent failingToStop() {
        this.failStop = true;
        return this;
    }

    @Override
    public void start() throws Exception {
        log.add("start:" + name);
        if (hang != null) {
            hang.await();
        }
        if (clock != null) {
            clock.advance(takes);
        }
        if (failuresLeft.getAndDecrement() > 0) {
            throw new IllegalStateException(name + " is not reachable");
        }
    }

    @Override
    public void stop() {
        log.add("stop:" + name);
        if (failStop) {
            throw new IllegalStateException(name + " refused to stop");
        }
    }
}
