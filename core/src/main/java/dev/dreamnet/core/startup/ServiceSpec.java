package dev.dreamnet.core.startup;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One service of the startup graph, as declared in {@code deploy/graph.json}. Only {@code name}
 * is required; {@link #builder(String)} fills in the documented defaults. Immutable.
 *
 * @param name        unique name of the service
 * @param dependsOn   services that must be READY before this one starts
 * @param critical    whether a failure aborts startup (true) or only blocks dependents (false)
 * @param kind        which component starts it: a built-in kind or an application component
 * @param startTimeout budget for all start attempts together, readiness included
 * @param retries     how many times a failed start is retried (0 means a single attempt)
 * @param readiness   kind-specific readiness settings (for example a query or a URL)
 */
public record ServiceSpec(String name, List<String> dependsOn, boolean critical, String kind,
                          Duration startTimeout, int retries, Map<String, Object> readiness) {

    public static final Duration DEFAULT_START_TIMEOUT = Duration.ofSeconds(30);
    /** The longest {@code startTimeout} accepted: a day, far beyond any start, and far from overflowing nanoseconds. */
    public static final Duration MAX_START_TIMEOUT = Duration.ofHours(24);
    public static final int DEFAULT_RETRIES = 3;

    public ServiceSpec {
        Objects.requireNonNull(name, "name");
        dependsOn = List.copyOf(dependsOn);
        kind = kind == null ? name : kind;
        Objects.requireNonNull(startTimeout, "startTimeout");
        readiness = readiness == null ? Map.of() : Map.copyOf(readiness);
    }

    public static Builder builder(String name) {
        return new Builder(name);
    }

    /** Builds a {@link ServiceSpec} with the defaults of {@code graph.json}. Not thread-safe. */
    public static final class Builder {
        private final String name;
        private List<String> dependsOn = List.of();
        private boolean critical = true;
        private String kind;
        private Duration startTimeout = DEFAULT_START_TIMEOUT;
        private int retries = DEFAULT_RETRIES;
        private Map<String, Object> readiness = Map.of();

        private Builder(String name) {
            this.name = name;
        }

        public Builder dependsOn(String... names) {
            return dependsOn(List.of(names));
        }

        public Builder dependsOn(List<String> names) {
            this.dependsOn = names;
            return this;
        }

        public Builder critical(boolean critical) {
            this.critical = critical;
            return this;
        }

        public Builder kind(String kind) {
            this.kind = kind;
            return this;
        }

        public Builder startTimeout(Duration startTimeout) {
            this.startTimeout = startTimeout;
            return this;
        }

        public Builder retries(int retries) {
            this.retries = retries;
            return this;
        }

        public Builder readiness(Map<String, Object> readiness) {
            this.readiness = readiness;
            return this;
        }

        public ServiceSpec build() {
            return new ServiceSpec(name, dependsOn, critical, kind, startTimeout, retries, readiness);
        }
    }
}
