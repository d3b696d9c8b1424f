package dev.dreamnet.bench.overload;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class RecoveryTest {

    private static final long[] SENT = {100, 100, 100, 100, 100};

    @Test
    void fullFromTheFirstSecondIsZero() {
        assertEquals(0, Recovery.secondsToFullGoodput(SENT, new long[] {100, 99, 100, 100, 100}, 0.99));
    }

    @Test
    void countsFromTheFirstSecondAfterWhichEverySecondIsFull() {
        assertEquals(3, Recovery.secondsToFullGoodput(SENT, new long[] {10, 100, 50, 100, 100}, 0.99));
    }

    @Test
    void aShortLastSecondMeansNeverRecovered() {
        assertEquals(-1, Recovery.secondsToFullGoodput(SENT, new long[] {100, 100, 100, 100, 90}, 0.99));
    }
}
