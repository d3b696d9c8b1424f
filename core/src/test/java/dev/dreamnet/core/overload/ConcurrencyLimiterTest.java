package dev.dreamnet.core.overload;

import static dev.dreamnet.core.overload.Criticality.CRITICAL;
import static dev.dreamnet.core.overload.Criticality.DEFAULT;
import static dev.dreamnet.core.overload.Criticality.SHEDDABLE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dreamnet.core.flags.Mode;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class ConcurrencyLimiterTest {

    private static final long MS = 1_000_000L;

    /** A limit fixed at 20: NORMAL admits sheddable work up to 10 in flight, default up to 18, critical up to 20. */
    private final ConcurrencyLimiter fixed = ConcurrencyLimiter.builder()
            .limit(AdaptiveLimitConfig.builder().initialLimit(20).minLimit(20).maxLimit(20).build()).build();

    @Test
    void sheddableWorkIsRefusedFirstAndCriticalWorkLast() {
        assertThat(acquireAll(fixed, SHEDDABLE)).isEqualTo(10);
        assertThat(acquireAll(fixed, DEFAULT)).isEqualTo(8);
        assertThat(acquireAll(fixed, CRITICAL)).isEqualTo(2);

        assertThat(fixed.inflight()).isEqualTo(20);
        assertThat(fixed.snapshot().refused()).containsEntry(SHEDDABLE, 1L).containsEntry(DEFAULT, 1L)
                .containsEntry(CRITICAL, 1L);
    }

    @Test
    void criticalWorkCanFillTheWholeLimitAndThenNothingElseGetsIn() {
        assertThat(acquireAll(fixed, CRITICAL)).isEqualTo(20);

        assertThat(fixed.tryAcquire(SHEDDABLE)).isFalse();
        assertThat(fixed.tryAcquire(DEFAULT)).isFalse();
    }

    @Test
    void aFinishedRequestMakesRoomForTheNext() {
        acquireAll(fixed, CRITICAL);

        fixed.onSuccess(0, MS);

        assertThat(fixed.tryAcquire(CRITICAL)).isTrue();
        assertThat(fixed.tryAcquire(CRITICAL)).isFalse();
    }

    @Test
    void brownoutAndEmergencyTightenWhatTheLowerClassesMayUse() {
        fixed.mode(Mode.BROWNOUT);
        assertThat(fixed.snapshot().allowed()).containsEntry(SHEDDABLE, 5).containsEntry(DEFAULT, 15)
                .containsEntry(CRITICAL, 20);
        assertThat(acquireAll(fixed, SHEDDABLE)).isEqualTo(5);

        fixed.mode(Mode.EMERGENCY);
        assertThat(fixed.tryAcquire(SHEDDABLE)).as("sheddable work in an emergency").isFalse();
        assertThat(acquireAll(fixed, DEFAULT)).isEqualTo(5);
        assertThat(acquireAll(fixed, CRITICAL)).isEqualTo(10);

        fixed.mode(Mode.NORMAL);
        assertThat(fixed.mode()).isEqualTo(Mode.NORMAL);
        assertThat(fixed.shares()).isEqualTo(Shares.defaults(Mode.NORMAL));
    }

    @Test
    void configuredSharesReplaceTheDefaultsOfTheirMode() {
        ConcurrencyLimiter limiter = ConcurrencyLimiter.builder()
                .limit(AdaptiveLimitConfig.builder().initialLimit(10).minLimit(10).maxLimit(10).build())
                .shares(Mode.BROWNOUT, new Shares(0, 0.3, 1)).build();

        limiter.mode(Mode.BROWNOUT);

        assertThat(acquireAll(limiter, SHEDDABLE)).isZero();
        assertThat(acquireAll(limiter, DEFAULT)).isEqualTo(3);
    }

    @Test
    void reportsWithoutAPermitCannotDriveTheCountBelowZeroOrWidenTheLimit() {
        fixed.release();
        fixed.onSuccess(0, MS);
        fixed.onDropped(0, MS);

        assertThat(fixed.inflight()).isZero();
        assertThat(fixed.snapshot().unmatchedReports()).isEqualTo(3);
        assertThat(acquireAll(fixed, CRITICAL)).isEqualTo(20);
    }

    @Test
    void aNegativeRoundTripTimeIsRefusedByNameAndStillGivesThePermitBack() {
        fixed.tryAcquire(CRITICAL);

        assertThatThrownBy(() -> fixed.onSuccess(0, -5))
                .hasMessage("rttNanos must be >= 0, was -5 (the permit was released)");
        assertThat(fixed.inflight()).isZero();
    }

    @Test
    void theLimitGrowsWhenRequestsUseItAtFlatLatency() {
        ConcurrencyLimiter limiter = ConcurrencyLimiter.builder().limit(AdaptiveLimitConfig.builder()
                .initialLimit(20).sampleWindow(Duration.ofMillis(100)).build()).build();

        long now = runAtFullUse(limiter, 0, 50, 5 * MS);

        assertThat(limiter.limit()).isGreaterThan(30);
        assertThat(limiter.snapshot().lastRttNanos()).isEqualTo(5 * MS);
        assertThat(now).isPositive();
    }

    @Test
    void theLimitFallsWhenLatencyRisesAndSheddableWorkIsRefusedFirst() {
        ConcurrencyLimiter limiter = ConcurrencyLimiter.builder().limit(AdaptiveLimitConfig.builder()
                .initialLimit(20).sampleWindow(Duration.ofMillis(100)).build()).build();
        long now = runAtFullUse(limiter, 0, 50, 5 * MS);
        int grown = limiter.limit();

        runAtFullUse(limiter, now, 20, 50 * MS);

        assertThat(limiter.limit()).isLessThan(grown / 2);
        int sheddable = acquireAll(limiter, SHEDDABLE);
        assertThat(sheddable).isEqualTo(limiter.limit() / 2);
        assertThat(acquireAll(limiter, CRITICAL)).isEqualTo(limiter.limit() - sheddable);
    }

    /**
     * Fills the limit with critical requests and completes them all with {@code rtt}, one window
     * after another, the clock moving 10 ms a request; returns the time at the end.
     */
    private static long runAtFullUse(ConcurrencyLimiter limiter, long start, int windows, long rtt) {
        long now = start;
        for (int window = 0; window < windows; window++) {
            long windowEnd = now + 100 * MS;
            while (now < windowEnd) {
                int admitted = acquireAll(limiter, CRITICAL);
                for (int i = 0; i < admitted; i++) {
                    now += MS;
                    limiter.onSuccess(now, rtt);
                }
                now += 10 * MS;
            }
        }
        return now;
    }

    /** Acquires permits of {@code criticality} until one is refused; returns how many were granted. */
    private static int acquireAll(ConcurrencyLimiter limiter, Criticality criticality) {
        int granted = 0;
        while (limiter.tryAcquire(criticality)) {
            granted++;
        }
        return granted;
    }
}
