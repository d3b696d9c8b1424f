package dev.dreamnet.core.watchdog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class QueueDepthWatchdogTest {

    private final FakeQueueGauge gauge = new FakeQueueGauge();
    private final QueueDepthWatchdog watchdog = QueueDepthWatchdog.ofDefaults("orders", gauge);

    @Test
    void levelsTurnAtAThousandAndTenThousandMessages() {
        assertThat(levelAt(999)).isEqualTo(Level.OK);
        assertThat(levelAt(1_000)).isEqualTo(Level.WARN);
        assertThat(levelAt(9_999)).isEqualTo(Level.WARN);
        assertThat(levelAt(10_000)).isEqualTo(Level.CRIT);
    }

    @Test
    void readingNamesTheQueueAndGivesTheDeadLetterQueueDepth() {
        gauge.set("orders", 12, 3, 40);

        Reading reading = watchdog.read(0);

        assertThat(reading.name()).isEqualTo("queue-depth:orders");
        assertThat(reading.reason()).isEqualTo("12 messages waiting in \"orders\" (warn at 1000)");
        assertThat(reading.unit()).isEqualTo("messages");
        assertThat(reading.detail()).containsExactly("dead-letter queue holds 3");
    }

    @Test
    void aQueueThatCannotBeReadIsWarnWithTheError() {
        Reading reading = watchdog.read(0);

        assertThat(reading.level()).isEqualTo(Level.WARN);
        assertThat(reading.value()).isNaN();
        assertThat(reading.reason())
                .isEqualTo("could not read queue \"orders\": IllegalStateException: NOT_FOUND - no queue 'orders'");
    }

    @Test
    void settingsAreValidatedByName() {
        assertThatThrownBy(() -> QueueDepthWatchdog.of("orders", gauge, 10, 5))
                .hasMessage("queue-depth:orders.thresholds: warn (10) must be <= crit (5)");
        assertThatThrownBy(() -> QueueDepthWatchdog.ofDefaults(" ", gauge)).hasMessage("queue must not be blank");
    }

    private Level levelAt(long depth) {
        gauge.set("orders", depth, 0, 0);
        return watchdog.read(0).level();
    }
}
