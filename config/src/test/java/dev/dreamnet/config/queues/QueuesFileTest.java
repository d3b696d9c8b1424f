package dev.dreamnet.config.queues;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dreamnet.config.yaml.ConfigException;
import dev.dreamnet.core.queue.QueueSpec;
import dev.dreamnet.core.queue.QueueType;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class QueuesFileTest {

    @Test
    void theShippedFileDeclaresEachAgentsDreamEventsQueueWithItsDeadLetterQueueAndFiveAttempts()
            throws ConfigException {
        List<QueueSpec> specs = QueuesFile.load(Path.of("..", "config", "queues.yaml"));

        assertThat(specs).containsExactly(agentQueue("citadel"), agentQueue("dronedome"));
    }

    private static QueueSpec agentQueue(String agent) {
        return QueueSpec.builder("dream-events." + agent).deadLetterQueue("dream-events." + agent + ".dlq")
                .maxAttempts(5).redeliveryDelay(Duration.ofSeconds(5)).visibilityTimeout(Duration.ofSeconds(30))
                .type(QueueType.CLASSIC).build();
    }

    @Test
    void everySettingIsReadAndQueuesKeepFileOrder() throws ConfigException {
        List<QueueSpec> specs = QueuesFile.parse("q.yaml", """
                queues:
                  orders:
                    deadLetterQueue: orders.parked
                    maxAttempts: 10
                    redeliveryDelay: 1500ms
                    visibilityTimeout: 2m
                    type: quorum
                  audit:
                """);

        assertThat(specs).containsExactly(
                QueueSpec.builder("orders").deadLetterQueue("orders.parked").maxAttempts(10)
                        .redeliveryDelay(Duration.ofMillis(1500)).visibilityTimeout(Duration.ofMinutes(2))
                        .type(QueueType.QUORUM).build(),
                QueueSpec.of("audit"));
    }
}
