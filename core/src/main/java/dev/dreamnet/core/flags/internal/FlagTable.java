package dev.dreamnet.core.flags.internal;

import dev.dreamnet.core.flags.FlagDecision;
import java.util.List;

/**
 * An open-addressing hash table from flag name to effective value, laid out in one array of
 * (name, {@link Boolean}) pairs so that a hit reads one cache line: slot {@code i} holds the name
 * at {@code 2i} and {@code Boolean.TRUE} or {@code Boolean.FALSE} at {@code 2i + 1}. The slot is
 * {@code (name.hashCode() * seed) >>> shift}; the builder tries several seeds and keeps the one
 * that displaces fewest names, so a known name is usually found at its first probe, by identity.
 * A lookup reads the name's cached {@link String#hashCode()}, probes linearly, compares by
 * identity before {@code equals}, and compares the value by identity: it allocates nothing. At
 * most half the slots are used. Stateless; the arrays it builds are never changed after, so they
 * are safely shared once published through a final field.
 */
public final class FlagTable {

    /** Seeds tried when building; the first is the golden-ratio multiplier of Fibonacci hashing. */
    private static final int SEEDS_TRIED = 64;
    private static final int FIRST_SEED = 0x9E3779B9;

    private FlagTable() {
    }

    /** The seed that displaces fewest of {@code entries}' names (distinct, as the caller guarantees). */
    public static int chooseSeed(List<FlagDecision> entries) {
        int capacity = capacity(entries.size());
        int bestSeed = FIRST_SEED;
        long bestDisplacement = Long.MAX_VALUE;
        int seed = FIRST_SEED;
        for (int i = 0; i < SEEDS_TRIED && bestDisplacement > 0; i++) {
            long displacement = displacement(entries, capacity, seed);
            if (displacement < bestDisplacement) {
                bestDisplacement = displacement;
                bestSeed = seed;
            }
            seed = (seed * 0x2C1B3C6D + 0x297A2D39) | 1;
        }
        return bestSeed;
    }

    /** The pairs array for {@code entries} under {@code seed}. */
    public static Object[] build(List<FlagDecision> entries, int seed) {
        Object[] pairs = new Object[2 * capacity(entries.size())];
        for (FlagDecision entry : entries) {
            int at = freePair(pairs, seed, entry.name());
            pairs[at] = entry.name();
            pairs[at + 1] = entry.enabled() ? Boolean.TRUE : Boolean.FALSE;
        }
        return pairs;
    }

    /** The decisions aligned with {@code pairs}: the decision for the name at {@code at} is at {@code at / 2}. */
    public static FlagDecision[] align(Object[] pairs, int seed, List<FlagDecision> entries) {
        FlagDecision[] aligned = new FlagDecision[pairs.length / 2];
        for (FlagDecision entry : entries) {
            aligned[indexOf(pairs, seed, entry.name()) >> 1] = entry;
        }
        return aligned;
    }

    /** Where {@code name} sits in {@code pairs} (an even index), or -1 if it is absent. Allocation-free. */
    public static int indexOf(Object[] pairs, int seed, String name) {
        int slots = pairs.length >> 1;
        int slot = (name.hashCode() * seed) >>> Integer.numberOfLeadingZeros(slots - 1);
        Object candidate;
        while ((candidate = pairs[slot << 1]) != null) {
            if (candidate == name || name.equals(candidate)) {
                return slot << 1;
            }
            slot = (slot + 1) & (slots - 1);
        }
        return -1;
    }

    /** The value paired with the name at {@code at}, an index returned by {@link #indexOf}. */
    public static boolean valueAt(Object[] pairs, int at) {
        return pairs[at + 1] == Boolean.TRUE;
    }

    private static long displacement(List<FlagDecision> entries, int capacity, int seed) {
        Object[] trial = new Object[2 * capacity];
        long total = 0;
        for (FlagDecision entry : entries) {
            int at = freePair(trial, seed, entry.name());
            trial[at] = entry.name();
            int home = (entry.name().hashCode() * seed) >>> Integer.numberOfLeadingZeros(capacity - 1);
            total += ((at >> 1) - home) & (capacity - 1);
        }
        return total;
    }

    private static int freePair(Object[] pairs, int seed, String name) {
        int slots = pairs.length >> 1;
        int slot = (name.hashCode() * seed) >>> Integer.numberOfLeadingZeros(slots - 1);
        while (pairs[slot << 1] != null) {
            slot = (slot + 1) & (slots - 1);
        }
        return slot << 1;
    }

    /** A power of two at least twice {@code size}, and at least 8. */
    private static int capacity(int size) {
        return Integer.highestOneBit(Math.max(4, size * 2 - 1)) << 1;
    }
}
