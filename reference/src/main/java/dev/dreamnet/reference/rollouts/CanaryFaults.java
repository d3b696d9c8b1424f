package dev.dreamnet.reference.rollouts;

import dev.dreamnet.core.time.Sleeper;
import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.DoubleSupplier;

/**
 * Faults injected into the reference service's new implementations (the canary side of a rollout),
 * for rehearsals and tests: a share of requests fails and each may be delayed. Set through
 * {@code POST /api/admin/canary-faults} (admin token; audited). Thread-safe.
 */
public final class CanaryFaults {

    /** Immutable fault settings; none by default. */
    public record Settings(double errorRate, long delayMs) {
        public static final Settings NONE = new Settings(0, 0);

        /** @throws IllegalArgumentException naming the setting that is out of range */
        public Settings {
            if (!(errorRate >= 0 && errorRate <= 1)) {
                throw new IllegalArgumentException("errorRate must be between 0 and 1, was " + errorRate);
            }
            if (delayMs < 0 || delayMs > 60_000) {
                throw new IllegalArgumentException("delayMs must be between 0 and 60000, was " + delayMs);
            }
        }
    }

    private final Sleeper sleeper;
    private final DoubleSupplier random;
    private volatile Settings settings = Settings.NONE;

    /** Faults that wait on {@code sleeper} and fail when {@code random} (0 until 1) falls below the error rate. */
    public CanaryFaults(Sleeper sleeper, DoubleSupplier random) {
        this.sleeper = sleeper;
        this.random = random;
    }

    /** Real waits and {@link ThreadLocalRandom}. */
    public static CanaryFaults system() {
        return new CanaryFaults(Sleeper.system(), () -> ThreadLocalRandom.current().nextDouble());
    }

    public Settings settings() {
        return settings;
    }

    public void set(Settings settings) {
        this.settings = settings;
    }

    /**
     * Applies the faults to one canary request: waits the delay, then may fail.
     *
     * @throws InjectedFaultException for the share of requests set to fail
     */
    public void apply() throws InterruptedException {
        Settings now = settings;
        if (now.delayMs() > 0) {
            sleeper.sleep(Duration.ofMillis(now.delayMs()));
        }
        if (now.errorRate() > 0 && random.getAsDouble() < now.errorRate()) {
            throw new InjectedFaultException();
        }
    }
}
