/**
 * Overload protection for inbound work: an adaptive concurrency limit that follows measured
 * latency ({@link dev.dreamnet.core.overload.GradientLimit}, set up by an immutable
 * {@link dev.dreamnet.core.overload.AdaptiveLimitConfig}) and a lock-free
 * {@link dev.dreamnet.core.overload.ConcurrencyLimiter} that shares the limit out by
 * {@link dev.dreamnet.core.overload.Criticality}, tightening the {@link dev.dreamnet.core.overload.Shares}
 * in brownout and emergency. Pure: time is passed in as data. The implementation lives in
 * {@code internal} and is not part of the API.
 */
package dev.dreamnet.core.overload;
