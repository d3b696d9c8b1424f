/**
 * Overload protection. For inbound work: an adaptive concurrency limit that follows measured
 * latency ({@link dev.dreamnet.core.overload.GradientLimit}, set up by an immutable
 * {@link dev.dreamnet.core.overload.AdaptiveLimitConfig}) and a lock-free
 * {@link dev.dreamnet.core.overload.ConcurrencyLimiter} that shares the limit out by
 * {@link dev.dreamnet.core.overload.Criticality}, tightening the {@link dev.dreamnet.core.overload.Shares}
 * in brownout and emergency. Pure: time is passed in as data. The implementation lives in
 * {@code internal} and is not part of the API.
 *
 * <p>And for outbound calls, per downstream: a {@link dev.dreamnet.core.overload.Bulkhead} (a fixed
 * concurrency cap), the SRE book's client-side {@link dev.dreamnet.core.overload.AdaptiveThrottle},
 * and {@link dev.dreamnet.core.overload.Hedging} of idempotent calls within a
 * {@link dev.dreamnet.core.overload.HedgeBudget}. Refusals on this side are
 * {@link dev.dreamnet.core.overload.LocallyRejectedException}s.
 */
package dev.dreamnet.core.overload;
