package dev.dreamnet.core.overload;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import org.junit.jupiter.api.Test;

class HedgeBudgetTest {

    @Test
    void startsEmptyAndEachCallEarnsItsShare() {
        HedgeBudget budget = new HedgeBudget(0.05, 10);
        assertThat(budget.tryAcquire()).isFalse();

        for (int i = 0; i < 19; i++) {
            budget.onCall();
        }
        assertThat(budget.tryAcquire()).as("19 calls earn 0.95 of a hedge").isFalse();
        budget.onCall();
        assertThat(budget.tryAcquire()).isTrue();
        assertThat(budget.tryAcquire()).isFalse();
    }

    @Test
    void savesAtMostTheBurst() {
        HedgeBudget budget = new HedgeBudget(0.5, 3);
        for (int i = 0; i < 1_000; i++) {
            budget.onCall();
        }
        assertThat(budget.tokens()).isEqualTo(3.0);
        int granted = 0;
        while (budget.tryAcquire()) {
            granted++;
        }
        assertThat(granted).isEqualTo(3);
    }

    @Test
    void neverGrantsMoreThanTheShareOfTheCallsSoFar() {
        Random random = new Random(42);
        for (int run = 0; run < 200; run++) {
            double share = 0.01 + random.nextDouble() * 0.3;
            HedgeBudget budget = new HedgeBudget(share, 1 + random.nextInt(20));
            long calls = 0;
            long granted = 0;
            for (int step = 0; step < 2_000; step++) {
                if (random.nextBoolean()) {
                    budget.onCall();
                    calls++;
                } else if (budget.tryAcquire()) {
                    granted++;
                }
                assertThat(granted).as("run %d step %d, share %s", run, step, share)
                        .isLessThanOrEqualTo((long) Math.floor(share * calls + 1e-9));
            }
        }
    }
}
