package dev.dreamnet.core.slo;

/** Good and bad requests over some span of time. Immutable. */
public record Counts(long good, long bad) {

    public static final Counts ZERO = new Counts(0, 0);

    public Counts {
        if (good < 0 || bad < 0) {
            throw new IllegalArgumentException("counts must be >= 0, were good=" + good + " bad=" + bad);
        }
    }

    public long total() {
        return good + bad;
    }

    /** The share of bad requests; 0 without requests. */
    public double badFraction() {
        long total = total();
        return total == 0 ? 0 : (double) bad / total;
    }

    public Counts plus(Counts other) {
        return new Counts(good + other.good, bad + other.bad);
    }
}
