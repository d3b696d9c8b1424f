package dev.dreamnet.bench.overload;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

class ArrivalScheduleTest {

    private final ArrivalSchedule schedule = ArrivalSchedule.steps(400, 5, List.of(0.5, 1.0, 3.0), 10, 0.8, 15);

    @Test
    void stepsFollowAWarmUpAtTheFirstRateAndEndWithRecovery() {
        assertEquals(List.of("warm-up", "0.5x", "1x", "3x", "recovery"),
                schedule.phases().stream().map(ArrivalSchedule.Phase::name).toList());
        assertEquals(List.of(1000L, 2000L, 4000L, 12000L, 4800L),
                schedule.phases().stream().map(ArrivalSchedule.Phase::requests).toList());
        assertEquals(5 + 30 + 15, schedule.totalSeconds());
    }

    @Test
    void requestsAreEvenlySpacedFromTheirPhasesStart() {
        int threeX = schedule.indexOf("3x");
        assertEquals(25_000_000_000L, schedule.phaseStartNanos(threeX));
        assertEquals(25_000_000_000L, schedule.intendedNanos(threeX, 0));
        assertEquals(25_000_000_000L + 833_333, schedule.intendedNanos(threeX, 1));
        assertEquals(25_000_000_000L + 9_999_166_666L, schedule.intendedNanos(threeX, 11_999));
    }

    @Test
    void theLastRequestOfAPhaseLeavesBeforeTheNextPhaseStarts() {
        for (int p = 0; p < schedule.phases().size() - 1; p++) {
            long last = schedule.intendedNanos(p, schedule.phases().get(p).requests() - 1);
            assertEquals(p, schedule.phaseAt(last));
            assertEquals(p + 1, schedule.phaseAt(schedule.phaseStartNanos(p + 1)));
        }
    }

    @Test
    void aFractionalRateRoundsTheCountUp() {
        ArrivalSchedule odd = new ArrivalSchedule(List.of(new ArrivalSchedule.Phase("odd", 2.5, 3, true)));
        assertEquals(8, odd.phases().get(0).requests()); // at 0, 0.4, 0.8 ... 2.8 s
    }

    @Test
    void offsetsPastTheEndBelongToTheLastPhase() {
        assertEquals(4, schedule.phaseAt(999_000_000_000L));
    }

    @Test
    void aPhaseNamesWhatIsWrongWithIt() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new ArrivalSchedule.Phase("3x", 0, 10, true));
        assertEquals("phase 3x: rate must be > 0, was 0.0", e.getMessage());
    }
}
