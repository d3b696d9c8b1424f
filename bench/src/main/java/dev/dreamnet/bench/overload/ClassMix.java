package dev.dreamnet.bench.overload;

import dev.dreamnet.core.overload.Criticality;
import java.util.Arrays;

/**
 * Which class each request of the run belongs to, in fixed percentages spread evenly over the sequence (smooth
 * weighted round robin), so every second of a phase carries the same mix and a run repeats exactly. Immutable.
 */
public final class ClassMix {

    private static final Criticality[] CLASSES = Criticality.values();

    private final int[] percent;
    private final Criticality[] cycle;

    /** {@code percent} per {@link Criticality}, in declaration order, adding up to 100. */
    public ClassMix(int... percent) {
        if (percent.length != CLASSES.length || Arrays.stream(percent).anyMatch(p -> p < 0)
                || Arrays.stream(percent).sum() != 100) {
            throw new IllegalArgumentException("the mix needs " + CLASSES.length + " percentages (" + Arrays.toString(
                    CLASSES) + ") of at least 0 adding up to 100, was " + Arrays.toString(percent));
        }
        this.percent = percent.clone();
        this.cycle = cycle(this.percent);
    }

    /** Parses {@code "10,20,70"}. */
    public static ClassMix parse(String text) {
        return new ClassMix(Arrays.stream(text.split(",")).map(String::trim).mapToInt(Integer::parseInt).toArray());
    }

    private static Criticality[] cycle(int[] weights) {
        Criticality[] order = new Criticality[100];
        int[] current = new int[weights.length];
        for (int slot = 0; slot < order.length; slot++) {
            int best = 0;
            for (int c = 0; c < weights.length; c++) {
                current[c] += weights[c];
                if (current[c] > current[best]) {
                    best = c;
                }
            }
            current[best] -= 100;
            order[slot] = CLASSES[best];
        }
        return order;
    }

    /** The class of the {@code n}-th request of the run. */
    public Criticality classOf(long n) {
        return cycle[(int) (n % cycle.length)];
    }

    public int percentOf(Criticality criticality) {
        return percent[criticality.ordinal()];
    }

    @Override
    public String toString() {
        StringBuilder text = new StringBuilder();
        for (Criticality c : CLASSES) {
            text.append(text.isEmpty() ? "" : " ").append(c).append(' ').append(percentOf(c)).append('%');
        }
        return text.toString();
    }
}
