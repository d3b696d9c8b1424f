package dev.dreamnet.core.overload.internal;

import dev.dreamnet.core.flags.Mode;
import dev.dreamnet.core.overload.AdaptiveLimitConfig;
import dev.dreamnet.core.overload.ConcurrencyLimiter;
import dev.dreamnet.core.overload.Criticality;
import dev.dreamnet.core.overload.GradientLimit;
import dev.dreamnet.core.overload.LimiterSnapshot;
import dev.dreamnet.core.overload.Shares;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicIntegerArray;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.atomic.LongAdder;

/**
 * The {@link ConcurrencyLimiter}: one padded atomic in-flight count, admitted by compare-and-set
 * against the class's allowance read from one immutable {@link Admission}; reports add to a
 * {@link SampleWindow}, and the report that finds the window due closes it, under a flag that no
 * thread waits for, feeding the {@link GradientLimit} and publishing a new admission. Thread-safe.
 */
public final class RealConcurrencyLimiter implements ConcurrencyLimiter {

    private static final Criticality[] CLASSES = Criticality.values();
    /** The in-flight count sits in the middle of 128 bytes, away from fields other threads only read. */
    private static final int INFLIGHT = 16;

    private final AdaptiveLimitConfig config;
    private final Map<Mode, Shares> sharesByMode;
    private final AtomicIntegerArray counts = new AtomicIntegerArray(2 * INFLIGHT);
    private final AtomicReference<Admission> admission;
    private final LongAdder[] refused = new LongAdder[CLASSES.length];
    private final LongAdder unmatchedReports = new LongAdder();
    private final SampleWindow window;
    /** Held by the one thread closing a window; guards {@link #gradient}, {@link #summary} and the window's start. */
    private final AtomicBoolean closing = new AtomicBoolean();
    private final GradientLimit gradient;
    private final SampleWindow.Summary summary = new SampleWindow.Summary();

    public RealConcurrencyLimiter(AdaptiveLimitConfig config, Map<Mode, Shares> sharesByMode) {
        this.config = config;
        this.sharesByMode = Map.copyOf(sharesByMode);
        for (Mode mode : Mode.values()) {
            if (!this.sharesByMode.containsKey(mode)) {
                throw new IllegalArgumentException("no shares for mode " + mode);
            }
        }
        this.gradient = new GradientLimit(config);
        this.window = new SampleWindow(config.sampleWindow().toNanos());
        this.admission = new AtomicReference<>(new Admission(gradient.limit(), Mode.NORMAL,
                this.sharesByMode.get(Mode.NORMAL), 0, 0));
        for (int i = 0; i < refused.length; i++) {
            refused[i] = new LongAdder();
        }
    }

    @Override
    public boolean tryAcquire(Criticality criticality) {
        int allowed = admission.get().allowed(criticality);
        for (;;) {
            int inflight = counts.get(INFLIGHT);
            if (inflight >= allowed) {
                refused[criticality.ordinal()].increment();
                return false;
            }
            if (counts.compareAndSet(INFLIGHT, inflight, inflight + 1)) {
                return true;
            }
        }
    }

    @Override
    public void onSuccess(long nowNanos, long rttNanos) {
        report(nowNanos, rttNanos, false);
    }

    @Override
    public void onDropped(long nowNanos, long rttNanos) {
        report(nowNanos, rttNanos, true);
    }

    @Override
    public void release() {
        decrement();
    }

    private void report(long nowNanos, long rttNanos, boolean dropped) {
        int inflight = decrement();
        if (rttNanos < 0) {
            throw new IllegalArgumentException("rttNanos must be >= 0, was " + rttNanos + " (the permit was released)");
        }
        if (inflight < 0) {
            return;
        }
        window.record(rttNanos, inflight + 1, dropped);
        if (window.due(nowNanos)) {
            closeWindow(nowNanos);
        }
    }

    /** Gives one permit back; returns the count left, or -1 if nothing was in flight (counted, ignored). */
    private int decrement() {
        for (;;) {
            int inflight = counts.get(INFLIGHT);
            if (inflight == 0) {
                unmatchedReports.increment();
                return -1;
            }
            if (counts.compareAndSet(INFLIGHT, inflight, inflight - 1)) {
                return inflight - 1;
            }
        }
    }

    private void closeWindow(long nowNanos) {
        if (!closing.compareAndSet(false, true)) {
            return;
        }
        try {
            if (!window.started()) {
                window.start(nowNanos, inflight());
            } else if (window.due(nowNanos) && window.samples() >= config.minSamples()) {
                window.drain(nowNanos, inflight(), summary);
                int limit = gradient.update(summary.meanRttNanos, summary.maxInflight, summary.dropped);
                long longRtt = gradient.longRttNanos();
                long lastRtt = gradient.lastRttNanos();
                admission.updateAndGet(current -> current.withEstimate(limit, longRtt, lastRtt));
            }
        } finally {
            closing.set(false);
        }
    }

    @Override
    public int limit() {
        return admission.get().limit;
    }

    @Override
    public int inflight() {
        return counts.get(INFLIGHT);
    }

    @Override
    public void mode(Mode mode) {
        Shares shares = sharesByMode.get(mode);
        if (shares == null) {
            throw new IllegalArgumentException("mode must not be null");
        }
        admission.updateAndGet(current -> current.withMode(mode, shares));
    }

    @Override
    public Mode mode() {
        return admission.get().mode;
    }

    @Override
    public Shares shares() {
        return admission.get().shares;
    }

    @Override
    public LimiterSnapshot snapshot() {
        Admission current = admission.get();
        Map<Criticality, Integer> allowed = new EnumMap<>(Criticality.class);
        Map<Criticality, Long> refusedByClass = new EnumMap<>(Criticality.class);
        for (Criticality criticality : CLASSES) {
            allowed.put(criticality, current.allowed(criticality));
            refusedByClass.put(criticality, refused[criticality.ordinal()].sum());
        }
        return new LimiterSnapshot(current.limit, inflight(), current.mode, current.shares, allowed, refusedByClass,
                current.longRttNanos, current.lastRttNanos, unmatchedReports.sum());
    }
}
