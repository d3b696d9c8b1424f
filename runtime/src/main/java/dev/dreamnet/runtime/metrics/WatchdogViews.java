package dev.dreamnet.runtime.metrics;

import dev.dreamnet.core.watchdog.Reading;
import dev.dreamnet.core.watchdog.Watchdogs;
import java.util.List;

/** The JSON shape of {@code /api/observability/watchdogs}: the worst level first, then every reading. */
public final class WatchdogViews {

    private WatchdogViews() {
    }

    public record ThresholdsView(double warn, double crit) {
    }

    public record ReadingView(String name, String level, Double value, String unit, ThresholdsView thresholds,
                              String reason, List<String> detail) {
    }

    public record WatchdogsView(String level, List<ReadingView> watchdogs) {
    }

    public static WatchdogsView of(List<Reading> readings) {
        return new WatchdogsView(Watchdogs.worst(readings).name(), readings.stream().map(WatchdogViews::reading).toList());
    }

    private static ReadingView reading(Reading r) {
        return new ReadingView(r.name(), r.level().name(), Double.isNaN(r.value()) ? null : r.value(), r.unit(),
                r.thresholds() == null ? null : new ThresholdsView(r.thresholds().warn(), r.thresholds().crit()),
                r.reason(), r.detail());
    }

    /** One line per reading that is not OK, for the summary's attention list. */
    public static List<String> attention(List<Reading> readings) {
        return readings.stream().filter(r -> r.level() != dev.dreamnet.core.watchdog.Level.OK)
                .map(r -> "watchdog " + r.name() + " " + r.level() + ": " + r.reason()).toList();
    }
}
