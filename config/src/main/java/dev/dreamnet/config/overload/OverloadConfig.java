package dev.dreamnet.config.overload;

import dev.dreamnet.core.flags.Mode;
import dev.dreamnet.core.overload.AdaptiveLimitConfig;
import dev.dreamnet.core.overload.Criticality;
import dev.dreamnet.core.overload.Shares;
import java.time.Duration;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * How a service protects itself from more requests than it can serve ({@code config/overload.yaml}): the adaptive
 * concurrency limit, the share of it each criticality may fill per mode, the criticality of each route, and when
 * DreamNet enters brownout by itself. Immutable and thread-safe; {@link #builder()} starts from the defaults.
 *
 * @param enabled      whether the limiter guards the application's routes at all
 * @param limit        the adaptive limit's settings
 * @param shares       per mode, the part of the limit each class may fill
 * @param defaultClass the class of a route the file does not name
 * @param routes       per route ({@code "METHOD path-template"}), its class
 * @param header       the request header that may set a request's class, if any (see {@link #header})
 * @param maxWait      how long a refused request may wait for a place before it is refused; zero: none
 * @param brownout     when brownout is entered and left automatically
 * @param version      a hash of the file's content, or {@code "code"} when built in code
 */
public record OverloadConfig(boolean enabled, AdaptiveLimitConfig limit, Map<Mode, Shares> shares,
                             Criticality defaultClass, Map<String, Criticality> routes, Optional<String> header,
                             Duration maxWait, AutoBrownout brownout, String version) {

    /** The header a trusted caller sets to {@code critical}, {@code default} or {@code sheddable}, unless changed. */
    public static final String DEFAULT_HEADER = "X-DreamNet-Criticality";
    /** The longest {@code maxWait}: a bounded wait, never a queue. */
    public static final Duration MAX_WAIT = Duration.ofSeconds(1);

    public OverloadConfig {
        Objects.requireNonNull(limit, "limit must not be null");
        EnumMap<Mode, Shares> all = new EnumMap<>(Mode.class);
        for (Mode mode : Mode.values()) {
            all.put(mode, Objects.requireNonNull(shares.getOrDefault(mode, Shares.defaults(mode)), "shares"));
        }
        shares = java.util.Collections.unmodifiableMap(all);
        Objects.requireNonNull(defaultClass, "defaultClass must not be null");
        routes = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(routes));
        Objects.requireNonNull(header, "header must not be null; use Optional.empty()");
        Objects.requireNonNull(maxWait, "maxWait must not be null");
        if (maxWait.isNegative() || maxWait.compareTo(MAX_WAIT) > 0) {
            throw new IllegalArgumentException("maxWait must be >= 0 and <= 1s, was " + maxWait);
        }
        Objects.requireNonNull(brownout, "brownout must not be null");
        Objects.requireNonNull(version, "version must not be null");
    }

    /** The class of {@code route} ({@code "GET /api/dreams"}): as configured, else {@link #defaultClass}. */
    public Criticality classOf(String route) {
        return routes.getOrDefault(route, defaultClass);
    }

    public static Builder builder() {
        return new Builder();
    }

    /** No protection and no automatic brownout: every request is admitted. */
    public static OverloadConfig off() {
        return builder().enabled(false).brownout(AutoBrownout.off()).build();
    }

    /** Protection on, with the limiter's defaults, every route DEFAULT and automatic brownout on. */
    public static OverloadConfig ofDefaults() {
        return builder().build();
    }

    /**
     * When DreamNet switches to BROWNOUT by itself: after {@code enterAfter} during which, every second, requests
     * above SHEDDABLE were refused or a route in {@code latency} had a p99 above its bound; and back to NORMAL after
     * {@code exitAfter} with neither. In a fleet the decision is this instance's (its own limiter tightens) unless
     * {@code fleetWide}, when it sets the fleet's mode.
     *
     * @param enabled    whether DreamNet decides by itself at all
     * @param enterAfter how long the evidence must last before brownout begins
     * @param exitAfter  how long the service must stay healthy before brownout ends
     * @param latency    per route, the p99 over the last minute above which the route is unhealthy
     * @param fleetWide  whether a decision sets the mode of the whole fleet
     */
    public record AutoBrownout(boolean enabled, Duration enterAfter, Duration exitAfter, Map<String, Duration> latency,
                               boolean fleetWide) {

        public AutoBrownout {
            positive("enterAfter", enterAfter);
            positive("exitAfter", exitAfter);
            latency = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(latency));
        }

        /** On: enter after 10 s of evidence, leave after 30 s without, no latency bounds, this instance only. */
        public static AutoBrownout ofDefaults() {
            return new AutoBrownout(true, Duration.ofSeconds(10), Duration.ofSeconds(30), Map.of(), false);
        }

        public static AutoBrownout off() {
            return new AutoBrownout(false, Duration.ofSeconds(10), Duration.ofSeconds(30), Map.of(), false);
        }

        private static void positive(String name, Duration value) {
            if (value == null || value.isNegative() || value.isZero() || value.compareTo(Duration.ofHours(1)) > 0) {
                throw new IllegalArgumentException(name + " must be > 0 and <= 1h, was " + value);
            }
        }
    }

    /** Builds an {@link OverloadConfig} in code; not thread-safe. */
    public static final class Builder {
        private boolean enabled = true;
        private AdaptiveLimitConfig limit = AdaptiveLimitConfig.ofDefaults();
        private final Map<Mode, Shares> shares = new EnumMap<>(Mode.class);
        private Criticality defaultClass = Criticality.DEFAULT;
        private final Map<String, Criticality> routes = new LinkedHashMap<>();
        private Optional<String> header = Optional.of(DEFAULT_HEADER);
        private Duration maxWait = Duration.ZERO;
        private AutoBrownout brownout = AutoBrownout.ofDefaults();
        private String version = "code";

        private Builder() {
        }

        public Builder enabled(boolean on) {
            this.enabled = on;
            return this;
        }

        public Builder limit(AdaptiveLimitConfig config) {
            this.limit = config;
            return this;
        }

        public Builder shares(Mode mode, Shares modeShares) {
            shares.put(mode, modeShares);
            return this;
        }

        public Builder defaultClass(Criticality criticality) {
            this.defaultClass = criticality;
            return this;
        }

        /** {@code route} is {@code "METHOD path-template"}, as Javalin registers it: {@code "GET /api/dreams"}. */
        public Builder route(String route, Criticality criticality) {
            routes.put(Objects.requireNonNull(route, "route"), Objects.requireNonNull(criticality, "criticality"));
            return this;
        }

        /** The header trusted callers may set their request's class with; null: none. */
        public Builder header(String name) {
            this.header = Optional.ofNullable(name);
            return this;
        }

        public Builder maxWait(Duration wait) {
            this.maxWait = wait;
            return this;
        }

        public Builder brownout(AutoBrownout automatic) {
            this.brownout = automatic;
            return this;
        }

        Builder version(String hash) {
            this.version = hash;
            return this;
        }

        public OverloadConfig build() {
            return new OverloadConfig(enabled, limit, shares, defaultClass, routes, header, maxWait, brownout, version);
        }
    }
}
