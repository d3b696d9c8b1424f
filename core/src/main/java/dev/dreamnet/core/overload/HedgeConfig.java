package dev.dreamnet.core.overload;

import java.util.Objects;

/**
 * How a {@link Hedging} policy hedges. Immutable; the constructor names the setting that is wrong.
 *
 * @param delay      when the second request is sent
 * @param maxExtra   the share of calls, in (0, 1], that may be hedged: each call earns this much of a
 *                   hedge and a hedge spends one, so hedges never exceed {@code maxExtra x calls}
 * @param burst      how many unspent hedges may be saved up in quiet times, at least 1
 * @param samples    how many recent latencies a percentile delay is computed over
 * @param minSamples a percentile delay hedges nothing until this many successful calls were measured
 */
public record HedgeConfig(HedgeDelay delay, double maxExtra, int burst, int samples, int minSamples) {

    public HedgeConfig {
        Objects.requireNonNull(delay, "delay must not be null");
        if (!(maxExtra > 0 && maxExtra <= 1)) {
            throw new IllegalArgumentException("maxExtra must be > 0 and <= 1, was " + maxExtra);
        }
        if (burst < 1 || burst > 10_000) {
            throw new IllegalArgumentException("burst must be between 1 and 10000, was " + burst);
        }
        if (samples < 10 || samples > 100_000) {
            throw new IllegalArgumentException("samples must be between 10 and 100000, was " + samples);
        }
        if (minSamples < 1 || minSamples > samples) {
            throw new IllegalArgumentException("minSamples must be between 1 and samples (" + samples + "), was "
                    + minSamples);
        }
    }

    /** Hedge after p95, at most 5% extra calls, 10 saved up, p95 over the last 1000 calls once 20 are known. */
    public static HedgeConfig ofDefaults() {
        return of(HedgeDelay.percentile(95), 0.05);
    }

    /** {@code delay} and {@code maxExtra}, other settings as {@link #ofDefaults()}. */
    public static HedgeConfig of(HedgeDelay delay, double maxExtra) {
        return new HedgeConfig(delay, maxExtra, 10, 1000, 20);
    }
}
