package dev.dreamnet.core.rollout;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * How one rollout proceeds and when it is judged unhealthy. Immutable and thread-safe; the constructor
 * validates every setting and names the one that is wrong.
 *
 * @param name             the rollout's name: letters, digits, '.', '_' or '-', at most 100 characters
 * @param steps            canary percentages, strictly increasing, each to 0.01, the last 100
 * @param bakeTime         how long a healthy step runs before it is promoted
 * @param window           the longest span of a step's traffic a judgement looks at (sliding, 10 slots)
 * @param maxErrorRate     SLO: the highest acceptable share of failed canary requests, (0, 1]
 * @param maxP99           SLO: the highest acceptable 99th percentile latency of the canary
 * @param minRequests      requests each side needs since the step began before it can pass (a failing
 *                         canary is rolled back before that on overwhelming evidence)
 * @param autoPromote      whether a healthy step is promoted by {@code evaluate} after its bake time
 * @param autoRollback     whether a failed judgement rolls back to 0% at once
 * @param significance     the highest probability that a canary as good as its baseline and within the
 *                         SLO is rolled back, over the whole rollout and however often it is judged
 *                         (spent evenly over the judged steps and the five tests)
 * @param latencyTolerance how far (0.5 = 50%) the canary's p99 may exceed the baseline's before a comparison can fail
 * @param latencyEffect    how far above 0.5 the probability that a canary request is slower than a
 *                         baseline request may be before the distribution test can fail (0.03: 53%)
 */
