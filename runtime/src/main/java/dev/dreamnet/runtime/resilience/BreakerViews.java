package dev.dreamnet.runtime.resilience;

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

    /**
     * The summary's attention line for a breaker that is not CLOSED: its state, why, and what that
     * means for the calls to it. The reason is the breaker's own or an operator's, never a driver's.
     */
    public static String attention(CircuitBreakerSnapshot breaker) {
        StateTransition last = breaker.lastTransition();
        String line = "circuit breaker " + breaker.name() + " is " + breaker.state()
                + (last == null ? "" : " (" + last.reason() + ")");
        return switch (breaker.state()) {
            case OPEN -> line + ": calls to " + breaker.name() + " are refused at once"
                    + (breaker.nextAttemptAt() == null ? "" : " until it tries again at " + breaker.nextAttemptAt());
            case HALF_OPEN -> line + ": a few trial calls to " + breaker.name() + " decide whether it closes";
            case FORCED_OPEN -> line + ": every call to " + breaker.name() + " is refused until an operator resets it";
            case FORCED_CLOSED -> line + ": every call to " + breaker.name() + " goes through and nothing trips it";
            case CLOSED -> line;
        };
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
