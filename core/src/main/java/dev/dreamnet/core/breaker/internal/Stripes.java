package dev.dreamnet.core.breaker.internal;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.concurrent.atomic.AtomicLongArray;

/**
 * Gives each thread that records into a time window a stripe of its cells. A thread owns the stripe
 * its id maps to unless another thread claimed it first, and is then its only writer, so it may
 * update its cells without atomic read-modify-write; the other threads share one extra stripe and
 * update it atomically. Remembers which stripes were ever written, so that sums skip the others.
 * Thread-safe and lock-free.
 */
final class Stripes {

    private static final VarHandle USED;

    static {
        try {
            USED = MethodHandles.lookup().findVarHandle(Stripes.class, "used", int.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private final int mask;
    /** The id of the thread owning each stripe, 0 while free; written once per stripe. */
    private final AtomicLongArray owners;
    /** A bit per stripe ever written; written once per stripe. */
    private volatile int used;

    /** {@code owned} stripes, a power of two of at most 16, plus the shared one. */
    Stripes(int owned) {
        this.mask = owned - 1;
        this.owners = new AtomicLongArray(owned);
    }

    /** A power of two, at least twice the processors, between 4 and 16. */
    static int ownedFor(int processors) {
        return Math.min(16, Math.max(4, Integer.highestOneBit(Math.max(1, processors)) * 2));
    }

    /** All stripes, the shared one included. */
    int count() {
        return mask + 2;
    }

    /** The stripe threads share when theirs is owned by another. */
    int shared() {
        return mask + 1;
    }

    /** The calling thread's stripe: its own, or {@link #shared()}. */
    int current() {
        long id = Thread.currentThread().getId();
        int stripe = (int) id & mask;
        long owner = owners.get(stripe);
        if (owner != id && (owner != 0 || !owners.compareAndSet(stripe, 0, id))) {
            stripe = shared();
        }
        if ((used & (1 << stripe)) == 0) {
            markUsed(stripe);
        }
        return stripe;
    }

    boolean isUsed(int stripe) {
        return (used & (1 << stripe)) != 0;
    }

    private void markUsed(int stripe) {
        int bits;
        do {
            bits = used;
        } while (!USED.compareAndSet(this, bits, bits | (1 << stripe)));
    }
}
