package dev.dreamnet.core.rollout;

import java.util.Random;

/**
 * Synthetic, seeded traffic for one rollout: subjects drawn from a million users, errors and latencies
 * drawn per side. Latency is log-normal around a 50 ms median; a side may also send a share of its
 * requests to a slow tail of 280-360 ms. Not thread-safe.
 */
final class Traffic {

    private static final double MEDIAN_NANOS = 50e6;

    private final Random random;
    private double baselineErrors = 0.001;
    private double canaryErrors = 0.001;
    private double sigma = 0.5;
    private double canarySlowShare;
    private double errorJitter;

    Traffic(long seed) {
        this.random = new Random(seed);
    }

    Traffic errors(double baseline, double canary) {
        this.baselineErrors = baseline;
        this.canaryErrors = canary;
        return this;
    }

    /** Both sides' error rate moves together tick by tick, by up to +-{@code share} of itself. */
    Traffic errorJitter(double share) {
        this.errorJitter = share;
        return this;
    }

    Traffic sigma(double sigma) {
        this.sigma = sigma;
        return this;
    }

    Traffic canarySlowShare(double share) {
        this.canarySlowShare = share;
        return this;
    }

    /** Sends {@code requests} requests through {@code rollout}: assigned, then recorded. */
    void send(Rollout rollout, int requests) {
        double jitter = 1 + errorJitter * (2 * random.nextDouble() - 1);
        for (int i = 0; i < requests; i++) {
            Variant variant = rollout.assign("user-" + random.nextInt(1_000_000));
            boolean canary = variant == Variant.CANARY;
            boolean error = random.nextDouble() < (canary ? canaryErrors : baselineErrors) * jitter;
            rollout.record(variant, error, latencyNanos(canary));
        }
    }

    private long latencyNanos(boolean canary) {
        if (canary && random.nextDouble() < canarySlowShare) {
            return 280_000_000L + random.nextInt(80_000_000);
        }
        return (long) (MEDIAN_NANOS * Math.exp(sigma * random.nextGaussian()));
    }
}
