package dev.dreamnet.core.health;

/** Runs a {@link HealthCheck} once and turns whatever happens into a {@link CheckResult}. Stateless. */
final class Checks {

    private Checks() {
    }

    /** The check's result; an exception or a null result is a failure. Errors propagate. */
    static CheckResult invoke(HealthCheck check) {
        try {
            CheckResult result = check.check();
            return result != null ? result : CheckResult.fail("check returned null");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return CheckResult.failure(e);
        } catch (Exception e) {
            return CheckResult.failure(e);
        }
    }
}
