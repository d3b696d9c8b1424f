package dev.dreamnet.core.slo;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * One service level objective: of the requests to {@code routes} (route templates such as
 * {@code GET /api/dreams/{id}}; client aborts are not counted), at least {@code objective} must be good over
 * {@code window}. Good means not a 5xx ({@link Kind#AVAILABILITY}), or answered within {@code latencyThreshold}
 * ({@link Kind#LATENCY}). A latency threshold is one of {@link #LATENCY_BOUNDS_SECONDS}, the bucket bounds of the
 * request histogram on {@code /metrics}, so Prometheus rules can judge exactly the same requests. Immutable.
 */
public record Slo(String name, Kind kind, List<String> routes, double objective, Duration latencyThreshold,
                  Duration window) {

    /** The upper bounds, in seconds, of {@code dreamnet_http_server_requests_seconds}'s buckets (+Inf aside). */
    public static final List<Double> LATENCY_BOUNDS_SECONDS = List.of(0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1,
            0.25, 0.5, 1.0, 2.5, 5.0, 10.0);
    /** The window an objective is judged over unless it says otherwise. */
    public static final Duration DEFAULT_WINDOW = Duration.ofDays(30);
    /** Names are safe in a metric label, a URL path segment and a Prometheus rule name. */
    public static final Pattern NAME = Pattern.compile("[a-z][a-z0-9_-]{0,62}");

    /** What makes a request good. */
    public enum Kind {
        /** Not a server error (5xx). */
        AVAILABILITY,
        /** Answered within the latency threshold, whatever its status. */
        LATENCY
    }

    public Slo {
        Objects.requireNonNull(kind, "kind");
        if (name == null || !NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("name must be lower-case letters, digits, \"-\" and \"_\", starting "
                    + "with a letter, was \"" + name + "\"");
        }
        routes = List.copyOf(routes);
        if (routes.isEmpty()) {
            throw new IllegalArgumentException("routes must name at least one route");
        }
        if (!(objective > 0 && objective < 1)) {
            throw new IllegalArgumentException("objective must be between 0 and 1 (exclusive), was " + objective);
        }
        if (window == null || window.compareTo(Duration.ofHours(1)) < 0 || window.toSeconds() % 60 != 0
                || window.compareTo(Duration.ofDays(90)) > 0) {
            throw new IllegalArgumentException("window must be whole minutes between 1h and 90d, was " + window);
        }
        if (kind == Kind.LATENCY) {
            if (latencyThreshold == null || !LATENCY_BOUNDS_SECONDS.contains(latencyThreshold.toNanos() / 1e9)) {
                throw new IllegalArgumentException("latency threshold must be a bucket bound of the request "
                        + "histogram (" + bounds() + "), was " + latencyThreshold);
            }
        } else if (latencyThreshold != null) {
            throw new IllegalArgumentException("an availability objective has no latency threshold");
        }
    }

    /** An availability objective over the default window. */
    public static Slo availability(String name, List<String> routes, double objective) {
        return new Slo(name, Kind.AVAILABILITY, routes, objective, null, DEFAULT_WINDOW);
    }

    /** A latency objective over the default window. */
    public static Slo latency(String name, List<String> routes, double objective, Duration threshold) {
        return new Slo(name, Kind.LATENCY, routes, objective, threshold, DEFAULT_WINDOW);
    }

    /** The share of requests that may be bad: {@code 1 - objective}. */
    public double errorBudget() {
        return 1 - objective;
    }

    /** The threshold in microseconds, or {@link Long#MAX_VALUE} for an availability objective. */
    public long thresholdMicros() {
        return latencyThreshold == null ? Long.MAX_VALUE : latencyThreshold.toNanos() / 1_000;
    }

    /** The bounds as a person writes them: 1ms, 2.5ms ... 10s. */
    public static String bounds() {
        StringBuilder text = new StringBuilder();
        for (double bound : LATENCY_BOUNDS_SECONDS) {
            text.append(text.length() == 0 ? "" : ", ").append(bound < 1 ? trim(bound * 1000) + "ms" : trim(bound) + "s");
        }
        return text.toString();
    }

    private static String trim(double value) {
        return value == Math.rint(value) ? Long.toString((long) value) : Double.toString(value);
    }
}
