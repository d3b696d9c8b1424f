/**
 * Watchdogs: vital signs of the JVM and the queues judged against WARN/CRIT thresholds each time
 * they are read. A {@link dev.dreamnet.core.watchdog.Watchdog} returns an immutable
 * {@link dev.dreamnet.core.watchdog.Reading}; {@link dev.dreamnet.core.watchdog.Watchdogs} holds
 * them for {@code /api/observability/watchdogs}. JVM facts come through
 * {@link dev.dreamnet.core.watchdog.JvmProbe}, queue counters through
 * {@link dev.dreamnet.core.watchdog.QueueGauge}, so tests script both; windows slide on the
 * {@code nowNanos} passed in.
 */
package dev.dreamnet.core.watchdog;
