package dev.dreamnet.core.rollout.internal;

/**
 * The few statistics the judge needs: the normal quantile, a one-sample Wilson bound and a one-sided
 * Fisher's exact test of two proportions. Pure functions; thread-safe.
 */
public final class Statistics {

    private Statistics() {
    }

    /** The z-score exceeded with probability {@code alpha} by a standard normal variable (one-sided). */
    public static double zFor(double alpha) {
        return -normalQuantile(alpha);
    }

    /** The lower bound of the Wilson score interval of {@code hits / trials} at {@code z}. */
    public static double wilsonLower(long hits, long trials, double z) {
        if (trials == 0) {
            return 0;
        }
        double n = trials;
        double p = hits / n;
        double z2 = z * z;
        double centre = p + z2 / (2 * n);
        double spread = z * Math.sqrt(p * (1 - p) / n + z2 / (4 * n * n));
        return Math.max(0, (centre - spread) / (1 + z2 / n));
    }

    /** The upper bound of the Wilson score interval of {@code hits / trials} at {@code z} (1 without trials). */
    public static double wilsonUpper(long hits, long trials, double z) {
        if (trials == 0) {
            return 1;
        }
        double n = trials;
        double p = hits / n;
        double z2 = z * z;
        double centre = p + z2 / (2 * n);
        double spread = z * Math.sqrt(p * (1 - p) / n + z2 / (4 * n * n));
        return Math.min(1, (centre + spread) / (1 + z2 / n));
    }

    /**
     * One-sided Fisher's exact test that the first proportion is larger than the second: the
     * probability, given both margins, of at least {@code hits1} hits in the first group. 1 when the
     * first proportion is not larger at all. Exact for small counts, where a z-test is too eager.
     */
    public static double fisherGreater(long hits1, long n1, long hits2, long n2) {
        if (n1 == 0 || n2 == 0 || hits1 * (double) n2 <= hits2 * (double) n1) {
            return 1;
        }
        long total = n1 + n2;
        long hits = hits1 + hits2;
        long last = Math.min(hits, n1);
        double term = Math.exp(logChoose(hits, hits1) + logChoose(total - hits, n1 - hits1) - logChoose(total, n1));
        double sum = term;
        for (long k = hits1; k < last && term > sum * 1e-16; k++) {
            term *= (double) (hits - k) * (n1 - k) / ((k + 1) * (double) (total - hits - n1 + k + 1));
            sum += term;
        }
        return Math.min(1, sum);
    }

    static double logChoose(long n, long k) {
        return logGamma(n + 1.0) - logGamma(k + 1.0) - logGamma(n - k + 1.0);
    }

    private static final double[] LANCZOS = {0.99999999999980993, 676.5203681218851, -1259.1392167224028,
            771.32342877765313, -176.61502916214059, 12.507343278686905, -0.13857109526572012,
            9.9843695780195716e-6, 1.5056327351493116e-7};

    /** ln Gamma(x) for x >= 1, by the Lanczos approximation (g = 7). */
    static double logGamma(double x) {
        double z = x - 1;
        double series = LANCZOS[0];
        for (int i = 1; i < LANCZOS.length; i++) {
            series += LANCZOS[i] / (z + i);
        }
        double t = z + 7.5;
        return 0.5 * Math.log(2 * Math.PI) + (z + 0.5) * Math.log(t) - t + Math.log(series);
    }

    /** The standard normal quantile, by Acklam's rational approximation (relative error below 1.2e-9). */
    static double normalQuantile(double p) {
        if (!(p > 0 && p < 1)) {
            throw new IllegalArgumentException("p must be in (0, 1), was " + p);
        }
        double low = 0.02425;
        if (p < low) {
            double q = Math.sqrt(-2 * Math.log(p));
            return tail(q);
        }
        if (p > 1 - low) {
            return -tail(Math.sqrt(-2 * Math.log(1 - p)));
        }
        double q = p - 0.5;
        double r = q * q;
        return (((((-3.969683028665376e+01 * r + 2.209460984245205e+02) * r - 2.759285104469687e+02) * r
                + 1.383577518672690e+02) * r - 3.066479806614716e+01) * r + 2.506628277459239e+00) * q
                / (((((-5.447609879822406e+01 * r + 1.615858368580409e+02) * r - 1.556989798598866e+02) * r
                + 6.680131188771972e+01) * r - 1.328068155288572e+01) * r + 1);
    }

    private static double tail(double q) {
        return (((((-7.784894002430293e-03 * q - 3.223964580411365e-01) * q - 2.400758277161838e+00) * q
                - 2.549732539343734e+00) * q + 4.374664141464968e+00) * q + 2.938163982698783e+00)
                / ((((7.784695709041462e-03 * q + 3.224671290700398e-01) * q + 2.445134137142996e+00) * q
                + 3.754408661907416e+00) * q + 1);
    }
}
