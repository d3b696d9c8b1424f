/**
 * Retries with exponential backoff and jitter ({@link dev.dreamnet.core.retry.Backoff}), only for
 * failures declared retryable, within the caller's deadline, within a
 * {@link dev.dreamnet.core.retry.RetryBudget} and never while the downstream's circuit breaker is
 * open: {@link dev.dreamnet.core.retry.Retry}, configured by {@link dev.dreamnet.core.retry.RetryConfig}.
 */
package dev.dreamnet.core.retry;
