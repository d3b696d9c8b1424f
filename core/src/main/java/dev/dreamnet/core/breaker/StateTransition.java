package dev.dreamnet.core.breaker;

import java.time.Instant;
import java.util.Objects;

/**
 * A circuit breaker changed state. Immutable and thread-safe.
 *
 * @param name   the breaker's name
 * @param from   the state it left
 * @param to     the state it entered
 * @param reason why, in words an operator can act on ("failure rate 60.0% >= 50.0% over 10 calls")
 * @param at     when, by the breaker's clock
 */
public record StateTransition(String name, CircuitBreaker.State from, CircuitBreaker.State to, String reason, Instant at) {

    public StateTransition {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(at, "at");
    }

    @Override
    public String toString() {
        return "circuit breaker \"" + name + "\" " + from + " -> " + to + " at " + at + ": " + reason;
    }
}
