package dev.dreamnet.core.overload;

import java.util.Objects;

/**
 * A concurrency limit that follows measured latency, in the manner of TCP delay-based congestion
 * control (the idea of Netflix concurrency-limits' Gradient2, written afresh). It is fed one
 * summary per sample window: the window's mean round-trip time (the <em>short</em> RTT), the most
 * requests that were in flight, and whether any was dropped (timed out, refused downstream).
 *
 * <p>Each update:
 * <ol>
 *   <li>The <em>long</em> RTT, the baseline, moves towards the short RTT: a plain mean over the
 *       first {@code longWindow} windows, then an exponential average with weight
 *       {@code 1/longWindow}. If the short RTT falls below half of it (the service recovered from
 *       a slow period), the long RTT decays by a tenth per window towards it, so that the baseline
 *       does not stay inflated by the slow period.</li>
 *   <li>{@code gradient = clamp(rttTolerance x long / short, 0.5, 1)}: 1 while latency is within
 *       the tolerance of its baseline, less as queues build up.</li>
 *   <li>{@code target = limit x gradient + sqrt(limit)}: the square root is headroom, the
 *       queue allowed so that the limit can probe upwards when latency is flat.</li>
 *   <li>After a window with a drop, the target is at most {@code limit x dropBackoff}. If the
 *       window never had more than half the limit in flight, the target is not allowed to exceed
 *       the limit: a service that is not using its limit gives no evidence that more would be
 *       fine.</li>
 *   <li>{@code limit = (1 - smoothing) x limit + smoothing x target}, kept within
 *       {@code [minLimit, maxLimit]}.</li>
 * </ol>
 * Under flat latency and full use the limit grows by {@code smoothing x sqrt(limit)} per window;
 * when the short RTT is {@code 2 x rttTolerance} times the baseline or more it shrinks by
 * {@code smoothing / 2} of itself per window, less {@code smoothing x sqrt(limit)}. See
 * {@link AdaptiveLimitConfig} for the parameters.
 *
 * <p>Pure and not thread-safe: time and samples are passed in, and one thread at a time may call
 * {@link #update}. The concurrent limiter calls it from whichever thread closes a sample window.
 */
public final class GradientLimit {

    private final AdaptiveLimitConfig config;
    private double limit;
    private double longRttNanos;
    private long lastRttNanos;
    private long windows;

    public GradientLimit(AdaptiveLimitConfig config) {
        this.config = Objects.requireNonNull(config, "config must not be null");
        this.limit = config.initialLimit();
    }

    public AdaptiveLimitConfig config() {
        return config;
    }

    /** The current limit, rounded down; always within [minLimit, maxLimit]. */
    public int limit() {
        return (int) limit;
    }

    /** The long-run (baseline) round-trip time in nanoseconds; 0 before the first update. */
    public long longRttNanos() {
        return (long) longRttNanos;
    }

    /** The short round-trip time of the last update in nanoseconds; 0 before the first update. */
    public long lastRttNanos() {
        return lastRttNanos;
    }

    /**
     * Takes one sample window into account and returns the new limit.
     *
     * @param shortRttNanos the window's mean round-trip time; at least 0 (0 is treated as 1 ns)
     * @param maxInflight   the most requests in flight during the window; at least 0
     * @param dropped       whether any request of the window was dropped
     */
    public int update(long shortRttNanos, int maxInflight, boolean dropped) {
        if (shortRttNanos < 0) {
            throw new IllegalArgumentException("shortRttNanos must be >= 0, was " + shortRttNanos);
        }
        if (maxInflight < 0) {
            throw new IllegalArgumentException("maxInflight must be >= 0, was " + maxInflight);
        }
        double shortRtt = Math.max(1, shortRttNanos);
        lastRttNanos = (long) shortRtt;
        updateLongRtt(shortRtt);
        double target = target(shortRtt, maxInflight, dropped);
        double next = (1 - config.smoothing()) * limit + config.smoothing() * target;
        limit = Math.max(config.minLimit(), Math.min(config.maxLimit(), next));
        return limit();
    }

    private void updateLongRtt(double shortRtt) {
        windows = Math.min(windows + 1, config.longWindow());
        longRttNanos += (shortRtt - longRttNanos) / windows;
        if (longRttNanos > 2 * shortRtt) {
            longRttNanos = Math.max(shortRtt, longRttNanos * 0.9);
        }
    }

    private double target(double shortRtt, int maxInflight, boolean dropped) {
        double gradient = Math.max(0.5, Math.min(1.0, config.rttTolerance() * longRttNanos / shortRtt));
        double target = limit * gradient + Math.sqrt(limit);
        if (dropped) {
            target = Math.min(target, limit * config.dropBackoff());
        }
        if (target > limit && maxInflight < limit / 2) {
            target = limit;
        }
        return target;
    }
}
