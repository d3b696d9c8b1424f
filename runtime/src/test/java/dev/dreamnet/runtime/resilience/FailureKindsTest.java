package dev.dreamnet.runtime.resilience;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * The agents and the relay logged only the first failure of a streak: a new kind of failure in the
 * same streak (the broker unreachable, then the breaker open, then a drifted queue) was silent.
 */
class FailureKindsTest {

    @Test
    void theFirstFailureOfAStreakIsNew() {
        assertThat(FailureKinds.isNew(null, "RabbitMQ at amqp://127.0.0.1:5672/ is unreachable")).isTrue();
    }

    @Test
    void aRepeatThatDiffersOnlyInNumbersIsNotNew() {
        assertThat(FailureKinds.isNew("circuit breaker \"queue\" is OPEN; it may try again at 2025-01-01T10:00:00Z",
                "circuit breaker \"queue\" is OPEN; it may try again at 2025-01-01T10:00:30.125Z")).isFalse();
        assertThat(FailureKinds.isNew("no answer within 5000 ms", "no answer within 5000 ms")).isFalse();
    }

    @Test
    void anotherKindOfFailureIsNew() {
        assertThat(FailureKinds.isNew("RabbitMQ at amqp://127.0.0.1:5672/ is unreachable (polling): no answer",
                "circuit breaker \"queue\" is OPEN and does not permit calls at the moment")).isTrue();
    }

    @Test
    void aFailureWithoutAMessageIsNamedByItsClass() {
        assertThat(FailureKinds.message(new IllegalStateException())).isEqualTo("java.lang.IllegalStateException");
    }
}
