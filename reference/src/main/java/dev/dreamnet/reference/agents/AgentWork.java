package dev.dreamnet.reference.agents;

import dev.dreamnet.core.queue.PollOutcome;
import dev.dreamnet.core.queue.QueueMessage;
import dev.dreamnet.reference.queues.DreamEvents;
import dev.dreamnet.runtime.queues.QueueService;
import dev.dreamnet.runtime.resilience.Downstreams;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.function.Supplier;
import javax.sql.DataSource;

/**
 * The agents' work: each takes events from its own {@code dream-events.<agent>} queue and records
 * the dream as processed by it in {@code agent_work}. Delivery is at least once, so
 * recording is idempotent; an event naming no dream fails, is retried and, after the queue's
 * maximum attempts, lands in the dead-letter queue with its error. Queue calls go through the
 * {@code queue} breaker, database calls through the {@code database} one. Thread-safe.
 */
public final class AgentWork {

    public static final String CREATE_TABLE = "CREATE TABLE IF NOT EXISTS agent_work ("
            + "agent VARCHAR(64) NOT NULL, dream_id BIGINT NOT NULL, processed_at TIMESTAMP WITH TIME ZONE NOT NULL, "
            + "PRIMARY KEY (agent, dream_id))";
    private static final int BATCH = 50;
    private static final String UNIQUE_VIOLATION = "23505";

    private final QueueService queues;
    private final Supplier<DataSource> dataSource;
    private final Downstreams downstreams;

    public AgentWork(QueueService queues, Supplier<DataSource> dataSource, Downstreams downstreams) {
        this.queues = queues;
        this.dataSource = dataSource;
        this.downstreams = downstreams;
    }

    /** Nothing to restore: the queue remembers what is left. */
    void resume(String agent) {
    }

    /** What recording one event did. */
    private enum Recorded { NEW, ALREADY_DONE, NO_SUCH_DREAM }

    /**
     * Handles up to one batch of events for {@code agent}, calling {@code firstTime} for each dream it
     * processed for the first time as soon as that is recorded (a redelivered event is handled again but
     * not counted twice). A poll that fails later in the batch throws, but what was recorded before it
     * has been counted: the count cannot be taken again, since a redelivery finds the work done.
     */
    void takeBatch(String agent, Runnable firstTime) throws Exception {
        for (int handled = 0; handled < BATCH; handled++) {
            PollOutcome outcome = downstreams.call(Downstreams.QUEUE, () -> queues.require()
                    .poll(DreamEvents.queueFor(agent), message -> {
                        if (process(agent, message)) {
                            firstTime.run();
                        }
                    }));
            if (outcome == PollOutcome.EMPTY) {
                break;
            }
        }
    }

    /** True when {@code agent} processed the dream now, false when it had already (a redelivery). */
    private boolean process(String agent, QueueMessage message) throws Exception {
        long dreamId = DreamEvents.dreamId(message);
        Recorded recorded = downstreams.call(Downstreams.DATABASE, () -> record(agent, dreamId));
        if (recorded == Recorded.NO_SUCH_DREAM) {
            // Outside the breaker: a bad event is the event's fault, not the database's.
            throw new IllegalArgumentException("dream " + dreamId + " does not exist");
        }
        return recorded == Recorded.NEW;
    }

    private Recorded record(String agent, long dreamId) throws SQLException {
        try (Connection c = dataSource.get().getConnection();
             PreparedStatement insert = c.prepareStatement("INSERT INTO agent_work (agent, dream_id, processed_at) "
                     + "SELECT ?, id, CURRENT_TIMESTAMP FROM dreams d WHERE d.id = ? AND NOT EXISTS "
                     + "(SELECT 1 FROM agent_work w WHERE w.agent = ? AND w.dream_id = d.id)")) {
            insert.setString(1, agent);
            insert.setLong(2, dreamId);
            insert.setString(3, agent);
            if (insert.executeUpdate() == 1) {
                return Recorded.NEW;
            }
            return alreadyDone(c, agent, dreamId) ? Recorded.ALREADY_DONE : Recorded.NO_SUCH_DREAM;
        } catch (SQLException e) {
            if (UNIQUE_VIOLATION.equals(e.getSQLState())) {
                return Recorded.ALREADY_DONE; // a redelivery raced with the first delivery: the work is done once
            }
            throw e;
        }
    }

    private static boolean alreadyDone(Connection c, String agent, long dreamId) throws SQLException {
        try (PreparedStatement select = c.prepareStatement(
                "SELECT 1 FROM agent_work WHERE agent = ? AND dream_id = ?")) {
            select.setString(1, agent);
            select.setLong(2, dreamId);
            try (var row = select.executeQuery()) {
                return row.next();
            }
        }
    }
}
