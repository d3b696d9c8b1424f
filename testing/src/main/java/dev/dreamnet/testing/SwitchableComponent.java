package dev.dreamnet.testing;

import dev.dreamnet.core.health.CheckResult;
import dev.dreamnet.core.health.HealthCheck;
import dev.dreamnet.core.startup.Component;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A component that starts at once and checks itself as the test says: healthy until
 * {@link #failChecks(String)}, healthy again after {@link #passChecks()}. Counts its checks.
 * Thread-safe.
 */
public final class SwitchableComponent implements Component, HealthCheck {

    private volatile String failure; // null while healthy
    private final AtomicInteger checks = new AtomicInteger();

    @Override
    public void start() {
    }

    /** Every later check fails with {@code detail}. */
    public void failChecks(String detail) {
        failure = detail;
    }

    /** Every later check passes. */
    public void passChecks() {
        failure = null;
    }

    public int checks() {
        return checks.get();
    }

    @Override
    public CheckResult check() {
        checks.incrementAndGet();
        String current = failure;
        return current == null ? CheckResult.pass("switched on") : CheckResult.fail(current);
    }
}
