package dev.dreamnet.core.breaker;

import java.time.Instant;

/**
 * What a circuit breaker looks like at one moment, for endpoints and operators. Immutable and
 * thread-safe. The counts are those of the current state: the sliding window while closed, the
 * window that tripped it while open, the trial calls while half-open.
 *
 * @param name              the breaker's name
 * @param state             its state
 * @param calls             calls counted
 * @param failures          failures among them
 * @param slowCalls         slow calls among them
 * @param failureRate       failures as a percentage of calls (0 when there are none)
 * @param slowCallRate      slow calls as a percentage of calls (0 when there are none)
 * @param notPermittedCalls calls rejected since the breaker was created
 * @param lastTransition    the change that led to the current state, or null if it never changed
 * @param nextAttemptAt     when an open breaker will admit a trial call, or null if it is not open
 */
public record CircuitBreakerSnapshot(
        String name,
        CircuitBreaker.State state,
        long calls,
        long failures,
        long slowCalls,
        double failureRate,
        double slowCallRate,
        long notPermittedCalls,
        StateTransition lastTransition,
        Instant nextAttemptAt) {

    /** A percentage of {@code total}, 0 when {@code total} is 0. */
    public static double percent(long part, long total) {
        return total == 0 ? 0 : part * 100.0 / total;
    }
}
