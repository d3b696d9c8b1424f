package dev.dreamnet.cli;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;

/** Percentiles of measured propagation delays, as one line for a report. */
final class Propagation {

    private Propagation() {
    }

    /** "n=100 p50=3.1 ms p90=... p99=... max=..." (nearest-rank percentiles of {@code micros}). */
    static String describe(List<Long> micros) {
        List<Long> sorted = new ArrayList<>(micros);
        Collections.sort(sorted);
        return String.format(Locale.ROOT, "n=%d p50=%.1f ms p90=%.1f ms p99=%.1f ms max=%.1f ms", sorted.size(),
                rank(sorted, 0.50), rank(sorted, 0.90), rank(sorted, 0.99), sorted.get(sorted.size() - 1) / 1000.0);
    }

    static double rank(List<Long> sorted, double quantile) {
        int index = (int) Math.ceil(quantile * sorted.size()) - 1;
        return sorted.get(Math.max(0, index)) / 1000.0;
    }
}
