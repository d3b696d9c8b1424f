package dev.dreamnet.reference.agents;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dreamnet.core.breaker.CircuitBreaker;
import dev.dreamnet.core.queue.QueueSpec;
import dev.dreamnet.core.time.ManualScheduler;
import dev.dreamnet.core.watchdog.Watchdogs;
import dev.dreamnet.jdbc.queue.DatabaseQueueBackend;
import dev.dreamnet.reference.queues.DreamEvents;
import dev.dreamnet.runtime.queues.QueueService;
import dev.dreamnet.runtime.queues.QueuesComponent;
import dev.dreamnet.runtime.resilience.Downstreams;
import java.io.IOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.UUID;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * An agent's count of processed dreams, on a real embedded database and its database queue, with the
 * real queue breaker on a fake clock.
 */
class AgentTest {

    private static final String QUEUE = DreamEvents.queueFor("citadel");

    private final ManualScheduler clock = new ManualScheduler();
    private final JdbcDataSource database = new JdbcDataSource();
    private final QueueService queues = new QueueService(List.of(QueueSpec.of(QUEUE)), "test queues");
    private final Downstreams downstreams = new Downstreams(Downstreams.defaults(), clock, clock::advance,
            transition -> { });
    private QueuesComponent queuesService;

    @BeforeEach
    void start() throws SQLException {
        database.setURL("jdbc:h2:mem:agent_" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
        execute("CREATE TABLE dreams (id BIGINT PRIMARY KEY)", AgentWork.CREATE_TABLE,
                "INSERT INTO dreams (id) VALUES (1), (2)");
        queuesService = new QueuesComponent(queues, () -> DatabaseQueueBackend.create(database, clock), new Watchdogs(),
                downstreams);
        queuesService.start();
    }

    @AfterEach
    void stop() throws SQLException {
        queuesService.stop();
        execute("SHUTDOWN");
    }

    @Test
    void dreamsProcessedBeforeAFailedPollOfTheSameBatchAreStillCounted() {
        // Regression: after a broker outage the half-open queue breaker refused an agent's third poll of a
        // batch while another trial call was in flight; the two dreams it had just processed were never
        // counted, and their redeliveries never could be (the work was done), so RabbitOutageTest stalled.
        queues.require().publish(QUEUE, DreamEvents.payload(1));
        queues.require().publish(QUEUE, DreamEvents.payload(2));
        CircuitBreaker breaker = downstreams.breaker(Downstreams.QUEUE);
        tripThenWaitOut(breaker);
        assertThat(breaker.tryAcquirePermission()).as("the relay's trial publish, still in flight").isTrue();
        Agent agent = new Agent("citadel", () -> true, new AgentWork(queues, () -> database, downstreams), clock,
                Runnable::run, clock);

        agent.poll();

        assertThat(agent.view().lastError()).contains("HALF_OPEN");
        assertThat(agent.view().processed()).isEqualTo(2);
        assertThat(agent.view().lastWorkAt()).isNotNull();
        breaker.onSuccess(0);
        agent.poll();
        assertThat(agent.view().processed()).as("nothing is left to count twice").isEqualTo(2);
        assertThat(agent.view().lastError()).isNull();
    }

    private void tripThenWaitOut(CircuitBreaker breaker) {
        for (int i = 0; i < breaker.config().consecutiveFailures(); i++) {
            assertThat(breaker.tryAcquirePermission()).isTrue();
            breaker.onError(0, new IOException("connection reset by the broker"));
        }
        assertThat(breaker.state()).isEqualTo(CircuitBreaker.State.OPEN);
        clock.advance(breaker.config().resetTimeout());
    }

    private void execute(String... statements) throws SQLException {
        try (Connection c = database.getConnection(); Statement s = c.createStatement()) {
            for (String sql : statements) {
                s.execute(sql);
            }
        }
    }
}
