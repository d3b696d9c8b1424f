package dev.dreamnet.runtime.metrics;

import dev.dreamnet.core.metrics.Outcome;
import dev.dreamnet.core.slo.Slo;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReferenceArray;

/**
 * The latest traced request per route, outcome and latency bucket, so that {@code /metrics} (OpenMetrics) can link
 * each bucket of {@code dreamnet_http_server_requests_seconds} to a trace. Filled only while tracing is on; a few
 * hundred routes at most (as many as the request metrics keep). Thread-safe; a write replaces the bucket's exemplar.
 */
public final class LatencyExemplars {

    /** One traced request: its latency in seconds, its trace and span, when it finished (epoch millis; 0 unknown). */
    public record Sample(double seconds, String traceId, String spanId, long wallMillis) {
    }

    private static final double[] BOUNDS = Slo.LATENCY_BOUNDS_SECONDS.stream().mapToDouble(Double::doubleValue)
            .toArray();
    private static final int MAX_SERIES = 2_000;

    private final ConcurrentHashMap<String, AtomicReferenceArray<Sample>> series = new ConcurrentHashMap<>();

    public void record(String route, int status, long latencyNanos, String traceId, String spanId, long wallMillis) {
        String key = key(route, Outcome.of(status));
        AtomicReferenceArray<Sample> buckets = series.get(key);
        if (buckets == null) {
            if (series.size() >= MAX_SERIES) {
                return;
            }
            buckets = series.computeIfAbsent(key, k -> new AtomicReferenceArray<>(BOUNDS.length + 1));
        }
        double seconds = latencyNanos / 1e9;
        buckets.set(bucket(seconds), new Sample(seconds, traceId, spanId, wallMillis));
    }

    /** The exemplars of one route and outcome, one per bucket at most. */
    public List<Sample> of(String route, Outcome outcome) {
        AtomicReferenceArray<Sample> buckets = series.get(key(route, outcome));
        if (buckets == null) {
            return List.of();
        }
        List<Sample> samples = new ArrayList<>();
        for (int i = 0; i < buckets.length(); i++) {
            Sample sample = buckets.get(i);
            if (sample != null) {
                samples.add(sample);
            }
        }
        return samples;
    }

    private static int bucket(double seconds) {
        for (int i = 0; i < BOUNDS.length; i++) {
            if (seconds <= BOUNDS[i]) {
                return i;
            }
        }
        return BOUNDS.length;
    }

    private static String key(String route, Outcome outcome) {
        return route + '\u0000' + outcome.name();
    }
}
