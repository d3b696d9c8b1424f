package dev.dreamnet.server.agents;

import dev.dreamnet.server.resilience.Downstreams;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import javax.sql.DataSource;

/**
 * The agents' work: each dream is processed once by each agent, recorded in {@code agent_work}.
 * A batch is one transaction through the {@code database} breaker. Thread-safe.
 */
public final class AgentWork {

    public static final String CREATE_TABLE = "CREATE TABLE IF NOT EXISTS agent_work ("
            + "agent VARCHAR(64) NOT NULL, dream_id BIGINT NOT NULL, processed_at TIMESTAMP WITH TIME ZONE NOT NULL, "
            + "PRIMARY KEY (agent, dream_id))";
    private static final int BATCH = 50;

    private final Supplier<DataSource> dataSource;
    private final Downstreams downstreams;
    private final Map<String, Long> lastDone = new ConcurrentHashMap<>();

    public AgentWork(Supplier<DataSource> dataSource, Downstreams downstreams) {
        this.dataSource = dataSource;
        this.downstreams = downstreams;
    }

    /** Picks up where {@code agent} left off before a restart. */
    void resume(String agent) throws Exception {
        lastDone.put(agent, downstreams.call(Downstreams.DATABASE, () -> last(agent)));
    }

    /** Processes up to one batch of dreams {@code agent} has not seen; returns how many. */
    int takeBatch(String agent) throws Exception {
        long after = lastDone.getOrDefault(agent, 0L);
        long[] done = downstreams.call(Downstreams.DATABASE, () -> process(agent, after));
        if (done[0] > 0) {
            lastDone.put(agent, done[1]);
        }
        return (int) done[0];
    }

    private long last(String agent) throws SQLException {
        try (Connection c = dataSource.get().getConnection();
             PreparedStatement select = c.prepareStatement("SELECT MAX(dream_id) FROM agent_work WHERE agent = ?")) {
            select.setString(1, agent);
            try (ResultSet row = select.executeQuery()) {
                return row.next() ? row.getLong(1) : 0;
            }
        }
    }

    private long[] process(String agent, long after) throws SQLException {
        try (Connection c = dataSource.get().getConnection()) {
            c.setAutoCommit(false);
            try (PreparedStatement insert = c.prepareStatement("INSERT INTO agent_work (agent, dream_id, processed_at) "
                    + "SELECT ?, id, CURRENT_TIMESTAMP FROM dreams WHERE id > ? ORDER BY id LIMIT " + BATCH);
                 PreparedStatement max = c.prepareStatement(
                         "SELECT COUNT(*), COALESCE(MAX(dream_id), 0) FROM agent_work WHERE agent = ? AND dream_id > ?")) {
                insert.setString(1, agent);
                insert.setLong(2, after);
                insert.executeUpdate();
                max.setString(1, agent);
                max.setLong(2, after);
                try (ResultSet row = max.executeQuery()) {
                    row.next();
                    long[] result = {row.getLong(1), row.getLong(2)};
                    c.commit();
                    return result;
                }
            } catch (SQLException e) {
                c.rollback();
                throw e;
            }
        }
    }
}
