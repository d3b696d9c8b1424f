package dev.dreamnet.core.flags.internal;

import dev.dreamnet.core.flags.FlagDecision;
import java.util.List;

/**
 * An open-addressing hash table from flag name to precomputed decision, built once and never
 * changed. A lookup reads the name's cached {@link String#hashCode()}, probes linearly, and
 * compares by identity before {@code equals}: it allocates nothing. At most half full, so probe
 * chains stay short. Immutable after construction, so safely shared once published through a
 * final field or a volatile write.
 */
public final class FlagTable {

    private final String[] names;
    private final int[] hashes;
    private final boolean[] values;
    private final FlagDecision[] decisions;
    private final int mask;

    /** Builds the table; the caller guarantees the names are distinct. */
    public FlagTable(List<FlagDecision> entries) {
        int capacity = Integer.highestOneBit(Math.max(4, entries.size() * 2 - 1)) << 1;
        names = new String[capacity];
        hashes = new int[capacity];
        values = new boolean[capacity];
        decisions = new FlagDecision[capacity];
        mask = capacity - 1;
        for (FlagDecision entry : entries) {
            insert(entry);
        }
    }

    private void insert(FlagDecision entry) {
        int hash = entry.name().hashCode();
        int slot = spread(hash) & mask;
        while (names[slot] != null) {
            slot = (slot + 1) & mask;
        }
        names[slot] = entry.name();
        hashes[slot] = hash;
        values[slot] = entry.enabled();
        decisions[slot] = entry;
    }

    /** The slot holding {@code name}, or -1 if it is absent. Allocation-free. */
    public int slotOf(String name) {
        int hash = name.hashCode();
        int slot = spread(hash) & mask;
        String candidate;
        while ((candidate = names[slot]) != null) {
            if (candidate == name || (hashes[slot] == hash && candidate.equals(name))) {
                return slot;
            }
            slot = (slot + 1) & mask;
        }
        return -1;
    }

    /** The effective value in {@code slot}, a slot returned by {@link #slotOf}. */
    public boolean valueAt(int slot) {
        return values[slot];
    }

    /** The decision in {@code slot}, a slot returned by {@link #slotOf}. */
    public FlagDecision decisionAt(int slot) {
        return decisions[slot];
    }

    private static int spread(int hash) {
        return hash ^ (hash >>> 16);
    }
}
