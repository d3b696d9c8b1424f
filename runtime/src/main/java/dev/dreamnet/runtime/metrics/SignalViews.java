package dev.dreamnet.runtime.metrics;


import dev.dreamnet.core.metrics.LatencySummary;
import dev.dreamnet.core.metrics.RouteStats;
import dev.dreamnet.core.metrics.TrafficSnapshot;
import dev.dreamnet.core.metrics.WindowStats;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The JSON shape of the golden signals: per window ({@code 1m}, {@code 5m}) traffic, errors and
 * latency; an empty latency has a count of 0 and null percentiles, never zeros. The overall windows
 * leave out the health probes, which are listed per route like any other.
 */
public final class SignalViews {

    private SignalViews() {
    }

    public record Latency(long count, Double p50Ms, Double p95Ms, Double p99Ms, Double maxMs) {
    }

    public record Traffic(long requests, double requestsPerSecond) {
    }

    /** {@code clientAborts}: requests whose client hung up before the answer (status 499), in no error rate. */
    public record Errors(long serverErrors, long clientErrors, double serverErrorRate, double clientErrorRate,
                        double serverErrorsPerSecond, long clientAborts) {
    }

    public record LatencyByOutcome(Latency success, Latency serverError, Latency clientError, Latency clientAbort) {
    }

    public record Window(long windowSeconds, double coveredSeconds, Traffic traffic, Errors errors,
                         LatencyByOutcome latency) {
    }

    public record Route(String route, Map<String, Window> windows) {
    }

    public record GoldenSignals(Instant at, Map<String, Window> overall, List<Route> routes,
                                Saturation.View saturation) {
    }

    public static GoldenSignals of(TrafficSnapshot traffic, Saturation.View saturation) {
        List<Route> routes = traffic.routes().stream().map(SignalViews::route).toList();
        return new GoldenSignals(Instant.ofEpochMilli(traffic.wallMillis()), windows(traffic.overall()), routes,
                saturation);
    }

    private static Route route(RouteStats stats) {
        return new Route(stats.route(), windows(stats.windows()));
    }

    /** Windows keyed by their length: {@code 1m}, {@code 5m}, {@code 30s}. */
    public static Map<String, Window> windows(List<WindowStats> windows) {
        Map<String, Window> byName = new LinkedHashMap<>();
        for (WindowStats w : windows) {
            byName.put(name(w.window()), window(w));
        }
        return byName;
    }

    static String name(Duration window) {
        return window.toSeconds() % 60 == 0 ? window.toMinutes() + "m" : window.toSeconds() + "s";
    }

    private static Window window(WindowStats w) {
        return new Window(w.window().toSeconds(), round(w.covered().toMillis() / 1000.0),
                new Traffic(w.requests(), round(w.requestsPerSecond())),
                new Errors(w.serverErrors(), w.clientErrors(), round(w.serverErrorRate()), round(w.clientErrorRate()),
                        round(w.serverErrorsPerSecond()), w.clientAborts()),
                new LatencyByOutcome(latency(w.success()), latency(w.serverError()), latency(w.clientError()),
                        latency(w.clientAbort())));
    }

    public static Latency latency(LatencySummary s) {
        if (s.isEmpty()) {
            return new Latency(0, null, null, null, null);
        }
        return new Latency(s.count(), s.p50Millis(), s.p95Millis(), s.p99Millis(), s.maxMillis());
    }

    private static double round(double value) {
        return Math.round(value * 10_000) / 10_000.0;
    }
}
