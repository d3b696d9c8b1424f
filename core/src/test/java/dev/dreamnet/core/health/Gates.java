package dev.dreamnet.core.health;

import dev.dreamnet.core.time.ManualScheduler;
import java.time.Duration;
import java.util.Random;

/** Builds gates for tests on a {@link ManualScheduler} (clock and scheduler) and a direct executor. */
final class Gates {

    static final Duration STARTUP = GateConfig.DEFAULT_STARTUP_INTERVAL;
    static final Duration INTERVAL = GateConfig.DEFAULT_INTERVAL;
    static final Duration TIMEOUT = GateConfig.DEFAULT_TIMEOUT;

    private Gates() {
    }

    /** The default config for gate {@code name}, without jitter so that every pause is exact. */
    static GateConfig.Builder exact(String name) {
        return GateConfig.builder(name).jitter(0);
    }

    static HealthGate.Builder onManualTime(GateConfig config, HealthCheck check, ManualScheduler time) {
        return HealthGate.builder(config, check)
                .clock(time)
                .scheduler(time)
                .executor(Runnable::run)
                .random(new Random(42));
    }
}
