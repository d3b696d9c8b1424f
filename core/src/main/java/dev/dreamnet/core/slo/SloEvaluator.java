package dev.dreamnet.core.slo;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * Judges an objective from its counts over the alert windows and its own window. The burn rate over a window is
 * the share of bad requests divided by the error budget ({@code 1 - objective}): at 1x the budget lasts exactly
 * the objective's window. Pure and stateless; thread-safe.
 */
public final class SloEvaluator {

    private final List<AlertWindow> alerts;

    public SloEvaluator(List<AlertWindow> alerts) {
        this.alerts = List.copyOf(alerts);
    }

    /** With the Workbook's three alerts. */
    public static SloEvaluator workbook() {
        return new SloEvaluator(AlertWindow.WORKBOOK);
    }

    /** Every window whose counts {@link #evaluate} asks for, shortest first: the alerts' and the objective's own. */
    public List<Duration> windows(Slo slo) {
        TreeSet<Duration> windows = new TreeSet<>();
        for (AlertWindow alert : alerts) {
            windows.add(alert.shortWindow());
            windows.add(alert.longWindow());
        }
        windows.add(slo.window());
        return List.copyOf(windows);
    }

    /** Judges {@code slo}; {@code counts} gives the good and bad requests over the last window it is given. */
    public SloStatus evaluate(Slo slo, Function<Duration, Counts> counts) {
        Map<String, Double> burn = new LinkedHashMap<>();
        for (Duration window : windows(slo)) {
            if (!window.equals(slo.window()) || alertWindow(window)) {
                burn.put(AlertWindow.label(window), burnRate(slo, counts.apply(window)));
            }
        }
        SloState state = SloState.OK;
        List<String> firing = new ArrayList<>();
        for (AlertWindow alert : alerts) {
            double longBurn = burn.get(AlertWindow.label(alert.longWindow()));
            double shortBurn = burn.get(AlertWindow.label(alert.shortWindow()));
            if (alert.fires(longBurn, shortBurn)) {
                firing.add(String.format(Locale.ROOT, "%s: burn rate %.1fx over %s and %.1fx over %s (threshold %sx)",
                        alert.severity(), longBurn, AlertWindow.label(alert.longWindow()), shortBurn,
                        AlertWindow.label(alert.shortWindow()), trim(alert.threshold())));
                state = alert.severity().compareTo(state) > 0 ? alert.severity() : state;
            }
        }
        Counts total = counts.apply(slo.window());
        double remaining = budgetRemaining(slo, total);
        return new SloStatus(slo, state, burn, total, remaining, exhaustion(slo, remaining, burn.get("1h")), firing);
    }

    /** The bad share over the error budget; 0 without requests. */
    public static double burnRate(Slo slo, Counts counts) {
        return counts.badFraction() / slo.errorBudget();
    }

    /** The share of the budget left: {@code 1 - bad / (budget * total)}; 1 without requests. */
    public static double budgetRemaining(Slo slo, Counts counts) {
        if (counts.total() == 0) {
            return 1;
        }
        return 1 - counts.bad() / (slo.errorBudget() * counts.total());
    }

    /**
     * At burn rate b the budget of a window W lasts W / b; what is left lasts {@code remaining * W / b}. Null when
     * nothing burns (or there is no hourly rate), zero when the budget is already spent.
     */
    static Duration exhaustion(Slo slo, double remaining, Double hourlyBurn) {
        if (remaining <= 0) {
            return Duration.ZERO;
        }
        if (hourlyBurn == null || hourlyBurn <= 0) {
            return null;
        }
        return Duration.ofSeconds((long) (remaining * slo.window().toSeconds() / hourlyBurn));
    }

    private boolean alertWindow(Duration window) {
        return alerts.stream().anyMatch(a -> a.longWindow().equals(window) || a.shortWindow().equals(window));
    }

    private static String trim(double value) {
        return value == Math.rint(value) ? Long.toString((long) value) : Double.toString(value);
    }
}