public record RolloutConfig(String name, List<Double> steps, Duration bakeTime, Duration window,
                            double maxErrorRate, Duration maxP99, int minRequests, boolean autoPromote,
                            boolean autoRollback, double significance, double latencyTolerance,
                            double latencyEffect) {

    /** The default {@link #significance}: at most 1% of healthy rollouts rolled back. */
    public static final double DEFAULT_SIGNIFICANCE = 0.01;
    /** The default {@link #latencyEffect}. */
    public static final double DEFAULT_LATENCY_EFFECT = 0.03;

    /** The most steps a rollout may have: as many as its stored row holds, more than any rollout needs. */
    public static final int MAX_STEPS = 50;

    /** The default steps: 1% -> 10% -> 50% -> 100%. */
    public static final List<Double> DEFAULT_STEPS = List.of(1.0, 10.0, 50.0, 100.0);
    /** Slots each window is divided into; data leaves the window a slot at a time. */
    public static final int WINDOW_SLOTS = 10;

    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9._-]{1,100}");

    public RolloutConfig {
        Objects.requireNonNull(name, "name must not be null");
        if (!NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("name must be 1-100 letters, digits, '.', '_' or '-', was \"" + name + "\"");
        }
        if (name.equals(".") || name.equals("..")) {
            // A URL's path resolves them away: /rollouts/../promote could never reach the rollout.
            throw new IllegalArgumentException("name must not be \".\" or \"..\", which no URL path can name, was \""
                    + name + "\"");
        }
        steps = validSteps(steps);
        positive("bakeTime", bakeTime);
        positive("window", window);
        if (window.toNanos() % WINDOW_SLOTS != 0) {
            throw new IllegalArgumentException("window must be a whole number of nanoseconds times " + WINDOW_SLOTS
                    + ", was " + window);
        }
        if (!(maxErrorRate > 0 && maxErrorRate <= 1)) {
            throw new IllegalArgumentException("maxErrorRate must be > 0 and <= 1 (a share), was " + maxErrorRate);
        }
        positive("maxP99", maxP99);
        if (minRequests < 1) {
            throw new IllegalArgumentException("minRequests must be >= 1, was " + minRequests);
        }
        if (!(significance > 0 && significance < 0.5)) {
            throw new IllegalArgumentException("significance must be > 0 and < 0.5, was " + significance);
        }
        if (!(latencyTolerance >= 0 && latencyTolerance <= 10)) {
            throw new IllegalArgumentException("latencyTolerance must be between 0 and 10, was " + latencyTolerance);
        }
        if (!(latencyEffect >= 0 && latencyEffect < 0.5)) {
            throw new IllegalArgumentException("latencyEffect must be >= 0 and < 0.5, was " + latencyEffect);
        }
    }

    /** The configuration before {@link #latencyEffect} existed: it takes {@link #DEFAULT_LATENCY_EFFECT}. */
    public RolloutConfig(String name, List<Double> steps, Duration bakeTime, Duration window, double maxErrorRate,
                         Duration maxP99, int minRequests, boolean autoPromote, boolean autoRollback,
                         double significance, double latencyTolerance) {
        this(name, steps, bakeTime, window, maxErrorRate, maxP99, minRequests, autoPromote, autoRollback, significance,
                latencyTolerance, DEFAULT_LATENCY_EFFECT);
    }

    private static List<Double> validSteps(List<Double> steps) {
        Objects.requireNonNull(steps, "steps must not be null");
        if (steps.isEmpty()) {
            throw new IllegalArgumentException("steps must name at least one percentage");
        }
        if (steps.size() > MAX_STEPS) {
            throw new IllegalArgumentException("steps must name at most " + MAX_STEPS + " percentages, was "
                    + steps.size());
        }
        double previous = 0;
        for (Double step : steps) {
            if (step == null || !(step > previous) || step > 100 || Math.abs(step * 100 - Math.round(step * 100)) > 1e-9) {
                throw new IllegalArgumentException("steps must be percentages that grow, each > 0, <= 100 and to 0.01, was "
                        + steps);
            }
            previous = step;
        }
        if (previous != 100) {
            throw new IllegalArgumentException("steps must end at 100, was " + steps);
        }
        return List.copyOf(steps);
    }

    private static void positive(String setting, Duration value) {
        Objects.requireNonNull(value, setting + " must not be null");
        if (value.isNegative() || value.isZero()) {
            throw new IllegalArgumentException(setting + " must be > 0, was " + value);
        }
    }

    /** The canary percentage at step {@code index}. */
    public double percent(int index) {
        return steps.get(index);
    }

    /** The slot length of the sliding window. */
    public Duration slot() {
        return window.dividedBy(WINDOW_SLOTS);
    }

    /**
     * A builder with the defaults: steps 1, 10, 50, 100; bake 5 min; window 5 min; SLO 1% errors and
     * p99 1 s; 300 requests a side; auto-promote and auto-rollback; significance 0.01 per rollout;
     * p99 tolerance 50%; latency effect 0.03.
     */
    public static Builder builder(String name) {
        return new Builder(name);
    }

    public Builder toBuilder() {
        return new Builder(name).steps(steps).bakeTime(bakeTime).window(window).maxErrorRate(maxErrorRate)
                .maxP99(maxP99).minRequests(minRequests).autoPromote(autoPromote).autoRollback(autoRollback)
                .significance(significance).latencyTolerance(latencyTolerance).latencyEffect(latencyEffect);
    }

    /** Builds a {@link RolloutConfig}; not thread-safe. */
    public static final class Builder {
        private final String name;
        private List<Double> steps = DEFAULT_STEPS;
        private Duration bakeTime = Duration.ofMinutes(5);
        private Duration window = Duration.ofMinutes(5);
        private double maxErrorRate = 0.01;
        private Duration maxP99 = Duration.ofSeconds(1);
        private int minRequests = 300;
        private boolean autoPromote = true;
        private boolean autoRollback = true;
        private double significance = DEFAULT_SIGNIFICANCE;
        private double latencyTolerance = 0.5;
        private double latencyEffect = DEFAULT_LATENCY_EFFECT;

        private Builder(String name) {
            this.name = name;
        }

        public Builder steps(List<Double> steps) {
            this.steps = steps;
            return this;
        }

        public Builder bakeTime(Duration bakeTime) {
            this.bakeTime = bakeTime;
            return this;
        }

        public Builder window(Duration window) {
            this.window = window;
            return this;
        }

        public Builder maxErrorRate(double maxErrorRate) {
            this.maxErrorRate = maxErrorRate;
            return this;
        }

        public Builder maxP99(Duration maxP99) {
            this.maxP99 = maxP99;
            return this;
        }

        public Builder minRequests(int minRequests) {
            this.minRequests = minRequests;
            return this;
        }

        public Builder autoPromote(boolean autoPromote) {
            this.autoPromote = autoPromote;
            return this;
        }

        public Builder autoRollback(boolean autoRollback) {
            this.autoRollback = autoRollback;
            return this;
        }

        public Builder significance(double significance) {
            this.significance = significance;
            return this;
        }

        public Builder latencyTolerance(double latencyTolerance) {
            this.latencyTolerance = latencyTolerance;
            return this;
        }

        public Builder latencyEffect(double latencyEffect) {
            this.latencyEffect = latencyEffect;
            return this;
        }

        public RolloutConfig build() {
            return new RolloutConfig(name, steps, bakeTime, window, maxErrorRate, maxP99, minRequests, autoPromote,
                    autoRollback, significance, latencyTolerance, latencyEffect);
        }
    }
}
