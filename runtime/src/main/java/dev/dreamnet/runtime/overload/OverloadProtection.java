package dev.dreamnet.runtime.overload;

import dev.dreamnet.config.overload.OverloadConfig;
import dev.dreamnet.config.reload.ReloadingFile;
import dev.dreamnet.config.yaml.ConfigException;
import dev.dreamnet.core.flags.Mode;
import dev.dreamnet.core.overload.ConcurrencyLimiter;
import dev.dreamnet.core.overload.Criticality;
import dev.dreamnet.core.time.Clock;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;
import java.util.concurrent.locks.LockSupport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Inbound overload protection for a service's own routes: an adaptive {@link ConcurrencyLimiter} shared out by
 * {@link Criticality}, configured by an {@link OverloadConfig} (fixed, or a file reloaded like the flags; a bad
 * reload keeps the last good configuration). A web layer asks {@link #classify} and {@link #acquire} before a request
 * and reports {@link #finished} after it; DreamNet's own routes (probes, {@code /metrics}, observability, admin) are
 * never guarded, so liveness and operators stay fast under any load. The degradation mode in force tightens the
 * shares ({@link #mode}). Thread-safe; the hot path allocates nothing.
 */
public final class OverloadProtection {

    private static final Logger LOG = LoggerFactory.getLogger(OverloadProtection.class);
    private static final long WAIT_STEP_NANOS = 200_000;

    /** Why a request was refused: its class is over its share while others may still go, or the whole limit is in use. */
    public enum Refusal { OVER_SHARE, OVER_LIMIT }

    /** How an admitted request ended, for the limiter's latency samples. */
    public enum Outcome {
        /** It was served (well or not): its latency is a sample. */
        SERVED,
        /** It timed out or was refused downstream for lack of capacity: the window it falls in lowers the limit. */
        DROPPED,
        /** It ended without a sample worth keeping (the client went away). */
        IGNORED
    }

    /**
     * A configuration and the limiter built from it; a reload that changes the limit or shares builds a new one. While
     * protection is off the limiter is built only when something asks for it (a meter, a view): until then null.
     */
    private record Active(OverloadConfig config, ConcurrencyLimiter limiter) {
    }

    private final ReloadingFile<OverloadConfig> file;
    private final Clock clock;
    private volatile Active active;
    private volatile Mode mode = Mode.NORMAL;
    private final AtomicInteger waiting = new AtomicInteger();
    private final LongAdder[][] refused = new LongAdder[Criticality.values().length][Refusal.values().length];
    private final LongAdder admitted = new LongAdder();

    private OverloadProtection(OverloadConfig config, ReloadingFile<OverloadConfig> file, Clock clock) {
        this.file = file;
        this.clock = Objects.requireNonNull(clock, "clock must not be null");
        this.active = build(config);
        for (LongAdder[] byReason : refused) {
            for (int i = 0; i < byReason.length; i++) {
                byReason[i] = new LongAdder();
            }
        }
    }

    /** Protection with a configuration that never changes. */
    public static OverloadProtection of(OverloadConfig config, Clock clock) {
        return new OverloadProtection(Objects.requireNonNull(config, "config must not be null"), null, clock);
    }

    /** No protection: every request is admitted and nothing is counted. */
    public static OverloadProtection off(Clock clock) {
        return of(OverloadConfig.off(), clock);
    }

    /** Protection configured by {@code file}, which is loaded on {@link #start()} and watched from then on. */
    public static OverloadProtection watching(ReloadingFile<OverloadConfig> file, Clock clock) {
        return new OverloadProtection(OverloadConfig.off(), Objects.requireNonNull(file, "file"), clock);
    }

    /**
     * Loads the file, if any, refusing a missing or bad one, and puts it in force without following its changes yet.
     * Idempotent.
     */
    public synchronized void load() throws ConfigException {
        if (file != null && file.load()) {
            install(file.current());
        }
    }

    /** Loads the file, if any, unless {@link #load()} did (refusing to start on a bad one), and follows its changes. */
    public void start() throws ConfigException {
        if (file == null) {
            return;
        }
        load();
        file.addListener(this::install);
        file.start();
    }

    public void stop() {
        if (file != null) {
            file.stop();
        }
    }

    private synchronized void install(OverloadConfig config) {
        Active before = active;
        boolean sameLimiter = before.config().limit().equals(config.limit())
                && before.config().shares().equals(config.shares()) && before.config().enabled() == config.enabled();
        active = sameLimiter ? new Active(config, before.limiter()) : build(config);
        LOG.info("overload protection {}: version {}, {} routes classified", config.enabled() ? "on" : "off",
                config.version(), config.routes().size());
    }

    private Active build(OverloadConfig config) {
        return new Active(config, config.enabled() ? limiter(config) : null);
    }

    private ConcurrencyLimiter limiter(OverloadConfig config) {
        ConcurrencyLimiter.Builder builder = ConcurrencyLimiter.builder().limit(config.limit());
        config.shares().forEach(builder::shares);
        ConcurrencyLimiter limiter = builder.build();
        limiter.mode(mode);
        return limiter;
    }

    public boolean enabled() {
        return active.config().enabled();
    }

    public OverloadConfig config() {
        return active.config();
    }

    public Optional<ReloadingFile<OverloadConfig>> file() {
        return Optional.ofNullable(file);
    }

    /**
     * The class of a request to {@code route} ({@code "GET /api/dreams"}): the route's, unless {@code requested} (the
     * criticality header's value, or null) names another. Anyone may ask for a lower class; only a {@code trusted}
     * caller for a higher one. An unreadable value is ignored.
     */
    public Criticality classify(String route, String requested, boolean trusted) {
        OverloadConfig config = active.config();
        Criticality of = config.classOf(route);
        if (requested == null || config.header().isEmpty()) {
            return of;
        }
        Criticality asked = parse(requested);
        if (asked == null) {
            return of;
        }
        // CRITICAL is declared first: a lower ordinal is a higher class.
        return asked.ordinal() > of.ordinal() || trusted ? asked : of;
    }

    private static Criticality parse(String value) {
        return switch (value.trim().toLowerCase(Locale.ROOT)) {
            case "critical" -> Criticality.CRITICAL;
            case "default" -> Criticality.DEFAULT;
            case "sheddable" -> Criticality.SHEDDABLE;
            default -> null;
        };
    }

    /** The header a request's class may be asked for in, if any. */
    public Optional<String> header() {
        return active.config().header();
    }

    /**
     * Takes a place for one request of {@code criticality}, waiting at most the configured {@code maxWait}. Returns the
     * limiter to report {@link #finished} to, or null when refused (then call {@link #refusal}). While protection is
     * off, returns null and {@link #refusal} is never needed: check {@link #enabled()} first.
     */
    public ConcurrencyLimiter acquire(Criticality criticality) {
        ConcurrencyLimiter taken = tryAcquire(criticality);
        if (taken != null) {
            return taken;
        }
        Active now = active;
        ConcurrencyLimiter limiter = now.limiter() != null ? now.limiter() : limiter();
        long waitNanos = now.config().maxWait().toNanos();
        if (waitNanos > 0 && waitFor(limiter, criticality, waitNanos)) {
            admitted.increment();
            return limiter;
        }
        return null;
    }

    /**
     * As {@link #acquire}, without waiting: for a server whose threads must never block (Spring WebFlux's event loop),
     * where {@code maxWait} does not apply and a request that finds no place is refused at once.
     */
    public ConcurrencyLimiter tryAcquire(Criticality criticality) {
        Active now = active;
        ConcurrencyLimiter limiter = now.limiter() != null ? now.limiter() : limiter();
        if (limiter.tryAcquire(criticality)) {
            admitted.increment();
            return limiter;
        }
        return null;
    }

    private boolean waitFor(ConcurrencyLimiter limiter, Criticality criticality, long waitNanos) {
        long deadline = clock.nanoTime() + waitNanos;
        waiting.incrementAndGet();
        try {
            long left;
            while ((left = deadline - clock.nanoTime()) > 0) {
                LockSupport.parkNanos(Math.min(left, WAIT_STEP_NANOS));
                if (limiter.tryAcquire(criticality)) {
                    return true;
                }
                if (Thread.interrupted()) {
                    Thread.currentThread().interrupt();
                    return false;
                }
            }
            return false;
        } finally {
            waiting.decrementAndGet();
        }
    }

    /** Why {@link #acquire} refused a request of {@code criticality}, counted. */
    public Refusal refusal(Criticality criticality) {
        ConcurrencyLimiter limiter = limiter();
        Refusal why = limiter.inflight() < limiter.limit() ? Refusal.OVER_SHARE : Refusal.OVER_LIMIT;
        refused[criticality.ordinal()][why.ordinal()].increment();
        return why;
    }

    /** Reports the end of a request admitted by {@code limiter}, which took {@code rttNanos}. */
    public void finished(ConcurrencyLimiter limiter, long rttNanos, Outcome outcome) {
        switch (outcome) {
            case SERVED -> limiter.onSuccess(clock.nanoTime(), rttNanos);
            case DROPPED -> limiter.onDropped(clock.nanoTime(), rttNanos);
            case IGNORED -> limiter.release();
        }
    }

    /** Uses the shares of {@code mode}: the mode in force, made stricter by an automatic brownout of this instance. */
    public synchronized void mode(Mode next) {
        mode = next;
        ConcurrencyLimiter limiter = active.limiter();
        if (limiter != null) {
            limiter.mode(next);
        }
    }

    public Mode mode() {
        return mode;
    }

    public ConcurrencyLimiter limiter() {
        ConcurrencyLimiter limiter = active.limiter();
        return limiter != null ? limiter : builtLimiter();
    }

    /** The limiter of a configuration that is off, built now: something reads it (a meter, a view). */
    private synchronized ConcurrencyLimiter builtLimiter() {
        Active now = active;
        if (now.limiter() == null) {
            now = new Active(now.config(), limiter(now.config()));
            active = now;
        }
        return now.limiter();
    }

    /** Requests waiting for a place now. */
    public int waiting() {
        return waiting.get();
    }

    /** Requests admitted since start. */
    public long admitted() {
        return admitted.sum();
    }

    /** Requests of {@code criticality} refused for {@code why} since start. */
    public long refused(Criticality criticality, Refusal why) {
        return refused[criticality.ordinal()][why.ordinal()].sum();
    }

    /** Requests of {@code criticality} refused since start, for either reason. */
    public long refused(Criticality criticality) {
        long total = 0;
        for (LongAdder each : refused[criticality.ordinal()]) {
            total += each.sum();
        }
        return total;
    }
}
