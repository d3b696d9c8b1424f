package dev.dreamnet.runtime.kinds;

import dev.dreamnet.core.health.HealthCheck;

/**
 * A health check that reports but never takes traffic away: its gate is non-critical even when its
 * service is critical, so a failure makes the service DEGRADED, not NOT_READY. For dependencies the
 * request path does not need (the queues: accepted work waits in the outbox until the broker is back).
 */
public interface AdvisoryCheck extends HealthCheck {
}
