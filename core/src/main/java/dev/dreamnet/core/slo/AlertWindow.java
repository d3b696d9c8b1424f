package dev.dreamnet.core.slo;

import java.time.Duration;
import java.util.List;

/**
 * One multiwindow burn-rate alert: it fires when the burn rate exceeds {@code threshold} over both the long window
 * and the short one (the short one makes the alert reset soon after the burn stops). Immutable.
 */
public record AlertWindow(SloState severity, Duration longWindow, Duration shortWindow, double threshold) {

    /**
     * The SRE Workbook's recommendation for a 30-day objective: page at 14.4x over 1 h (5 m check) and at 6x over
     * 6 h (30 m check); open a ticket at 1x over 3 d (6 h check).
     */
    public static final List<AlertWindow> WORKBOOK = List.of(
            new AlertWindow(SloState.PAGE, Duration.ofHours(1), Duration.ofMinutes(5), 14.4),
            new AlertWindow(SloState.PAGE, Duration.ofHours(6), Duration.ofMinutes(30), 6),
            new AlertWindow(SloState.TICKET, Duration.ofDays(3), Duration.ofHours(6), 1));

    /** Whether both windows burn faster than the threshold. */
    public boolean fires(double longBurn, double shortBurn) {
        return longBurn > threshold && shortBurn > threshold;
    }

    /** How the Workbook and Prometheus write a window: 5m, 30m, 1h, 6h, 3d. */
    public static String label(Duration window) {
        long minutes = window.toMinutes();
        if (minutes % (24 * 60) == 0) {
            return minutes / (24 * 60) + "d";
        }
        return minutes % 60 == 0 ? minutes / 60 + "h" : minutes + "m";
    }
}
