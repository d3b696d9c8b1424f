package dev.dreamnet.core.health;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class GateStateTest {

    private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");
    private static final CheckResult PASS = CheckResult.pass("ok");
    private static final CheckResult FAIL = CheckResult.fail("down");

    private Instant at = T0;

    private GateState replay(GateState start, CheckResult... results) {
        GateState state = start;
        for (CheckResult result : results) {
            at = at.plusSeconds(5);
            state = state.record(result, Duration.ofMillis(7), at, 3, 3);
        }
        return state;
    }

    private GateState readyState() {
        return replay(GateState.INITIAL, PASS, PASS, PASS);
    }

    @Test
    void startsNotReadyWithNothingRecorded() {
        assertThat(GateState.INITIAL.ready()).isFalse();
        assertThat(GateState.INITIAL.lastResult()).isNull();
        assertThat(GateState.INITIAL.checks()).isZero();
    }

    @Test
    void readyOnlyAfterThreeConsecutivePasses() {
        assertThat(replay(GateState.INITIAL, PASS, PASS).ready()).isFalse();
        assertThat(replay(GateState.INITIAL, PASS, PASS, PASS).ready()).isTrue();
    }

    @Test
    void failPassFailPassNeverTurnsReady() {
        GateState state = replay(GateState.INITIAL, FAIL, PASS, FAIL, PASS, FAIL, PASS, FAIL, PASS);

        assertThat(state.ready()).isFalse();
        assertThat(state.everReady()).isFalse();
    }

    @Test
    void unreadyAfterThreeConsecutiveFailures() {
        assertThat(replay(readyState(), FAIL, FAIL).ready()).isTrue();
        assertThat(replay(readyState(), FAIL, FAIL, FAIL).ready()).isFalse();
    }

    @Test
    void passFailPassFailNeverTurnsUnready() {
        assertThat(replay(readyState(), FAIL, PASS, FAIL, PASS, FAIL, FAIL, PASS).ready()).isTrue();
    }

    @Test
    void aContraryResultResetsTheOtherStreak() {
        GateState state = replay(GateState.INITIAL, PASS, PASS, FAIL);

        assertThat(state.consecutivePasses()).isZero();
        assertThat(state.consecutiveFailures()).isEqualTo(1);
    }

    @Test
    void afterTurningUnreadyNeedsThreePassesAgainButStaysEverReady() {
        GateState unready = replay(readyState(), FAIL, FAIL, FAIL);

        assertThat(unready.everReady()).isTrue();
        assertThat(replay(unready, PASS, PASS).ready()).isFalse();
        assertThat(replay(unready, PASS, PASS, PASS).ready()).isTrue();
    }

    @Test
    void recordsLastResultDurationTimesAndCount() {
        GateState state = replay(GateState.INITIAL, PASS, PASS, PASS, FAIL);

        assertThat(state.lastResult()).isEqualTo(FAIL);
        assertThat(state.lastDuration()).isEqualTo(Duration.ofMillis(7));
        assertThat(state.lastCheckedAt()).isEqualTo(T0.plusSeconds(20));
        assertThat(state.lastTransitionAt()).isEqualTo(T0.plusSeconds(15));
        assertThat(state.checks()).isEqualTo(4);
    }
}
