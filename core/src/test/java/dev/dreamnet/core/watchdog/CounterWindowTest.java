package dev.dreamnet.core.watchdog;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dreamnet.core.watchdog.internal.CounterWindow;
import java.util.Random;
import org.junit.jupiter.api.Test;

class CounterWindowTest {

    private static final long SECOND = 1_000_000_000L;
    private static final long WINDOW = 60 * SECOND;

    @Test
    void frequentRecordsKeepTheSpanAtTheWindowInFixedMemory() {
        CounterWindow window = new CounterWindow(WINDOW);
        for (long t = 0; t <= 300 * SECOND; t += 10_000_000L) {
            window.record(t, t / SECOND);
        }

        assertThat(window.spanNanos()).isBetween(WINDOW, WINDOW + 2 * SECOND);
        assertThat(window.increase()).isBetween(60L, 62L);
    }

    @Test
    void timeGoingBackwardsCountsAsTheLatestTime() {
        CounterWindow window = new CounterWindow(WINDOW);
        window.record(10 * SECOND, 0);
        window.record(5 * SECOND, 4);

        assertThat(window.spanNanos()).isZero();
        assertThat(window.increase()).isEqualTo(4);
    }

    /** Against a model that keeps every sample: over a growing counter the increase is never below the window's true growth. */
    @Test
    void increaseCoversAtLeastTheLastWindowForRandomFeeds() {
        for (long seed = 1; seed <= 200; seed++) {
            Random random = new Random(seed);
            CounterWindow window = new CounterWindow(WINDOW);
            long t = 0;
            long total = 0;
            long[] times = new long[400];
            long[] totals = new long[400];
            for (int i = 0; i < times.length; i++) {
                t += random.nextInt(5_000) * 1_000_000L;
                total += random.nextInt(3);
                window.record(t, total);
                times[i] = t;
                totals[i] = total;
            }
            long totalAtCutoff = totals[0];
            for (int i = 0; i < times.length && times[i] <= t - WINDOW; i++) {
                totalAtCutoff = totals[i];
            }
            assertThat(window.increase()).as("seed %d", seed).isLessThanOrEqualTo(total - totals[0])
                    .isGreaterThanOrEqualTo(total - totalAtCutoff);
            assertThat(window.spanNanos()).as("seed %d", seed).isGreaterThanOrEqualTo(Math.min(WINDOW, t - times[0]));
        }
    }
}
