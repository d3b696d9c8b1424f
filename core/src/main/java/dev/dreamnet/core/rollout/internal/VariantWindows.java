package dev.dreamnet.core.rollout.internal;

import dev.dreamnet.core.metrics.internal.SlotRing;
import dev.dreamnet.core.metrics.internal.StripedRecorder;
import dev.dreamnet.core.rollout.RolloutConfig;
import dev.dreamnet.core.rollout.Sample;
import dev.dreamnet.core.rollout.Variant;
import org.HdrHistogram.Histogram;

/**
 * The traffic of both sides of a rollout: per side and per outcome (ok, error) a wait-free recorder
 * and a ring of slot histograms, so both sides are always read over the same slots. Recording is
 * thread-safe; draining, reading and resetting are guarded by the owning rollout.
 */
final class VariantWindows {

    private static final int OK = 0;
    private static final int ERROR = 1;

    private final StripedRecorder[][] recorders = new StripedRecorder[2][2];
    private final SlotRing[][] rings = new SlotRing[2][2];
    private final Histogram scratch = StripedRecorder.newHistogram();

    VariantWindows(int stripes) {
        for (int side = 0; side < 2; side++) {
            for (int outcome = 0; outcome < 2; outcome++) {
                recorders[side][outcome] = new StripedRecorder(stripes);
            }
        }
        clearRings();
    }

    void record(Variant variant, boolean error, long micros) {
        recorders[variant.ordinal()][error ? ERROR : OK].record(micros);
    }

    /** Moves what was recorded into slot {@code slot}. */
    void drain(long slot) {
        for (int side = 0; side < 2; side++) {
            for (int outcome = 0; outcome < 2; outcome++) {
                scratch.reset();
                if (recorders[side][outcome].drainInto(scratch) > 0) {
                    rings[side][outcome].slot(slot).add(scratch);
                }
            }
        }
    }

    /** What {@code variant} did over the window ending at slot {@code current}. */
    Sample sample(Variant variant, long current) {
        Histogram errors = StripedRecorder.newHistogram();
        rings[variant.ordinal()][ERROR].mergeInto(current, RolloutConfig.WINDOW_SLOTS, errors);
        Histogram all = StripedRecorder.newHistogram();
        rings[variant.ordinal()][OK].mergeInto(current, RolloutConfig.WINDOW_SLOTS, all);
        all.add(errors);
        return new Sample(all.getTotalCount(), errors.getTotalCount(), all);
    }

    /** Forgets everything recorded so far: a new step is judged on its own traffic only. */
    void reset() {
        for (StripedRecorder[] side : recorders) {
            for (StripedRecorder recorder : side) {
                scratch.reset();
                recorder.drainInto(scratch);
            }
        }
        clearRings();
    }

    private void clearRings() {
        for (int side = 0; side < 2; side++) {
            for (int outcome = 0; outcome < 2; outcome++) {
                rings[side][outcome] = new SlotRing(RolloutConfig.WINDOW_SLOTS);
            }
        }
    }
}
