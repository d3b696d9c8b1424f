package dev.dreamnet.runtime.resilience;

import dev.dreamnet.core.overload.BulkheadSnapshot;
import dev.dreamnet.core.overload.HedgeSnapshot;
import dev.dreamnet.core.overload.ThrottleSnapshot;

/**
 * The outbound overload guards of one downstream at one moment, for endpoints and metrics; a guard
 * that is not configured is null. Immutable and thread-safe.
 *
 * @param name     the downstream
 * @param bulkhead its bulkhead: cap, calls in flight, refusals
 * @param throttle its adaptive throttle: requests and accepts in the window, probability, local rejections
 * @param hedge    its hedging: delay, calls, hedges sent and won, hedges refused by the budget or the bulkhead
 */
public record OutboundSnapshot(String name, BulkheadSnapshot bulkhead, ThrottleSnapshot throttle, HedgeSnapshot hedge) {
}
