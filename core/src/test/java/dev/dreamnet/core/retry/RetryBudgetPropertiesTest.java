package dev.dreamnet.core.retry;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dreamnet.core.time.FakeClock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

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

    @Provide
    Arbitrary<List<Step>> sequences() {
        Arbitrary<Step> step = Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(5, Arbitraries.just(new Call())),
                net.jqwik.api.Tuple.of(5, Arbitraries.just(new RetryAttempt())),
                net.jqwik.api.Tuple.of(1, Arbitraries.longs().between(1, 4_000).map(ms -> new Pass(Duration.ofMillis(ms)))));
        return step.list().ofMaxSize(400);
    }

    /** Whenever a retry is granted, the retries of the window, this one included, are within its allowance. */
    @Property(tries = 500)
    void theBudgetIsNeverExceededForAnyCallSequence(@ForAll("sequences") List<Step> steps,
                                                     @ForAll @IntRange(min = 0, max = 100) int percent,
                                                     @ForAll @IntRange(min = 0, max = 3) int minPerSecond,
                                                     @ForAll @IntRange(min = 1, max = 12) int windowSeconds) {
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

    @Example
    void aQuietServiceStillGetsItsMinimumRetries() {
        RetryBudget budget = new RetryBudget(new RetryConfig.Budget(0.1, 1, Duration.ofSeconds(10)), new FakeClock());

        int granted = 0;
        while (budget.tryAcquireRetry()) {
            granted++;
        }

        assertThat(granted).isEqualTo(10);
    }

    @Example
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
