package dev.dreamnet.core.slo;

import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * An objective judged at one moment: its state, the burn rate over each of the Workbook's windows (keyed 5m, 30m,
 * 1h, 6h, 3d), the share of the error budget left over its window (1 untouched, 0 spent, below 0 overspent), the
 * time until the budget is gone at the last hour's burn rate (null when nothing burns; zero when it is gone), and
 * the alerts that fire, in words. Immutable.
 */
public record SloStatus(Slo slo, SloState state, Map<String, Double> burnRates, Counts windowCounts,
                        double budgetRemaining, Duration timeToExhaustion, List<String> firing) {

    public SloStatus {
        burnRates = Map.copyOf(burnRates);
        firing = List.copyOf(firing);
    }

    /** Whether the error budget over the objective's window is spent. */
    public boolean exhausted() {
        return budgetRemaining <= 0;
    }
}
