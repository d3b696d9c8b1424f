package dev.dreamnet.server.rollouts;

import dev.dreamnet.server.http.ApiException;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Faults injected into the reference service's new implementations (the canary side of a rollout),
 * for rehearsals and tests: a share of requests fails with 500 and each may be delayed. Set through
 * {@code POST /api/admin/canary-faults} (admin token; audited). Thread-safe.
 */
public final class CanaryFaults {

    /** Immutable fault settings; none by default. */
    public record Settings(double errorRate, long delayMs) {
        public static final Settings NONE = new Settings(0, 0);

        public Settings {
            if (!(errorRate >= 0 && errorRate <= 1)) {
                throw ApiException.badRequest("errorRate must be between 0 and 1, was " + errorRate);
            }
            if (delayMs < 0 || delayMs > 60_000) {
                throw ApiException.badRequest("delayMs must be between 0 and 60000, was " + delayMs);
            }
        }
    }

    private volatile Settings settings = Settings.NONE;

    public Settings settings() {
        return settings;
    }

    public void set(Settings settings) {
        this.settings = settings;
    }

    /** Applies the faults to one canary request: may sleep, may throw a 500. */
    public void apply() throws InterruptedException {
        Settings now = settings;
        if (now.delayMs() > 0) {
            Thread.sleep(now.delayMs());
        }
        if (now.errorRate() > 0 && ThreadLocalRandom.current().nextDouble() < now.errorRate()) {
            throw new ApiException(500, "injected fault", "the canary failed on purpose (POST /api/admin/canary-faults)");
        }
    }
}
