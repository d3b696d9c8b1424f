package dev.dreamnet.core.health;

import java.util.concurrent.atomic.AtomicInteger;

/** A check whose behaviour the test switches between runs: pass, fail or throw. Counts its runs. */
final class SwitchableCheck implements HealthCheck {

    private volatile HealthCheck behaviour = () -> CheckResult.pass("ok");
    private final AtomicInteger runs = new AtomicInteger();

    SwitchableCheck passing() {
        behaviour = () -> CheckResult.pass("ok");
        return this;
    }

    SwitchableCheck failing(String detail) {
        behaviour = () -> CheckResult.fail(detail);
        return this;
    }

    SwitchableCheck throwing(Exception exception) {
        behaviour = () -> {
            throw exception;
        };
        return this;
    }

    SwitchableCheck doing(HealthCheck next) {
        behaviour = next;
        return this;
    }

    int runs() {
        return runs.get();
    }

    @Override
    public CheckResult check() throws Exception {
        runs.incrementAndGet();
        return behaviour.check();
    }
}
