package dev.dreamnet.core.time;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Random;
import org.junit.jupiter.api.Test;

/** Sliding-window counts in packed cells, checked against a plain model over seeded random sequences. */
class WindowedCountsTest {

    @Test
    void sumsCoverTheWindowAndForgetOlderSlots() {
        WindowedCounts counts = new WindowedCounts(2, 3, 100);
        counts.increment(100, 0);
        counts.increment(101, 0);
        counts.increment(101, 1);
        counts.increment(102, 0);

        assertThat(counts.sum(102, 0)).isEqualTo(3);
        assertThat(counts.sum(102, 1)).isEqualTo(1);
        assertThat(counts.sum(103, 0)).as("slot 100 left the window").isEqualTo(2);
        assertThat(counts.sum(110, 0)).isZero();
    }

    @Test
    void aCellIsOnlyTakenIfNobodyAddedInBetween() {
        WindowedCounts counts = new WindowedCounts(1, 5, 7);
        long seen = counts.cell(7, 0);
        counts.increment(7, 0);

        assertThat(counts.incrementIfUnchanged(7, 0, seen)).isFalse();
        assertThat(counts.incrementIfUnchanged(7, 0, counts.cell(7, 0))).isTrue();
        assertThat(counts.sum(7, 0)).isEqualTo(2);
    }

    @Test
    void slotNumbersMayWrapAround() {
        WindowedCounts counts = new WindowedCounts(1, 4, Integer.MAX_VALUE - 1);
        counts.increment(Integer.MAX_VALUE - 1, 0);
        counts.increment(Integer.MAX_VALUE, 0);
        counts.increment(Integer.MIN_VALUE, 0);

        assertThat(counts.sum(Integer.MIN_VALUE, 0)).isEqualTo(3);
        assertThat(counts.sum(Integer.MIN_VALUE + 3, 0)).isEqualTo(1);
    }

    @Test
    void agreesWithAPlainModel() {
        for (long seed = 1; seed <= 200; seed++) {
            Random random = new Random(seed);
            int window = 1 + random.nextInt(10);
            int start = random.nextInt();
            WindowedCounts counts = new WindowedCounts(2, window, start);
            long[][] model = new long[300 * 12 + 1][2];
            int now = 0;
            for (int step = 0; step < 300; step++) {
                now += random.nextInt(4) == 0 ? random.nextInt(window + 2) : 0;
                int field = random.nextInt(2);
                counts.increment(start + now, field);
                model[now][field]++;
                for (int f = 0; f < 2; f++) {
                    long expected = 0;
                    for (int slot = Math.max(0, now - window + 1); slot <= now; slot++) {
                        expected += model[slot][f];
                    }
                    assertThat(counts.sum(start + now, f)).as("seed %d step %d field %d", seed, step, f)
                            .isEqualTo(expected);
                }
            }
        }
    }

    @Test
    void refusesAnEmptyShape() {
        assertThatThrownBy(() -> new WindowedCounts(0, 3, 0)).isInstanceOf(IllegalArgumentException.class);
    }
}
