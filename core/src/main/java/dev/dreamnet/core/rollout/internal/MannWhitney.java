package dev.dreamnet.core.rollout.internal;

/**
 * The Mann-Whitney effect of two binned samples: the probability that a canary value is above a
 * baseline one (ties count half), and its standard error by DeLong's method (the variances of each
 * side's placements in the other). Linear in the number of bins. Pure; thread-safe.
 */
final class MannWhitney {

    private MannWhitney() {
    }

    /** {auc, standard error}; {0.5, 0} when a side is empty. */
    static double[] aucAndStandardError(long[] canary, long nc, long[] baseline, long nb) {
        if (nc < 2 || nb < 2) {
            return new double[] {0.5, 0};
        }
        double below = 0; // baseline values below the current bin
        double sum = 0;
        double sumSquares = 0;
        for (int i = 0; i < canary.length; i++) {
            if (canary[i] > 0) {
                double placement = (below + 0.5 * baseline[i]) / nb;
                sum += canary[i] * placement;
                sumSquares += canary[i] * placement * placement;
            }
            below += baseline[i];
        }
        double auc = sum / nc;
        double canaryVariance = Math.max(0, (sumSquares - nc * auc * auc) / (nc - 1));
        double above = nc; // canary values at or above the current bin
        double baselineSquares = 0;
        for (int i = 0; i < baseline.length; i++) {
            if (baseline[i] > 0) {
                double placement = (above - 0.5 * canary[i]) / nc;
                baselineSquares += baseline[i] * placement * placement;
            }
            above -= canary[i];
        }
        double baselineVariance = Math.max(0, (baselineSquares - nb * auc * auc) / (nb - 1));
        return new double[] {auc, Math.sqrt(canaryVariance / nc + baselineVariance / nb)};
    }
}
