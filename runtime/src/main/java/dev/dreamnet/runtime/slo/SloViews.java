package dev.dreamnet.runtime.slo;

import dev.dreamnet.core.slo.SloState;
import dev.dreamnet.core.slo.SloStatus;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The objectives as {@code /api/observability/slos}, the summary and {@code dreamnet slo} show them. Stateless. */
public final class SloViews {

    private SloViews() {
    }

    /**
     * Every objective's judgement, whether rollouts are gated and brownout follows pages, the table's error, and why
     * the SLO file's latest change was refused, if it was ({@code reloadError}; the last good version is in force).
     */
    public record SlosView(List<SloView> slos, boolean gateRollouts, boolean brownoutOnPage, String configVersion,
                           String error, String reloadError) {
    }

    /**
     * One objective: what it promises, its state, burn rates per window, the budget left (1 = all, below 0 =
     * overspent), seconds until it is gone at the last hour's rate (null: not burning), and the counts of its window.
     */
    public record SloView(String name, String kind, List<String> routes, double objective, Long latencyThresholdMs,
                          String window, String state, Map<String, Double> burnRates, double budgetRemaining,
                          Long secondsToExhaustion, long good, long bad, List<String> firing) {
    }

    public static SlosView of(SloService service) {
        var config = service.config();
        return new SlosView(service.statuses().stream().map(SloViews::of).toList(), config.gateRollouts(),
                config.brownoutOnPage(), config.version(), service.lastError(), service.refusal().orElse(null));
    }

    public static SloView of(SloStatus status) {
        var slo = status.slo();
        return new SloView(slo.name(), slo.kind().name(), slo.routes(), slo.objective(),
                slo.latencyThreshold() == null ? null : slo.latencyThreshold().toMillis(),
                dev.dreamnet.core.slo.AlertWindow.label(slo.window()), status.state().name(), status.burnRates(),
                status.budgetRemaining(), status.timeToExhaustion() == null ? null
                : status.timeToExhaustion().toSeconds(), status.windowCounts().good(), status.windowCounts().bad(),
                status.firing());
    }

    /** One line per objective that pages, tickets or has spent its budget, pages first. */
    public static List<String> attention(List<SloStatus> statuses) {
        List<String> lines = new ArrayList<>();
        for (SloState severity : List.of(SloState.PAGE, SloState.TICKET)) {
            for (SloStatus status : statuses) {
                if (status.state() == severity) {
                    lines.add(String.format(Locale.ROOT, "SLO %s is %s: %s; %.0f%% of the error budget left%s",
                            status.slo().name(), severity, String.join("; ", status.firing()),
                            status.budgetRemaining() * 100, exhaustion(status)));
                }
            }
        }
        statuses.stream().filter(s -> s.state() == SloState.OK && s.exhausted())
                .forEach(s -> lines.add("SLO " + s.slo().name() + " has spent its error budget over "
                        + dev.dreamnet.core.slo.AlertWindow.label(s.slo().window())));
        return lines;
    }

    private static String exhaustion(SloStatus status) {
        if (status.timeToExhaustion() == null) {
            return "";
        }
        long minutes = status.timeToExhaustion().toMinutes();
        return minutes == 0 ? " (spent)" : minutes < 120 ? " (gone in " + minutes + " min at this rate)"
                : String.format(Locale.ROOT, " (gone in %.1f h at this rate)", minutes / 60.0);
    }
}
