package dev.dreamnet.core.rollout.internal;

import dev.dreamnet.core.metrics.internal.StripedRecorder;
import org.HdrHistogram.Histogram;

/**
 * Log-linear latency bins in microseconds: exact below 32 us, then 16 bins per power of two (each at
 * most 6.25% wide), up to {@link StripedRecorder#HIGHEST_MICROS}: {@value #COUNT} bins, the layout of
 * an HdrHistogram with one significant digit. Pure functions; thread-safe.
 */
final class LatencyBins {

    static final int COUNT = 368;

    private LatencyBins() {
    }

    static int bin(long micros) {
        long v = Math.min(StripedRecorder.HIGHEST_MICROS, Math.max(0, micros));
        if (v < 32) {
            return (int) v;
        }
        int exponent = 63 - Long.numberOfLeadingZeros(v);
        int sub = (int) (v >>> (exponent - 4)) & 15;
        return 32 + (exponent - 5) * 16 + sub;
    }

    /**
     * Adds the counts of {@code histogram} into {@code bins}, each value by the lowest value equivalent to
     * it (a one-digit histogram maps bucket to bin exactly). Visits only the bins between the histogram's
     * smallest and largest values; widens {@code range} ({from, to}, inclusive) to cover them.
     */
    static void addInto(Histogram histogram, long[] bins, int[] range) {
        if (histogram.getTotalCount() == 0) {
            return;
        }
        int from = bin(histogram.lowestEquivalentValue(histogram.getMinValue()));
        int to = bin(histogram.getMaxValue());
        for (int i = from; i <= to; i++) {
            long count = histogram.getCountBetweenValues(lower(i), upper(i));
            if (count > 0) {
                bins[i] += count;
            }
        }
        range[0] = Math.min(range[0], from);
        range[1] = Math.max(range[1], to);
    }

    /** The smallest value in {@code bin}. */
    static long lower(int bin) {
        if (bin < 32) {
            return bin;
        }
        int exponent = (bin - 32) / 16 + 5;
        int sub = (bin - 32) % 16;
        return (long) (16 + sub) << (exponent - 4);
    }

    /** The largest value in {@code bin}. */
    static long upper(int bin) {
        return bin + 1 >= COUNT ? StripedRecorder.HIGHEST_MICROS : lower(bin + 1) - 1;
    }

    /** The upper edge of the bin holding the {@code percentile} (0..100) value, 0 when empty. */
    static long percentile(long[] bins, long total, double percentile) {
        if (total == 0) {
            return 0;
        }
        long rank = Math.max(1, (long) Math.ceil(total * percentile / 100));
        long seen = 0;
        for (int i = 0; i < COUNT; i++) {
            seen += bins[i];
            if (seen >= rank) {
                return upper(i);
            }
        }
        return upper(COUNT - 1);
    }

    /** How many values lie in bins wholly above {@code micros}. */
    static long above(long[] bins, long micros) {
        long count = 0;
        for (int i = COUNT - 1; i >= 0 && lower(i) > micros; i--) {
            count += bins[i];
        }
        return count;
    }
}
