package dev.dreamnet.core.overload;

import java.time.Duration;

/**
 * What a {@link Hedging} policy looks like at one moment. Immutable and thread-safe.
 *
 * @param delay           how the hedge delay is set: a duration, or a percentile such as "p95"
 * @param currentDelay    the delay the next hedged call would use; null while a percentile has too few samples
 * @param calls           hedgeable calls made
 * @param sent            hedges sent, the extra calls
 * @param won             hedges that answered first
 * @param budgetRefused   hedges due but not sent because the budget was spent
 * @param bulkheadRefused hedges due but not sent because the downstream's bulkhead was full
 * @param tokens          hedges saved up in the budget
 */
public record HedgeSnapshot(String delay, Duration currentDelay, long calls, long sent, long won, long budgetRefused,
                            long bulkheadRefused, double tokens) {
}
