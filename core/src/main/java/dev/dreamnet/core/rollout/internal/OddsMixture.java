package dev.dreamnet.core.rollout.internal;

/**
 * A mixture sequential probability ratio test (mSPRT) that a binomial share is above a null share:
 * H0 "share <= p0" against the alternatives whose odds are {@link #RATIOS} times p0's, equally
 * weighted. Each batch of {@code trials} with {@code hits} multiplies every alternative's likelihood
 * ratio by {@code (theta/p0)^hits ((1-theta)/(1-p0))^(trials-hits)}; the mixture is an e-process: under
 * H0 its expectation is at most 1 at every batch, so by Ville's inequality it ever reaches {@code 1/a}
 * with probability at most {@code a}, whatever the batch sizes, however often it is read and even when
 * p0 changes from batch to batch (it must be fixed before the batch is seen). Not thread-safe.
 */
final class OddsMixture {

    /** Odds ratios of the alternatives: small ones catch mild regressions slowly, large ones gross ones fast. */
    static final double[] RATIOS = {1.2, 1.5, 2, 3, 5, 10, 30, 100, 1000};
    private static final double[] LOG_RATIOS = new double[RATIOS.length];
    private static final double LOG_WEIGHT = -Math.log(RATIOS.length);

    static {
        for (int i = 0; i < RATIOS.length; i++) {
            LOG_RATIOS[i] = Math.log(RATIOS[i]);
        }
    }

    private final double[] logRatio = new double[RATIOS.length];
    private long trials;

    /** Weighs a batch of {@code trials} with {@code hits}, against the null share {@code p0} (0 < p0 < 1, else ignored). */
    void add(long hits, long trials, double p0) {
        if (trials <= 0 || !(p0 > 0 && p0 < 1)) {
            return;
        }
        this.trials += trials;
        double odds0 = p0 / (1 - p0);
        double log1pOdds0 = Math.log1p(odds0);
        for (int i = 0; i < RATIOS.length; i++) {
            // theta/p0 = r (1 + odds0) / (1 + r odds0); (1 - theta)/(1 - p0) = (1 + odds0) / (1 + r odds0)
            double logRest = log1pOdds0 - Math.log1p(RATIOS[i] * odds0);
            logRatio[i] += hits * LOG_RATIOS[i] + trials * logRest;
        }
    }

    /** The natural logarithm of the mixture likelihood ratio (the e-value). */
    double logEvidence() {
        double max = Double.NEGATIVE_INFINITY;
        for (double value : logRatio) {
            max = Math.max(max, value);
        }
        double sum = 0;
        for (double value : logRatio) {
            sum += Math.exp(value - max);
        }
        return max + Math.log(sum) + LOG_WEIGHT;
    }

    /** The trials weighed so far. */
    long trials() {
        return trials;
    }
}
