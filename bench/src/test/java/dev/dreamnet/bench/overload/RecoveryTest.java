package dev.dreamnet.bench.overload;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class RecoveryTest {

    private static final long[] SENT = {100, 100, 100, 100, 100, 100, 100};

    @Test
    void fullFromTheFirstSecondIsZero() {
        assertEquals(0, Recovery.secondsToFullGoodput(SENT, new long[] {100, 99, 100, 100, 100, 100, 100}, 0.99));
    }

    @Test
    void countsFromTheFirstOfThreeFullSecondsInARow() {
        assertEquals(3, Recovery.secondsToFullGoodput(SENT, new long[] {10, 100, 50, 100, 100, 100, 40}, 0.99));
    }

    @Test
    void twoFullSecondsThenAShortOneAreNotYetRecovered() {
        assertEquals(4, Recovery.secondsToFullGoodput(SENT, new long[] {10, 100, 100, 50, 100, 100, 100}, 0.99));
    }

    @Test
    void fullSecondsThatReachThePhasesEndCountEvenIfFewerThanThree() {
        assertEquals(5, Recovery.secondsToFullGoodput(SENT, new long[] {10, 10, 10, 10, 10, 100, 100}, 0.99));
    }

    @Test
    void aShortLastSecondAfterNoFullRunMeansNeverRecovered() {
        assertEquals(-1, Recovery.secondsToFullGoodput(SENT, new long[] {10, 100, 10, 100, 10, 100, 90}, 0.99));
    }
}
