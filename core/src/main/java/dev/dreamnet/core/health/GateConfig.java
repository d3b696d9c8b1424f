package dev.dreamnet.core.health;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * How one {@link HealthGate} checks and when it flips. Built with {@link #builder(String)}, which
 * fills in the documented defaults; every constructor call validates and names the culprit
 * ("interval must be > 0, was PT0S"), listing every problem at once. Immutable.
 *
 * @param name              unique, non-blank name of the gate
 * @param critical          whether the service may take traffic without this gate (false) or not
 * @param interval          steady-state pause between the end of one check and the next
 * @param startupInterval   the pause used until the gate first turns ready
 * @param timeout           how long a check may take before it counts as failed; below interval
 * @param passesToReady     consecutive passes that turn the gate ready
 * @param failuresToUnready consecutive failures that turn a ready gate unready
 * @param jitter            relative spread of each pause, in [0, 0.5): 0.1 means ±10%
 */
public record GateConfig(String name, boolean critical, Duration interval, Duration startupInterval,
                         Duration timeout, int passesToReady, int failuresToUnready, double jitter) {

    public static final Duration DEFAULT_INTERVAL = Duration.ofSeconds(5);
    public static final Duration DEFAULT_STARTUP_INTERVAL = Duration.ofMillis(200);
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(2);
    public static final int DEFAULT_PASSES_TO_READY = 3;
    public static final int DEFAULT_FAILURES_TO_UNREADY = 3;
    public static final double DEFAULT_JITTER = 0.1;

    public GateConfig {
        List<String> problems = new ArrayList<>();
        if (name == null || name.isBlank()) {
            problems.add("name must not be blank, was " + (name == null ? "null" : "\"" + name + "\""));
        }
        requirePositive("interval", interval, problems);
        requirePositive("startupInterval", startupInterval, problems);
        requirePositive("timeout", timeout, problems);
        if (isPositive(timeout) && isPositive(interval) && timeout.compareTo(interval) >= 0) {
            problems.add("timeout must be < interval (" + interval + "), was " + timeout);
        }
        requireAtLeastOne("passesToReady", passesToReady, problems);
        requireAtLeastOne("failuresToUnready", failuresToUnready, problems);
        if (!(jitter >= 0 && jitter < 0.5)) {
            problems.add("jitter must be >= 0 and < 0.5, was " + jitter);
        }
        if (!problems.isEmpty()) {
            String where = name == null || name.isBlank() ? "health gate: " : "health gate \"" + name + "\": ";
            throw new IllegalArgumentException(where + String.join("; ", problems));
        }
    }

    /** A builder for gate {@code name} with every default filled in. */
    public static Builder builder(String name) {
        return new Builder(name);
    }

    /** The defaults for gate {@code name}: critical, 5 s ±10%, 200 ms at start-up, 2 s timeout, 3/3. */
    public static GateConfig ofDefaults(String name) {
        return builder(name).build();
    }

    private static boolean isPositive(Duration duration) {
        return duration != null && !duration.isNegative() && !duration.isZero();
    }

    private static void requirePositive(String setting, Duration value, List<String> problems) {
        if (!isPositive(value)) {
            problems.add(setting + " must be > 0, was " + value);
        }
    }

    private static void requireAtLeastOne(String setting, int value, List<String> problems) {
        if (value < 1) {
            problems.add(setting + " must be >= 1, was " + value);
        }
    }

    /** Collects settings for a {@link GateConfig}; {@link #build()} validates. Not thread-safe. */
    public static final class Builder {
        private final String name;
        private boolean critical = true;
        private Duration interval = DEFAULT_INTERVAL;
        private Duration startupInterval = DEFAULT_STARTUP_INTERVAL;
        private Duration timeout = DEFAULT_TIMEOUT;
        private int passesToReady = DEFAULT_PASSES_TO_READY;
        private int failuresToUnready = DEFAULT_FAILURES_TO_UNREADY;
        private double jitter = DEFAULT_JITTER;

        private Builder(String name) {
            this.name = name;
        }

        public Builder critical(boolean critical) {
            this.critical = critical;
            return this;
        }

        public Builder interval(Duration interval) {
            this.interval = interval;
            return this;
        }

        public Builder startupInterval(Duration startupInterval) {
            this.startupInterval = startupInterval;
            return this;
        }

        public Builder timeout(Duration timeout) {
            this.timeout = timeout;
            return this;
        }

        public Builder passesToReady(int passesToReady) {
            this.passesToReady = passesToReady;
            return this;
        }

        public Builder failuresToUnready(int failuresToUnready) {
            this.failuresToUnready = failuresToUnready;
            return this;
        }

        public Builder jitter(double jitter) {
            this.jitter = jitter;
            return this;
        }

        /** Validates and builds; throws {@link IllegalArgumentException} naming each bad setting. */
        public GateConfig build() {
            return new GateConfig(name, critical, interval, startupInterval, timeout,
                    passesToReady, failuresToUnready, jitter);
        }
    }
}
