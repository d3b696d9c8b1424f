/**
 * Circuit breakers: {@link dev.dreamnet.core.breaker.CircuitBreaker} (built from an immutable
 * {@link dev.dreamnet.core.breaker.CircuitBreakerConfig}), one per downstream in a
 * {@link dev.dreamnet.core.breaker.CircuitBreakerRegistry}, with immutable
 * {@link dev.dreamnet.core.breaker.StateTransition} events and
 * {@link dev.dreamnet.core.breaker.CircuitBreakerSnapshot}s for operators. The implementation,
 * one class per state, lives in {@code internal} and is not part of the API.
 */
package dev.dreamnet.core.breaker;
