package dev.dreamnet.core.retry;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dreamnet.core.time.FakeClock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class RetryBudgetPropertiesTest {

    /** One step of a call sequence: a call, a retry attempt, or time passing. */
    sealed interface Step permits Call, RetryAttempt, Pass {
    }

    record Call() implements Step {
    }

    record RetryAttempt() implements Step {
    }

    record Pass(Duration time) implements Step {
    }

    /** Up to 400 steps: calls and retry attempts equally often, time passing (1 ms to 4 s) a tenth as often. */
    private static List<Step> sequence(SplittableRandom random) {
        List<Step> steps = new ArrayList<>();
        for (int i = random.nextInt(401); i > 0; i--) {
            int pick = random.nextInt(11);
            steps.add(pick < 5 ? new Call() : pick < 10 ? new RetryAttempt()
                    : new Pass(Duration.ofMillis(1 + random.nextInt(4_000))));
        }
        return steps;
    }

    @Test
    void theBudgetIsNeverExceededForAnyCallSequence() {
        for (long seed = 0; seed < 500; seed++) {
            SplittableRandom random = new SplittableRandom(seed);
            try {
                theBudgetIsNeverExceeded(sequence(random), random.nextInt(101), random.nextInt(4), 1 + random.nextInt(12));
            } catch (AssertionError e) {
                throw new AssertionError("failed for seed " + seed, e);
            }
        }
    }

    /** Whenever a retry is granted, the retries of the window, this one included, are within its allowance. */
    private static void theBudgetIsNeverExceeded(List<Step> steps, int percent, int minPerSecond, int windowSeconds) {
        FakeClock clock = new FakeClock();
        RetryConfig.Budget policy = new RetryConfig.Budget(percent / 100.0, minPerSecond, Duration.ofSeconds(windowSeconds));
        RetryBudget budget = new RetryBudget(policy, clock);
        List<Long> calls = new ArrayList<>();
        List<Long> retries = new ArrayList<>();

        for (Step step : steps) {
            long second = clock.nanoTime() / 1_000_000_000L;
            if (step instanceof Call) {
                budget.recordCall();
                calls.add(second);
            } else if (step instanceof RetryAttempt && budget.tryAcquireRetry()) {
                retries.add(second);
                long inWindowCalls = countSince(calls, second - windowSeconds + 1);
                long inWindowRetries = countSince(retries, second - windowSeconds + 1);
                assertThat(inWindowRetries).as("retries in the last %d s, with this one", windowSeconds)
                        .isLessThanOrEqualTo((long) (policy.ratio() * inWindowCalls) + (long) minPerSecond * windowSeconds);
            } else if (step instanceof Pass pass) {
                clock.advance(pass.time());
            }
        }
    }

    @Test
    void aQuietServiceStillGetsItsMinimumRetries() {
        RetryBudget budget = new RetryBudget(new RetryConfig.Budget(0.1, 1, Duration.ofSeconds(10)), new FakeClock());

        int granted = 0;
        while (budget.tryAcquireRetry()) {
            granted++;
        }

        assertThat(granted).isEqualTo(10);
    }

    @Test
    void retriesFreeUpAsTheWindowSlides() {
        FakeClock clock = new FakeClock();
        RetryBudget budget = new RetryBudget(new RetryConfig.Budget(0.5, 0, Duration.ofSeconds(2)), clock);
        for (int i = 0; i < 4; i++) {
            budget.recordCall();
        }
        assertThat(budget.tryAcquireRetry()).isTrue();
        assertThat(budget.tryAcquireRetry()).isTrue();
        assertThat(budget.tryAcquireRetry()).isFalse();

        clock.advance(Duration.ofSeconds(2));
        budget.recordCall();
        budget.recordCall();

        assertThat(budget.tryAcquireRetry()).isTrue();
        assertThat(budget.tryAcquireRetry()).isFalse();
    }

    private static long countSince(List<Long> seconds, long from) {
        return seconds.stream().filter(second -> second >= from).count();
    }
}
