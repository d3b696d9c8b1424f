/**
 * The circuit breaker's machinery: {@code RealCircuitBreaker} holds one volatile reference to a
 * state object (one class per state) and swaps it by compare-and-set; sliding windows count
 * outcomes without locks or allocation. Not an API: use {@code dev.dreamnet.core.breaker}.
 */
package dev.dreamnet.core.breaker.internal;
