package dev.dreamnet.core.watchdog;

import java.util.Locale;

/** Numbers as people read them in reasons: at most one decimal, no trailing ".0". Stateless. */
final class Numbers {

    private Numbers() {
    }

    static String plain(double value) {
        if (Double.isNaN(value) || Double.isInfinite(value)) {
            return String.valueOf(value);
        }
        double rounded = Math.round(value * 10) / 10.0;
        return rounded == Math.rint(rounded)
                ? String.format(Locale.ROOT, "%d", (long) rounded)
                : String.format(Locale.ROOT, "%.1f", rounded);
    }
}
