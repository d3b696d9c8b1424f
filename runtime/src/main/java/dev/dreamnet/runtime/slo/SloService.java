package dev.dreamnet.runtime.slo;

import dev.dreamnet.config.slo.SlosConfig;
import dev.dreamnet.core.metrics.RequestMetrics;
import dev.dreamnet.core.slo.Counts;
import dev.dreamnet.core.slo.MinuteCounts;
import dev.dreamnet.core.slo.Slo;
import dev.dreamnet.core.slo.SloEvaluator;
import dev.dreamnet.core.slo.SloState;
import dev.dreamnet.core.slo.SloStatus;
import dev.dreamnet.core.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Error budget accounting and burn-rate judgement for the configured objectives, off the request path: each
 * {@link #tick()} (every {@link #TICK}, on the runtime's timer) reads the request metrics' counts since start for
 * the objectives' routes, adds what is new to the current minute, writes the minutes to {@link SloStore} every other
 * tick (batched; a failed write is kept and retried), deletes minutes older than each window, and judges every
 * objective from the fleet's sums plus what is not written yet. Readers get the last judgement. State changes go to
 * listeners. Thread-safe: ticks are serialised; readers see an immutable list.
 */
public final class SloService {

    private static final Logger LOG = LoggerFactory.getLogger(SloService.class);
    /** How often counts are sampled and objectives judged; they are written every other tick. */
    public static final Duration TICK = Duration.ofSeconds(5);

    /** An objective's state changed, with the judgement that changed it. */
    public record Transition(SloState from, SloStatus status) {
    }

    private final Supplier<SlosConfig> config;
    private final Supplier<Optional<String>> refusal;
    private final RequestMetrics requests;
    private final SloStore store;
    private final Clock clock;
    private final SloEvaluator evaluator = SloEvaluator.workbook();
    private final Map<String, Tracked> tracked = new LinkedHashMap<>(); // guarded by this
    private final List<Consumer<Transition>> listeners = new CopyOnWriteArrayList<>();
    private volatile List<SloStatus> statuses = List.of();
    private volatile String lastError;
    private long ticks; // guarded by this

    public SloService(Supplier<SlosConfig> config, RequestMetrics requests, SloStore store, Clock clock) {
        this(config, Optional::empty, requests, store, clock);
    }

    /** As above, for objectives read from a watched file: {@code refusal} says why its latest change was refused. */
    public SloService(Supplier<SlosConfig> config, Supplier<Optional<String>> refusal, RequestMetrics requests,
                      SloStore store, Clock clock) {
        this.config = config;
        this.refusal = refusal;
        this.requests = requests;
        this.store = store;
        this.clock = clock;
    }

    /** Starts counting the configured objectives' requests from now. */
    public synchronized void start() {
        reconcile(config.get());
    }

    /** Samples, writes every other time, judges. */
    public synchronized void tick() {
        sample();
        if (++ticks % 2 == 0) {
            flush();
        }
        evaluate();
    }

    /** Samples and writes every unwritten minute now (at shutdown, and in tests). */
    public synchronized void flushNow() {
        sample();
        flush();
    }

    /** The last judgement of every objective, in the file's order. */
    public List<SloStatus> statuses() {
        return statuses;
    }

    public Optional<SloStatus> status(String name) {
        return statuses.stream().filter(s -> s.slo().name().equals(name)).findFirst();
    }

    /** The objectives covering {@code route} whose budget is spent. */
    public List<SloStatus> exhausted(String route) {
        return statuses.stream().filter(s -> s.slo().routes().contains(route) && s.exhausted()).toList();
    }

    /** The configuration in force. */
    public SlosConfig config() {
        return config.get();
    }

    /** Why the last read or write of the table failed, or null. */
    public String lastError() {
        return lastError;
    }

    /** Why the SLO file's latest change was refused, while it is (the last good version is in force). */
    public Optional<String> refusal() {
        return refusal.get();
    }

    public void addListener(Consumer<Transition> listener) {
        listeners.add(listener);
    }

    private void sample() {
        reconcile(config.get());
        long minute = MinuteCounts.minuteOf(clock.wallMillis());
        for (Tracked each : tracked.values()) {
            Counts now = cumulative(each.slo);
            each.pending.add(minute, now.good() - each.seen.good(), now.bad() - each.seen.bad());
            each.seen = now;
        }
    }

    /** Follows a reloaded file: a new or changed objective counts from now; a removed one stops. */
    private void reconcile(SlosConfig current) {
        Map<String, Tracked> next = new LinkedHashMap<>();
        for (Slo slo : current.slos()) {
            Tracked known = tracked.get(slo.name());
            next.put(slo.name(), known != null && known.slo.equals(slo) ? known : new Tracked(slo, cumulative(slo),
                    known == null ? new MinuteCounts() : known.pending));
        }
        tracked.clear();
        tracked.putAll(next);
    }

    /** Good and bad requests to the objective's routes since start, as {@code /metrics} counts them. */
    Counts cumulative(Slo slo) {
        long good = 0;
        long bad = 0;
        for (String route : slo.routes()) {
            RequestMetrics.Cumulative counts = requests.cumulative(route, slo.thresholdMicros());
            long fine = slo.kind() == Slo.Kind.LATENCY ? counts.withinThreshold()
                    : counts.requests() - counts.serverErrors();
            good += fine;
            bad += counts.requests() - fine;
        }
        return new Counts(good, bad);
    }

    private void flush() {
        long now = MinuteCounts.minuteOf(clock.wallMillis());
        for (Tracked each : tracked.values()) {
            long first = MinuteCounts.firstMinute(now, each.slo.window());
            each.pending.dropBefore(first);
            Map<Long, long[]> minutes = each.pending.drain();
            try {
                store.add(each.slo.name(), minutes);
                lastError = null;
            } catch (Exception e) {
                each.pending.restore(minutes);
                failed("write", e);
                continue;
            }
            try {
                store.deleteBefore(each.slo.name(), first);
            } catch (Exception e) {
                failed("delete", e);
            }
        }
    }

    private void evaluate() {
        long nowMillis = clock.wallMillis();
        long now = MinuteCounts.minuteOf(nowMillis);
        List<SloStatus> judged = new ArrayList<>();
        for (Tracked each : tracked.values()) {
            List<Duration> windows = evaluator.windows(each.slo);
            Map<Duration, Counts> written;
            try {
                written = store.sums(each.slo.name(), now, windows);
            } catch (Exception e) {
                failed("read", e);
                written = Map.of();
            }
            Map<Duration, Counts> sums = written;
            SloStatus status = evaluator.evaluate(each.slo, window -> sums.getOrDefault(window, Counts.ZERO)
                    .plus(each.pending.over(nowMillis, window)));
            judged.add(status);
            if (status.state() != each.state) {
                SloState from = each.state;
                each.state = status.state();
                notifyListeners(new Transition(from, status));
            }
        }
        statuses = List.copyOf(judged);
    }

    private void notifyListeners(Transition transition) {
        SloStatus status = transition.status();
        String line = "SLO " + status.slo().name() + ": " + transition.from() + " -> " + status.state()
                + (status.firing().isEmpty() ? "" : " (" + String.join("; ", status.firing()) + ")");
        if (status.state() == SloState.PAGE) {
            LOG.warn(line);
        } else {
            LOG.info(line);
        }
        for (Consumer<Transition> listener : listeners) {
            try {
                listener.accept(transition);
            } catch (RuntimeException e) {
                LOG.warn("SLO listener failed: {}", e.toString());
            }
        }
    }

    private void failed(String what, Exception e) {
        if (lastError == null) {
            LOG.warn("SLO minutes: {} failed: {}; kept in memory and retried", what, e.getMessage());
        }
        lastError = e.getMessage();
    }

    /** One objective: its requests seen so far, its unwritten minutes and its last state. Guarded by the service. */
    private static final class Tracked {
        final Slo slo;
        final MinuteCounts pending;
        Counts seen;
        SloState state = SloState.OK;

        Tracked(Slo slo, Counts seen, MinuteCounts pending) {
            this.slo = slo;
            this.seen = seen;
            this.pending = pending;
        }
    }
}
