package dev.dreamnet.core.rollout.internal;

import dev.dreamnet.core.metrics.internal.StripedRecorder;
import dev.dreamnet.core.rollout.RolloutConfig;
import dev.dreamnet.core.rollout.Sample;
import dev.dreamnet.core.rollout.Variant;
import java.util.Arrays;
import org.HdrHistogram.Histogram;

/**
 * The traffic of both sides of a rollout: per side and per outcome (ok, error) a wait-free recorder
 * (one significant digit: buckets of at most 6.25%), and per side a ring of slots holding each slot's
 * requests, errors and {@link LatencyBins}, so both sides are always read over the same slots. Each
 * drain visits only the bins the drained latencies fall in, which keeps an evaluation cheap. Recording
 * is thread-safe; draining, reading and resetting are guarded by the owning rollout.
 */
final class VariantWindows {

    /** Significant digits of the rollout's latency recorders. */
    static final int DIGITS = 1;
    private static final int OK = 0;
    private static final int ERROR = 1;
    private static final int SLOTS = RolloutConfig.WINDOW_SLOTS;
    private static final Variant[] SIDES = Variant.values();

    private final StripedRecorder[][] recorders = new StripedRecorder[2][2];
    private final long[] slotIndex = new long[SLOTS];
    private final long[][][] slotBins = new long[2][SLOTS][LatencyBins.COUNT];
    private final long[][] slotRequests = new long[2][SLOTS];
    private final long[][] slotErrors = new long[2][SLOTS];
    private final long[] batch = new long[LatencyBins.COUNT];
    private final int[] range = new int[2];

    VariantWindows(int stripes) {
        for (int side = 0; side < 2; side++) {
            for (int outcome = 0; outcome < 2; outcome++) {
                recorders[side][outcome] = new StripedRecorder(stripes, DIGITS);
            }
        }
        clearSlots();
    }

    void record(Variant variant, boolean error, long micros) {
        recorders[variant.ordinal()][error ? ERROR : OK].record(micros);
    }

    void record(Variant variant, boolean error, long micros, long count) {
        recorders[variant.ordinal()][error ? ERROR : OK].record(micros, count);
    }

    /** Moves what was recorded into slot {@code slot} and, as one batch, into {@code step}. */
    void drain(long slot, StepJudge step) {
        int at = (int) Math.floorMod(slot, (long) SLOTS);
        if (slotIndex[at] != slot) {
            slotIndex[at] = slot;
            for (int side = 0; side < 2; side++) {
                Arrays.fill(slotBins[side][at], 0);
                slotRequests[side][at] = 0;
                slotErrors[side][at] = 0;
            }
        }
        for (int side = 0; side < 2; side++) {
            range[0] = LatencyBins.COUNT;
            range[1] = -1;
            long ok = recorders[side][OK].drainTo(interval -> LatencyBins.addInto(interval, batch, range));
            long errors = recorders[side][ERROR].drainTo(interval -> LatencyBins.addInto(interval, batch, range));
            if (ok + errors == 0) {
                continue;
            }
            long[] bins = slotBins[side][at];
            for (int i = range[0]; i <= range[1]; i++) {
                bins[i] += batch[i];
            }
            slotRequests[side][at] += ok + errors;
            slotErrors[side][at] += errors;
            step.add(SIDES[side], ok + errors, errors, batch, range[0], range[1]);
            Arrays.fill(batch, range[0], range[1] + 1, 0);
        }
        step.endBatch();
    }

    /** What {@code variant} did over the window ending at slot {@code current}. */
    Sample sample(Variant variant, long current) {
        int side = variant.ordinal();
        long requests = 0;
        long errors = 0;
        long[] merged = new long[LatencyBins.COUNT];
        for (int at = 0; at < SLOTS; at++) {
            if (slotIndex[at] <= current && slotIndex[at] > current - SLOTS) {
                requests += slotRequests[side][at];
                errors += slotErrors[side][at];
                for (int i = 0; i < LatencyBins.COUNT; i++) {
                    merged[i] += slotBins[side][at][i];
                }
            }
        }
        Histogram all = StripedRecorder.newHistogram(DIGITS);
        for (int i = 0; i < LatencyBins.COUNT; i++) {
            if (merged[i] > 0) {
                all.recordValueWithCount(LatencyBins.lower(i), merged[i]);
            }
        }
        return new Sample(requests, errors, all);
    }

    /** Forgets everything recorded so far: a new step is judged on its own traffic only. */
    void reset() {
        for (StripedRecorder[] side : recorders) {
            for (StripedRecorder recorder : side) {
                recorder.drainTo(interval -> { });
            }
        }
        clearSlots();
    }

    private void clearSlots() {
        Arrays.fill(slotIndex, Long.MIN_VALUE);
        for (int side = 0; side < 2; side++) {
            for (int at = 0; at < SLOTS; at++) {
                Arrays.fill(slotBins[side][at], 0);
                slotRequests[side][at] = 0;
                slotErrors[side][at] = 0;
            }
        }
    }
}
