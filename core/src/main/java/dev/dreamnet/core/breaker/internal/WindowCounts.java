package dev.dreamnet.core.breaker.internal;

/** Calls, failures and slow calls counted by a window or by half-open trials. Immutable. */
record WindowCounts(long calls, long failures, long slowCalls) {

    static final WindowCounts EMPTY = new WindowCounts(0, 0, 0);
}
