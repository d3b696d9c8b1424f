package dev.dreamnet.core.watchdog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ThresholdsTest {

    private final Thresholds thresholds = new Thresholds(80, 90);

    @Test
    void levelTurnsExactlyAtEachThreshold() {
        assertThat(thresholds.levelOf(79.99)).isEqualTo(Level.OK);
        assertThat(thresholds.levelOf(80)).isEqualTo(Level.WARN);
        assertThat(thresholds.levelOf(89.99)).isEqualTo(Level.WARN);
        assertThat(thresholds.levelOf(90)).isEqualTo(Level.CRIT);
    }

    @Test
    void equalThresholdsHaveNoWarnBand() {
        Thresholds any = new Thresholds(1, 1);

        assertThat(any.levelOf(0)).isEqualTo(Level.OK);
        assertThat(any.levelOf(1)).isEqualTo(Level.CRIT);
        assertThat(any.next(Level.OK, "")).isEqualTo("crit at 1");
    }

    @Test
    void reasonsNameTheNextThreshold() {
        assertThat(thresholds.next(Level.OK, "%")).isEqualTo("warn at 80%");
        assertThat(thresholds.next(Level.WARN, "%")).isEqualTo("crit at 90%");
        assertThat(thresholds.next(Level.CRIT, "%")).isEqualTo("crit at 90%");
    }

    @Test
    void warnAboveCritIsRefusedNamingTheSetting() {
        assertThatThrownBy(() -> Thresholds.of("threads.thresholds", 600, 500))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("threads.thresholds: warn (600) must be <= crit (500)");
    }

    @Test
    void negativeOrNonFiniteValuesAreRefusedNamingTheSetting() {
        assertThatThrownBy(() -> Thresholds.of("x.thresholds", -1, 5)).hasMessageStartingWith("x.thresholds: ");
        assertThatThrownBy(() -> Thresholds.of("x.thresholds", 1, Double.NaN)).hasMessageStartingWith("x.thresholds: ");
    }

    @Test
    void percentagesAboveAHundredAreRefused() {
        assertThatThrownBy(() -> Thresholds.percent("heap-after-gc.thresholds", 80, 101))
                .hasMessage("heap-after-gc.thresholds: warn and crit must be percentages in (0, 100], were 80 and 101");
    }

    @Test
    void worseKeepsTheMoreSevereLevel() {
        assertThat(Level.OK.worse(Level.WARN)).isEqualTo(Level.WARN);
        assertThat(Level.CRIT.worse(Level.WARN)).isEqualTo(Level.CRIT);
    }
}
