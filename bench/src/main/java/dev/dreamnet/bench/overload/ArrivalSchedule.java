package dev.dreamnet.bench.overload;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * When each request of an open-loop run is meant to be sent: phases of whole seconds, each at a constant rate,
 * requests evenly spaced within a phase. Pure arithmetic on offsets from the run's start, so the sender can
 * schedule by intended time and measure latency from it (no coordinated omission). Immutable.
 */
public final class ArrivalSchedule {

    private static final long NANOS_PER_SECOND = 1_000_000_000L;

    /**
     * One step of the run.
     *
     * @param name     how reports call it ("0.5x", "3x", "recovery")
     * @param rate     requests per second, > 0
     * @param seconds  how long it lasts, >= 1
     * @param measured false for a warm-up whose figures no goal reads
     */
    public record Phase(String name, double rate, int seconds, boolean measured) {
        public Phase {
            Objects.requireNonNull(name, "name");
            if (!(rate > 0)) {
                throw new IllegalArgumentException("phase " + name + ": rate must be > 0, was " + rate);
            }
            if (seconds < 1) {
                throw new IllegalArgumentException("phase " + name + ": seconds must be >= 1, was " + seconds);
            }
        }

        /** How many requests the phase sends: one every 1/rate seconds from its start. */
        public long requests() {
            return (long) Math.ceil(rate * seconds - 1e-9);
        }
    }

    private final List<Phase> phases;
    private final long[] startSeconds;

    public ArrivalSchedule(List<Phase> phases) {
        if (phases.isEmpty()) {
            throw new IllegalArgumentException("a schedule needs at least one phase");
        }
        this.phases = List.copyOf(phases);
        this.startSeconds = new long[phases.size() + 1];
        for (int i = 0; i < phases.size(); i++) {
            startSeconds[i + 1] = startSeconds[i] + phases.get(i).seconds();
        }
    }

    /** Steps at {@code multiples} of {@code capacity} after a warm-up, then a recovery phase. */
    public static ArrivalSchedule steps(double capacity, int warmUpSeconds, List<Double> multiples, int stepSeconds,
            double recoveryMultiple, int recoverySeconds) {
        List<Phase> phases = new ArrayList<>();
        if (warmUpSeconds > 0) {
            phases.add(new Phase("warm-up", capacity * multiples.get(0), warmUpSeconds, false));
        }
        for (double multiple : multiples) {
            phases.add(new Phase(label(multiple), capacity * multiple, stepSeconds, true));
        }
        phases.add(new Phase("recovery", capacity * recoveryMultiple, recoverySeconds, true));
        return new ArrivalSchedule(phases);
    }

    static String label(double multiple) {
        return (multiple == Math.rint(multiple) ? String.valueOf((long) multiple) : String.valueOf(multiple)) + "x";
    }

    public List<Phase> phases() {
        return phases;
    }

    /** Where phase {@code index} starts, in nanoseconds from the run's start. */
    public long phaseStartNanos(int index) {
        return startSeconds[index] * NANOS_PER_SECOND;
    }

    /** The whole run's length in seconds. */
    public int totalSeconds() {
        return (int) startSeconds[phases.size()];
    }

    /** When the {@code n}-th request (from 0) of phase {@code index} is meant to leave, from the run's start. */
    public long intendedNanos(int index, long n) {
        double rate = phases.get(index).rate();
        return phaseStartNanos(index) + (long) (n * (NANOS_PER_SECOND / rate));
    }

    /** The phase an offset from the run's start falls in; the last phase for offsets past the end. */
    public int phaseAt(long offsetNanos) {
        for (int i = 0; i < phases.size(); i++) {
            if (offsetNanos < phaseStartNanos(i + 1)) {
                return i;
            }
        }
        return phases.size() - 1;
    }

    /** The index of the phase called {@code name}, or -1. */
    public int indexOf(String name) {
        for (int i = 0; i < phases.size(); i++) {
            if (phases.get(i).name().equals(name)) {
                return i;
            }
        }
        return -1;
    }
}
