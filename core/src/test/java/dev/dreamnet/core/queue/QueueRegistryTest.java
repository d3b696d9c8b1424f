package dev.dreamnet.core.queue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class QueueRegistryTest {

    private final DeclaringBackend backend = new DeclaringBackend();

    @Test
    void declaresEveryQueueInOrderAndReportsEachOutcome() {
        QueueRegistry registry = QueueRegistry.of(List.of(QueueSpec.of("a"), QueueSpec.of("b")), backend, "q.yaml");
        backend.existing.add("b");

        assertThat(registry.declareAll()).containsExactly(
                java.util.Map.entry("a", DeclareOutcome.CREATED), java.util.Map.entry("b", DeclareOutcome.UNCHANGED));
        assertThat(backend.declared).containsExactly("a", "b");
    }

    @Test
    void driftNamesTheFileTheSpecsCameFrom() {
        QueueRegistry registry = QueueRegistry.of(List.of(QueueSpec.of("drifted")), backend, "config/queues.yaml");

        assertThatThrownBy(registry::declareAll).isInstanceOf(QueueDriftException.class)
                .hasMessage("queue \"drifted\": maxAttempts is 3 in the test backend, 5 in config/queues.yaml "
                        + "(nothing was changed)");
    }

    @Test
    void unknownNameSuggestsTheClosestDeclaredOne() {
        QueueRegistry registry = QueueRegistry.of(List.of(QueueSpec.of("dream-events")), backend, "q.yaml");

        assertThatThrownBy(() -> registry.publish("dream-event", new byte[0])).isInstanceOf(UnknownQueueException.class)
                .hasMessage("unknown queue \"dream-event\" (did you mean \"dream-events\"?)");
        assertThatThrownBy(() -> registry.stats("zzz")).hasMessage("unknown queue \"zzz\"; declared: dream-events");
    }

    @Test
    void refusesAQueueDeclaredTwiceOrUsedAsAnothersDeadLetterQueue() {
        assertThatThrownBy(() -> QueueRegistry.of(List.of(QueueSpec.of("a"), QueueSpec.of("a")), backend, "q.yaml"))
                .hasMessage("queue \"a\" is declared twice");
        assertThatThrownBy(() -> QueueRegistry.of(List.of(QueueSpec.of("a"), QueueSpec.of("a.dlq")), backend, "q.yaml"))
                .hasMessage("queue \"a\": deadLetterQueue \"a.dlq\" is also declared as a queue; "
                        + "a dead-letter queue is not a work queue");
    }

    @Test
    void statsCoverEveryQueueInDeclarationOrder() {
        QueueRegistry registry = QueueRegistry.of(List.of(QueueSpec.of("b"), QueueSpec.of("a")), backend, "q.yaml");

        assertThat(registry.stats()).extracting(QueueStats::queue).containsExactly("b", "a");
    }

    /** Declares by name only; "drifted" exists with 3 attempts. Not thread-safe. */
    private static final class DeclaringBackend implements QueueBackend {
        final List<String> existing = new ArrayList<>(List.of("drifted"));
        final List<String> declared = new ArrayList<>();

        @Override
        public DeclareOutcome declare(QueueSpec spec) {
            declared.add(spec.name());
            if (spec.name().equals("drifted")) {
                throw new QueueDriftException(spec.name(), describe(), "the declaration",
                        spec.differencesFrom(spec.toBuilder().maxAttempts(3).build(), List.of(QueueSetting.MAX_ATTEMPTS)));
            }
            return existing.contains(spec.name()) ? DeclareOutcome.UNCHANGED : DeclareOutcome.CREATED;
        }

        @Override
        public void publish(String queue, byte[] payload) {
        }

        @Override
        public PollOutcome poll(String queue, MessageHandler handler) {
            return PollOutcome.EMPTY;
        }

        @Override
        public QueueStats stats(String queue) {
            return new QueueStats(queue, 0, 0, 0, 0, 0);
        }

        @Override
        public List<DeadLetter> deadLetters(String queue, int limit) {
            return List.of();
        }

        @Override
        public String describe() {
            return "the test backend";
        }

        @Override
        public void close() {
        }
    }
}
