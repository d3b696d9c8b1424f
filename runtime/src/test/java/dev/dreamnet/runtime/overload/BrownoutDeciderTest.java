package dev.dreamnet.runtime.overload;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dreamnet.runtime.overload.BrownoutDecider.Decision;
import java.time.Duration;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The hysteresis: sustained evidence to enter, sustained health to leave, one contrary tick restarts the count. */
class BrownoutDeciderTest {

    private static final long SECOND = 1_000_000_000L;

    private final BrownoutDecider decider = new BrownoutDecider(Duration.ofSeconds(10), Duration.ofSeconds(30));

    @Test
    void entersOnlyOnceTheEvidenceHasLastedEnterAfterWithoutABreak() {
        for (int s = 0; s < 10; s++) {
            assertThat(decider.observe(s * SECOND, true)).as("second %d", s).isEqualTo(Decision.NONE);
        }
        assertThat(decider.observe(10 * SECOND, true)).isEqualTo(Decision.ENTER);
        assertThat(decider.active()).isTrue();
        assertThat(decider.observe(11 * SECOND, true)).as("entered once").isEqualTo(Decision.NONE);
    }

    @Test
    void oneHealthyTickRestartsTheCountTowardsEntering() {
        for (int s = 0; s < 9; s++) {
            decider.observe(s * SECOND, true);
        }
        decider.observe(9 * SECOND, false);
        for (int s = 10; s < 20; s++) {
            assertThat(decider.observe(s * SECOND, true)).as("second %d", s).isEqualTo(Decision.NONE);
        }
        assertThat(decider.observe(20 * SECOND, true)).isEqualTo(Decision.ENTER);
    }

    @Test
    void leavesOnlyAfterExitAfterOfHealthAndOneOverloadedTickRestartsThatCount() {
        for (int s = 0; s <= 10; s++) {
            decider.observe(s * SECOND, true);
        }
        for (int s = 11; s < 40; s++) {
            assertThat(decider.observe(s * SECOND, false)).as("second %d", s).isEqualTo(Decision.NONE);
        }
        assertThat(decider.observe(40 * SECOND, true)).as("overloaded again just before leaving")
                .isEqualTo(Decision.NONE);
        for (int s = 41; s < 71; s++) {
            assertThat(decider.observe(s * SECOND, false)).as("second %d", s).isEqualTo(Decision.NONE);
        }
        assertThat(decider.observe(71 * SECOND, false)).isEqualTo(Decision.EXIT);
        assertThat(decider.active()).isFalse();
    }

    @Test
    void neverFlapsFasterThanItsWindowsAllowWhateverTheEvidence() {
        for (long seed = 1; seed <= 200; seed++) {
            Random random = new Random(seed);
            BrownoutDecider each = new BrownoutDecider(Duration.ofSeconds(3), Duration.ofSeconds(5));
            long lastChange = -100 * SECOND;
            boolean active = false;
            for (int s = 0; s < 300; s++) {
                Decision decision = each.observe(s * SECOND, random.nextInt(4) > 0);
                if (decision != Decision.NONE) {
                    long gap = s * SECOND - lastChange;
                    assertThat(gap).as("seed %d second %d", seed, s)
                            .isGreaterThanOrEqualTo((decision == Decision.ENTER ? 3 : 5) * SECOND);
                    assertThat(decision == Decision.ENTER).as("seed %d alternates", seed).isEqualTo(!active);
                    active = !active;
                    lastChange = s * SECOND;
                }
            }
        }
    }
}
