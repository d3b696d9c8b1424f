package dev.dreamnet.core.metrics.internal;

import org.HdrHistogram.Histogram;

/**
 * One route template: a wait-free recorder per outcome on the hot path, and behind it, per outcome,
 * the ring of slot histograms the windows are read from and a histogram of everything since start
 * (for Prometheus). The recorders are thread-safe; everything else is guarded by the owning registry.
 */
public final class Series {

    public static final int OUTCOMES = dev.dreamnet.core.metrics.Outcome.values().length;

    private final String route;
    private final StripedRecorder[] recorders = new StripedRecorder[OUTCOMES];
    private final SlotRing[] rings = new SlotRing[OUTCOMES];
    private final Histogram[] sinceStart = new Histogram[OUTCOMES];

    public Series(String route, int stripes, int slots) {
        this.route = route;
        for (int i = 0; i < OUTCOMES; i++) {
            recorders[i] = new StripedRecorder(stripes);
            rings[i] = new SlotRing(slots);
        }
    }

    public String route() {
        return route;
    }

    public void record(int outcome, long micros) {
        recorders[outcome].record(micros);
    }

    /** Moves what was recorded into slot {@code slot}; {@code scratch} is any reusable histogram. */
    public void drain(long slot, Histogram scratch) {
        for (int i = 0; i < OUTCOMES; i++) {
            scratch.reset();
            if (recorders[i].drainInto(scratch) > 0) {
                rings[i].slot(slot).add(scratch);
                if (sinceStart[i] == null) {
                    sinceStart[i] = StripedRecorder.newPackedHistogram();
                }
                sinceStart[i].add(scratch);
            }
        }
    }

    public void mergeWindow(int outcome, long current, int slots, Histogram target) {
        rings[outcome].mergeInto(current, slots, target);
    }

    /** Everything recorded for {@code outcome} since start, or null when nothing was. */
    public Histogram sinceStart(int outcome) {
        return sinceStart[outcome];
    }
}
