package dev.dreamnet.rabbitmq;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dreamnet.core.queue.QueueDriftException;
import dev.dreamnet.core.queue.QueueType;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The RabbitMQ backend's contract on classic queues, in a virtual host of this class's own. */
class ClassicQueueTest extends RabbitQueueContract {

    private static TestVhost vhost;

    @BeforeAll
    static void createVhost() throws Exception {
        vhost = TestVhost.create();
    }

    @AfterAll
    static void deleteVhost() throws Exception {
        vhost.close();
    }

    @Override
    TestVhost vhost() {
        return vhost;
    }

    @Override
    QueueType type() {
        return QueueType.CLASSIC;
    }

    /** A classic queue does not count deliveries; the broker only flags the redelivery. */
    @Override
    int attemptAfterOneDeath() {
        return 1;
    }

    @Test
    void declaringAClassicQueueAsQuorumNamesTheTypeAndCreatesNothing() {
        assertThatThrownBy(() -> backend.declare(spec.toBuilder().type(QueueType.QUORUM).build()))
                .isInstanceOf(QueueDriftException.class)
                .hasMessageContaining("type is classic in the broker, quorum in the declaration")
                .hasMessageEndingWith("(nothing was changed)");
    }
}
