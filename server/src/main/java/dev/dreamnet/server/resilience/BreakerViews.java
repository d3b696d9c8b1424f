package dev.dreamnet.server.resilience;

import dev.dreamnet.core.breaker.CircuitBreaker;
import dev.dreamnet.core.breaker.CircuitBreakerSnapshot;
import dev.dreamnet.core.breaker.StateTransition;
import dev.dreamnet.core.retry.Retry;
import dev.dreamnet.core.retry.RetryBudget;
import java.time.Instant;
import java.util.List;

/** The JSON shape of {@code /api/observability/circuit-breakers}. */
public final class BreakerViews {

    private BreakerViews() {
    }

    public record TransitionView(String from, String to, Instant at, String reason) {
    }

    public record BudgetView(long calls, long retries, long allowance, double ratio) {
    }

    public record BreakerView(String name, String state, long calls, long failures, long slowCalls,
                              double failureRate, double slowCallRate, long notPermittedCalls,
                              TransitionView lastTransition, Instant nextAttemptAt, int maxAttempts,
                              BudgetView retryBudget) {
    }

    public record BreakersView(List<BreakerView> breakers) {
    }

    public static BreakersView of(Downstreams downstreams) {
        return new BreakersView(downstreams.breakers().stream()
                .map(breaker -> of(breaker, downstreams.retry(breaker.name()))).toList());
    }

    public static BreakerView of(CircuitBreaker breaker, Retry retry) {
        CircuitBreakerSnapshot s = breaker.snapshot();
        StateTransition t = s.lastTransition();
        RetryBudget budget = retry.budget();
        long calls = budget.calls();
        return new BreakerView(s.name(), s.state().name(), s.calls(), s.failures(), s.slowCalls(), s.failureRate(),
                s.slowCallRate(), s.notPermittedCalls(),
                t == null ? null : new TransitionView(t.from().name(), t.to().name(), t.at(), t.reason()),
                s.nextAttemptAt(), retry.config().maxAttempts(),
                new BudgetView(calls, budget.retries(), budget.allowance(calls), retry.config().budget().ratio()));
    }
}
