package dev.dreamnet.core.metrics;

import dev.dreamnet.core.metrics.internal.Series;
import dev.dreamnet.core.metrics.internal.StripedRecorder;
import dev.dreamnet.core.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;
import org.HdrHistogram.Histogram;

/**
 * Request counts and latency per route template, over sliding windows (by default 1 and 5 minutes,
 * sliding in 5-second slots). Recording is wait-free and allocation-free once a route has been seen;
 * reading drains the recorders into the current slot first, so a read always includes the latest
 * requests. Call {@link #advance()} at least once a slot (the server schedules it) so slots line up
 * with time even when nobody reads. Thread-safe.
 */
public final class RequestMetrics {

    /** Routes beyond this many are recorded under {@link #OTHER_ROUTE}, so a bug cannot explode memory. */
    public static final int MAX_ROUTES = 500;
    public static final String OTHER_ROUTE = "other";

    private final Clock clock;
    private final long slotNanos;
    private final int[] windowSlots;
    private final int stripes;
    private final long originNanos;
    private final Predicate<String> notTraffic;
    private final ConcurrentHashMap<String, Series> series = new ConcurrentHashMap<>();
    private final Histogram scratch = StripedRecorder.newHistogram(); // guarded by this

    private RequestMetrics(Builder builder) {
        this.clock = builder.clock;
        this.slotNanos = builder.slot.toNanos();
        this.windowSlots = builder.windows.stream().mapToInt(w -> (int) (w.toNanos() / slotNanos)).toArray();
        this.stripes = builder.stripes;
        this.notTraffic = builder.notTraffic;
        this.originNanos = clock.nanoTime();
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Records one finished request. {@code route} is a template such as {@code GET /api/dreams/{id}}. */
    public void record(String route, int status, long latencyNanos) {
        series(route).record(Outcome.of(status).ordinal(), latencyNanos / 1_000);
    }

    private Series series(String route) {
        Series known = series.get(route);
        if (known != null) {
            return known;
        }
        String name = series.size() >= MAX_ROUTES ? OTHER_ROUTE : route;
        return series.computeIfAbsent(name, n -> new Series(n, stripes, windowSlots[windowSlots.length - 1]));
    }

    /** Drains what was recorded into the current slot. */
    public synchronized void advance() {
        long slot = currentSlot();
        for (Series each : series.values()) {
            each.drain(slot, scratch);
        }
    }

    /** Every window, overall (without the routes that are not traffic) and per route (sorted by name). */
    public synchronized TrafficSnapshot snapshot() {
        advance();
        long slot = currentSlot();
        List<Series> all = new ArrayList<>(series.values());
        all.sort(Comparator.comparing(Series::route));
        List<Series> traffic = all.stream().filter(each -> !notTraffic.test(each.route())).toList();
        List<WindowStats> overall = new ArrayList<>();
        for (int w = 0; w < windowSlots.length; w++) {
            overall.add(stats(traffic, w, slot));
        }
        List<RouteStats> routes = new ArrayList<>();
        for (Series each : all) {
            List<WindowStats> windows = new ArrayList<>();
            for (int w = 0; w < windowSlots.length; w++) {
                windows.add(stats(List.of(each), w, slot));
            }
            routes.add(new RouteStats(each.route(), windows));
        }
        return new TrafficSnapshot(clock.wallMillis(), overall, routes);
    }

    private WindowStats stats(List<Series> of, int window, long slot) {
        LatencySummary[] byOutcome = new LatencySummary[Series.OUTCOMES];
        for (int outcome = 0; outcome < Series.OUTCOMES; outcome++) {
            Histogram merged = StripedRecorder.newHistogram();
            for (Series each : of) {
                each.mergeWindow(outcome, slot, windowSlots[window], merged);
            }
            byOutcome[outcome] = LatencySummary.of(merged);
        }
        long requests = 0;
        for (LatencySummary each : byOutcome) {
            requests += each.count();
        }
        LatencySummary success = byOutcome[Outcome.SUCCESS.ordinal()];
        LatencySummary clientError = byOutcome[Outcome.CLIENT_ERROR.ordinal()];
        LatencySummary serverError = byOutcome[Outcome.SERVER_ERROR.ordinal()];
        LatencySummary clientAbort = byOutcome[Outcome.CLIENT_ABORT.ordinal()];
        return new WindowStats(Duration.ofNanos(windowSlots[window] * slotNanos), covered(window, slot), requests,
                clientError.count(), serverError.count(), clientAbort.count(), success, clientError, serverError,
                clientAbort);
    }

    private Duration covered(int window, long slot) {
        long oldestSlotStart = Math.max(0, (slot - windowSlots[window] + 1) * slotNanos);
        return Duration.ofNanos(clock.nanoTime() - originNanos - oldestSlotStart);
    }

    private long currentSlot() {
        return (clock.nanoTime() - originNanos) / slotNanos;
    }

    /** Everything since start, per route and outcome, for cumulative exposition (Prometheus). */
    public synchronized List<SinceStart> sinceStart() {
        advance();
        List<SinceStart> result = new ArrayList<>();
        for (Series each : series.values()) {
            for (int outcome = 0; outcome < Series.OUTCOMES; outcome++) {
                Histogram histogram = each.sinceStart(outcome);
                if (histogram != null) {
                    result.add(new SinceStart(each.route(), Outcome.values()[outcome], histogram.copy()));
                }
            }
        }
        result.sort(Comparator.comparing(SinceStart::route).thenComparing(SinceStart::outcome));
        return result;
    }

    /**
     * Requests to {@code route} since start, client aborts left out: how many, how many failed with 5xx and how
     * many were answered within {@code upperMicros} (to the histogram's precision, as {@link SinceStart#countAtOrBelow}
     * counts them for {@code /metrics}). Copies nothing; zeros for a route never seen.
     */
    public synchronized Cumulative cumulative(String route, long upperMicros) {
        Series known = series.get(route);
        if (known == null) {
            return new Cumulative(0, 0, 0);
        }
        advance();
        long requests = 0;
        long serverErrors = 0;
        long within = 0;
        for (Outcome outcome : Outcome.values()) {
            Histogram histogram = known.sinceStart(outcome.ordinal());
            if (outcome == Outcome.CLIENT_ABORT || histogram == null) {
                continue;
            }
            requests += histogram.getTotalCount();
            serverErrors += outcome == Outcome.SERVER_ERROR ? histogram.getTotalCount() : 0;
            within += histogram.getCountBetweenValues(0, Math.min(upperMicros, histogram.getHighestTrackableValue()));
        }
        return new Cumulative(requests, serverErrors, within);
    }

    /** Counts of one route since start, client aborts left out. */
    public record Cumulative(long requests, long serverErrors, long withinThreshold) {
    }

    /** All requests of one route and outcome since start, as a histogram of microseconds (a private copy). */
    public record SinceStart(String route, Outcome outcome, Histogram micros) {

        /** How many requests took at most {@code upperMicros}. */
        public long countAtOrBelow(long upperMicros) {
            return micros.getCountBetweenValues(0, Math.min(upperMicros, micros.getHighestTrackableValue()));
        }

        /** Sum of latencies in seconds, to the histogram's precision (bucket midpoints). */
        public double sumSeconds() {
            return micros.getMean() * micros.getTotalCount() / 1e6;
        }
    }

    /** Settings of a {@link RequestMetrics}. Not thread-safe. */
    public static final class Builder {
        private Clock clock = Clock.system();
        private Duration slot = Duration.ofSeconds(5);
        private List<Duration> windows = List.of(Duration.ofMinutes(1), Duration.ofMinutes(5));
        private int stripes = Integer.highestOneBit(Math.max(2, Runtime.getRuntime().availableProcessors()) * 2 - 1);
        private Predicate<String> notTraffic = route -> false;

        /**
         * Routes that are recorded and shown per route but left out of the overall windows, such as health
         * probes: a probe's 503 while the service starts is an answer about the service, not a failed request.
         */
        public Builder notTraffic(Predicate<String> routes) {
            this.notTraffic = routes;
            return this;
        }

        public Builder clock(Clock clock) {
            this.clock = clock;
            return this;
        }

        public Builder slot(Duration slot) {
            this.slot = slot;
            return this;
        }

        /** The windows, shortest first; each a whole number of slots. */
        public Builder windows(List<Duration> windows) {
            this.windows = List.copyOf(windows);
            return this;
        }

        public Builder stripes(int stripes) {
            this.stripes = stripes;
            return this;
        }

        public RequestMetrics build() {
            if (slot.isNegative() || slot.isZero()) {
                throw new IllegalArgumentException("slot must be > 0, was " + slot);
            }
            if (windows.isEmpty()) {
                throw new IllegalArgumentException("windows must name at least one window");
            }
            Duration previous = Duration.ZERO;
            for (Duration window : windows) {
                if (window.compareTo(previous) <= 0 || window.toNanos() % slot.toNanos() != 0) {
                    throw new IllegalArgumentException("windows must grow and each be a whole number of slots ("
                            + slot + "), was " + windows);
                }
                previous = window;
            }
            if (stripes <= 0 || Integer.bitCount(stripes) != 1) {
                throw new IllegalArgumentException("stripes must be a power of two, was " + stripes);
            }
            return new RequestMetrics(this);
        }
    }
}
