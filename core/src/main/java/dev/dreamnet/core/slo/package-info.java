/**
 * Service level objectives and their error budgets, judged the way the SRE Workbook recommends: multiwindow,
 * multi-burn-rate alerts. An {@link dev.dreamnet.core.slo.Slo} says which routes it covers, what counts as a good
 * request (not a 5xx, or also faster than a latency threshold) and what share must be good over its window.
 * {@link dev.dreamnet.core.slo.SloEvaluator} turns good and bad counts over the Workbook's windows into an
 * {@link dev.dreamnet.core.slo.SloStatus} (OK, TICKET or PAGE, the burn rates, the budget left and the time to
 * exhaustion). Counts are kept per minute ({@link dev.dreamnet.core.slo.MinuteCounts}). Pure: time is passed in as
 * data.
 */
package dev.dreamnet.core.slo;
