package dev.dreamnet.core.rollout.internal;

/**
 * The few statistics the judge needs: the normal quantile, a one-sample Wilson bound and a one-sided
 * two-proportion z-test with continuity correction. Pure functions; thread-safe.
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

    /**
     * The z statistic for "the first proportion is larger than the second" (pooled variance, Yates'
     * continuity correction); 0 when the first is not larger at all.
     */
    public static double twoProportionZ(long hits1, long n1, long hits2, long n2) {
        if (n1 == 0 || n2 == 0) {
            return 0;
        }
        double p1 = (double) hits1 / n1;
        double p2 = (double) hits2 / n2;
        double pooled = (double) (hits1 + hits2) / (n1 + n2);
        double inverseSum = 1.0 / n1 + 1.0 / n2;
        double difference = p1 - p2 - 0.5 * inverseSum;
        double standardError = Math.sqrt(pooled * (1 - pooled) * inverseSum);
        if (difference <= 0 || standardError == 0) {
            return 0;
        }
        return difference / standardError;
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
