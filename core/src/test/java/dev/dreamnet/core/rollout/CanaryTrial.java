package dev.dreamnet.core.rollout;

import dev.dreamnet.core.time.FakeClock;
import java.time.Duration;
import java.util.SplittableRandom;

/**
 * One seeded rollout driven through the real rollout API on a fake clock, one simulated second at a
 * time, judged every second as {@code dreamnet serve} does. Traffic is aggregated per second: each
 * side's requests, errors and latencies are drawn as counts (binomial, and multinomial over 16
 * equal-probability buckets of a log-normal latency, median 50 ms, sigma 0.5) and recorded with
 * {@link Rollout#record(Variant, boolean, long, long)}, so a trial of an hour costs milliseconds.
 * Not thread-safe; one per trial.
 */
final class CanaryTrial {

    static final int LATENCY_BUCKETS = 16;
    private static final double[] LATENCY_NANOS = new double[LATENCY_BUCKETS];
    private static final double MEDIAN_NANOS = 50e6;
    private static final double SIGMA = 0.5;

    static {
        for (int k = 0; k < LATENCY_BUCKETS; k++) {
            double quantile = -dev.dreamnet.core.rollout.internal.Statistics.zFor((k + 0.5) / LATENCY_BUCKETS);
            LATENCY_NANOS[k] = MEDIAN_NANOS * Math.exp(SIGMA * quantile);
        }
    }

    /** What happened in one trial. */
    record Outcome(RolloutStatus status, long seconds, int step, long canaryRequests, long canaryErrors, String reason,
                   String rule) {
    }

    private final SplittableRandom random;
    private final int requestsPerSecond;
    private final double baselineErrors;
    private final double canaryErrors;
    private final double canaryLatencyFactor;

    CanaryTrial(long seed, int requestsPerSecond, double baselineErrors, double canaryErrors, double canaryLatencyFactor) {
        this.random = new SplittableRandom(seed);
        this.requestsPerSecond = requestsPerSecond;
        this.baselineErrors = baselineErrors;
        this.canaryErrors = canaryErrors;
        this.canaryLatencyFactor = canaryLatencyFactor;
    }

    /** Runs a rollout of {@code config} for at most {@code maxSeconds}, or until it is promoted or rolled back. */
    Outcome run(RolloutConfig config, long maxSeconds) {
        FakeClock clock = new FakeClock();
        Rollout rollout = Rollout.builder(config).clock(clock).build();
        rollout.start();
        long canaryRequests = 0;
        long canaryErrorCount = 0;
        long second = 0;
        int step = 0;
        Verdict last = null;
        while (second < maxSeconds && !rollout.state().status().isFinal()) {
            step = rollout.state().step();
            long canary = binomial(requestsPerSecond, rollout.percent() / 100);
            canaryErrorCount += send(rollout, Variant.CANARY, canary, canaryErrors, canaryLatencyFactor);
            send(rollout, Variant.BASELINE, requestsPerSecond - canary, baselineErrors, 1);
            canaryRequests += canary;
            clock.advance(Duration.ofSeconds(1));
            second++;
            last = rollout.evaluate(clock.nanoTime());
        }
        RolloutState state = rollout.state();
        return new Outcome(state.status(), second, step, canaryRequests, canaryErrorCount, state.reason(),
                last == null ? "" : last.rule());
    }

    private long send(Rollout rollout, Variant side, long requests, double errorRate, double latencyFactor) {
        long errors = binomial(requests, errorRate);
        long ok = requests - errors;
        double left = 1;
        for (int k = 0; k < LATENCY_BUCKETS && ok > 0; k++) {
            double share = 1.0 / LATENCY_BUCKETS;
            long count = k == LATENCY_BUCKETS - 1 ? ok : binomial(ok, Math.min(1, share / left));
            left -= share;
            ok -= count;
            if (count > 0) {
                rollout.record(side, false, (long) (LATENCY_NANOS[k] * latencyFactor), count);
            }
        }
        if (errors > 0) {
            rollout.record(side, true, (long) (LATENCY_NANOS[random.nextInt(LATENCY_BUCKETS)] * latencyFactor), errors);
        }
        return errors;
    }

    /** A binomial draw: exact (Bernoulli trials or geometric gaps) up to a mean of 20, else normal. */
    long binomial(long n, double p) {
        if (n <= 0 || p <= 0) {
            return 0;
        }
        if (p >= 1) {
            return n;
        }
        if (p > 0.5) {
            return n - binomial(n, 1 - p);
        }
        if (n <= 16) {
            long hits = 0;
            for (long i = 0; i < n; i++) {
                hits += random.nextDouble() < p ? 1 : 0;
            }
            return hits;
        }
        double mean = n * p;
        if (mean < 20) {
            double logMiss = Math.log1p(-p);
            long hits = 0;
            long position = 0;
            while (true) {
                position += (long) (Math.log(1 - random.nextDouble()) / logMiss) + 1;
                if (position > n) {
                    return hits;
                }
                hits++;
            }
        }
        double draw = Math.rint(mean + Math.sqrt(mean * (1 - p)) * gaussian());
        return (long) Math.max(0, Math.min(n, draw));
    }

    private double gaussian() {
        double u;
        double v;
        double s;
        do {
            u = 2 * random.nextDouble() - 1;
            v = 2 * random.nextDouble() - 1;
            s = u * u + v * v;
        } while (s >= 1 || s == 0);
        return u * Math.sqrt(-2 * Math.log(s) / s);
    }
}
