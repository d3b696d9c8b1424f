/**
 * The concurrency limiter's machinery: {@code RealConcurrencyLimiter} admits by compare-and-set on
 * one padded in-flight count against an immutable admission table, and a lock-free sample window
 * feeds the gradient limit. Not an API: use {@code dev.dreamnet.core.overload}.
 */
package dev.dreamnet.core.overload.internal;
