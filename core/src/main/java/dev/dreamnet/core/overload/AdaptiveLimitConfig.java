package dev.dreamnet.core.overload;

import java.time.Duration;
import java.util.Objects;

/**
 * How a {@link GradientLimit} adapts the concurrency limit to measured latency. Immutable; the
 * constructor validates every setting and names the one that is wrong.
 *
 * @param initialLimit  the limit before any measurement
 * @param minLimit      the limit never falls below this
 * @param maxLimit      the limit never rises above this
 * @param smoothing     weight in (0, 1] of each new estimate against the current limit; higher moves faster
 * @param rttTolerance  how far (>= 1, a ratio) the recent latency may rise above the long-run latency
 *                      before the limit shrinks: 1.5 lets it rise by half
 * @param longWindow    how many sample windows the long-run latency averages over
 * @param sampleWindow  a sample window lasts at least this long ...
 * @param minSamples    ... and holds at least this many samples before the limit is updated
 * @param dropBackoff   factor in (0, 1) the limit is at most multiplied by after a window with a dropped request
 */
public record AdaptiveLimitConfig(
        int initialLimit,
        int minLimit,
        int maxLimit,
        double smoothing,
        double rttTolerance,
        int longWindow,
        Duration sampleWindow,
        int minSamples,
        double dropBackoff) {

    /** The largest limit that can be configured. */
    public static final int MAX_LIMIT = 1_000_000;

    public AdaptiveLimitConfig {
        between("minLimit", minLimit, 1, MAX_LIMIT);
        between("maxLimit", maxLimit, minLimit, MAX_LIMIT);
        between("initialLimit", initialLimit, minLimit, maxLimit);
        if (!(smoothing > 0 && smoothing <= 1)) {
            throw new IllegalArgumentException("smoothing must be > 0 and <= 1, was " + smoothing);
        }
        if (!(rttTolerance >= 1 && rttTolerance <= 100)) {
            throw new IllegalArgumentException("rttTolerance must be >= 1 and <= 100, was " + rttTolerance);
        }
        between("longWindow", longWindow, 1, 100_000);
        Objects.requireNonNull(sampleWindow, "sampleWindow must not be null");
        if (sampleWindow.isNegative() || sampleWindow.isZero() || sampleWindow.compareTo(Duration.ofHours(1)) > 0) {
            throw new IllegalArgumentException("sampleWindow must be > 0 and <= 1h, was " + sampleWindow);
        }
        between("minSamples", minSamples, 1, 1_000_000);
        if (!(dropBackoff > 0 && dropBackoff < 1)) {
            throw new IllegalArgumentException("dropBackoff must be > 0 and < 1, was " + dropBackoff);
        }
    }

    /**
     * The defaults: start at 20, stay within [4, 1000], smoothing 0.2, tolerance 1.5, long-run
     * latency over 200 windows, windows of at least 250 ms and 10 samples, drop backoff 0.9.
     */
    public static AdaptiveLimitConfig ofDefaults() {
        return builder().build();
    }

    public static Builder builder() {
        return new Builder();
    }

    private static void between(String name, int value, int min, int max) {
        if (value < min || value > max) {
            throw new IllegalArgumentException(name + " must be between " + min + " and " + max + ", was " + value);
        }
    }

    /** Builds an {@link AdaptiveLimitConfig}; not thread-safe, use it from one thread. */
    public static final class Builder {
        private int initialLimit = 20;
        private int minLimit = 4;
        private int maxLimit = 1_000;
        private double smoothing = 0.2;
        private double rttTolerance = 1.5;
        private int longWindow = 200;
        private Duration sampleWindow = Duration.ofMillis(250);
        private int minSamples = 10;
        private double dropBackoff = 0.9;

        private Builder() {
        }

        public Builder initialLimit(int limit) {
            this.initialLimit = limit;
            return this;
        }

        public Builder minLimit(int limit) {
            this.minLimit = limit;
            return this;
        }

        public Builder maxLimit(int limit) {
            this.maxLimit = limit;
            return this;
        }

        public Builder smoothing(double smoothing) {
            this.smoothing = smoothing;
            return this;
        }

        public Builder rttTolerance(double tolerance) {
            this.rttTolerance = tolerance;
            return this;
        }

        public Builder longWindow(int windows) {
            this.longWindow = windows;
            return this;
        }

        public Builder sampleWindow(Duration window) {
            this.sampleWindow = window;
            return this;
        }

        public Builder minSamples(int samples) {
            this.minSamples = samples;
            return this;
        }

        public Builder dropBackoff(double factor) {
            this.dropBackoff = factor;
            return this;
        }

        /** Validates and builds; the message of a failure names the setting and its value. */
        public AdaptiveLimitConfig build() {
            return new AdaptiveLimitConfig(initialLimit, minLimit, maxLimit, smoothing, rttTolerance, longWindow,
                    sampleWindow, minSamples, dropBackoff);
        }
    }
}
