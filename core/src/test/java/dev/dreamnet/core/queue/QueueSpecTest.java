package dev.dreamnet.core.queue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dreamnet.core.time.DurationSyntax;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import org.junit.jupiter.api.Test;

class QueueSpecTest {

    @Test
    void defaultsAreADlqNamedAfterTheQueueFiveAttemptsFiveSecondsApart() {
        QueueSpec spec = QueueSpec.of("dream-events");

        assertThat(spec.deadLetterQueue()).isEqualTo("dream-events.dlq");
        assertThat(spec.maxAttempts()).isEqualTo(5);
        assertThat(spec.redeliveryDelay()).isEqualTo(Duration.ofSeconds(5));
        assertThat(spec.visibilityTimeout()).isEqualTo(Duration.ofSeconds(30));
        assertThat(spec.type()).isEqualTo(QueueType.CLASSIC);
    }

    /** QueueSpec named its limit "1d", a spelling that queues.yaml refuses. */
    @Test
    void theLimitItNamesIsSpeltTheWayTheConfigurationFileReadsIt() {
        assertThatThrownBy(() -> QueueSpec.builder("q").redeliveryDelay(Duration.ofHours(25)).build())
                .hasMessage("redeliveryDelay must be at most 24h, was 25h");
        assertThat(DurationSyntax.parse("24h")).isEqualTo(Duration.ofDays(1));
    }

    @Test
    void eachInvalidSettingIsNamedWithItsValue() {
        assertThatThrownBy(() -> QueueSpec.builder("q").maxAttempts(0).build())
                .hasMessage("maxAttempts must be between 1 and 1000, was 0");
        assertThatThrownBy(() -> QueueSpec.builder("q").redeliveryDelay(Duration.ofSeconds(-1)).build())
                .hasMessage("redeliveryDelay must be >= 0, was -1s");
        assertThatThrownBy(() -> QueueSpec.builder("q").visibilityTimeout(Duration.ZERO).build())
                .hasMessage("visibilityTimeout must be > 0, was 0s");
        assertThatThrownBy(() -> QueueSpec.builder("q").visibilityTimeout(Duration.ofHours(25)).build())
                .hasMessage("visibilityTimeout must be at most 24h, was 25h");
        assertThatThrownBy(() -> QueueSpec.builder("q").deadLetterQueue("q").build())
                .hasMessage("deadLetterQueue must differ from the queue's name, was \"q\"");
        assertThatThrownBy(() -> QueueSpec.builder("q").type(null).build()).hasMessage("type must not be null");
    }

    @Test
    void namesAreCheckedForTheBrokerAndTheDatabase() {
        assertThatThrownBy(() -> QueueSpec.of("dream events")).hasMessageStartingWith("name must be 1 to 128 letters")
                .hasMessageEndingWith("was \"dream events\"");
        assertThatThrownBy(() -> QueueSpec.of("amq.events")).hasMessageContaining("not starting with \"amq.\"");
        assertThatThrownBy(() -> QueueSpec.of("x".repeat(121))).hasMessage("name must be at most 120 characters (its dead-letter and retry queues add a suffix), was 121");
        assertThatThrownBy(() -> QueueSpec.of(null)).hasMessage("name must not be null");
        assertThat(QueueSpec.of("x".repeat(120)).name()).hasSize(120);
    }

    @Test
    void differencesListOnlyTheComparedSettingsThatDiffer() {
        QueueSpec declared = QueueSpec.builder("q").maxAttempts(5).type(QueueType.QUORUM).build();
        QueueSpec held = declared.toBuilder().maxAttempts(3).redeliveryDelay(Duration.ofMillis(1500))
                .type(QueueType.CLASSIC).build();

        assertThat(declared.differencesFrom(held, EnumSet.allOf(QueueSetting.class))).containsExactly(
                new QueueDriftException.Difference("maxAttempts", "3", "5"),
                new QueueDriftException.Difference("redeliveryDelay", "1500ms", "5s"),
                new QueueDriftException.Difference("type", "classic", "quorum"));
        assertThat(declared.differencesFrom(held, List.of(QueueSetting.VISIBILITY_TIMEOUT))).isEmpty();
    }

    @Test
    void driftMessageShowsEachDifferenceAndWhereEachValueIs() {
        QueueDriftException drift = new QueueDriftException("dream-events", "the broker", "the declaration",
                List.of(new QueueDriftException.Difference("maxAttempts", "3", "5"),
                        new QueueDriftException.Difference("type", "classic", "quorum")));

        assertThat(drift.declaredIn("config/queues.yaml")).hasMessage("queue \"dream-events\": maxAttempts is 3 in the "
                + "broker, 5 in config/queues.yaml; type is classic in the broker, quorum in config/queues.yaml "
                + "(nothing was changed)");
    }

    @Test
    void lastErrorIsOneBoundedLine() {
        assertThat(ErrorText.of(new IllegalStateException("bad\nthing"))).isEqualTo("java.lang.IllegalStateException: bad thing");
        assertThat(ErrorText.of(new RuntimeException("x".repeat(5_000)))).hasSize(ErrorText.MAX_LENGTH).endsWith("...");
    }
}
