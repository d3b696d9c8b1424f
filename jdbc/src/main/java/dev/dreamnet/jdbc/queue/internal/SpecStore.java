package dev.dreamnet.jdbc.queue.internal;

import dev.dreamnet.core.queue.DeclareOutcome;
import dev.dreamnet.core.queue.QueueDriftException;
import dev.dreamnet.core.queue.QueueSetting;
import dev.dreamnet.core.queue.QueueSpec;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The declared queues, one row each in {@code dreamnet_queues}, so that a later declaration with
 * other settings is caught as drift instead of silently changing the queue. Stateless.
 */
public final class SpecStore {

    /** Where drift errors say the held settings are. */
    public static final String HELD_IN = "the database";
    /** The settings the embedded queue keeps; the queue type means nothing to it. */
    public static final List<QueueSetting> COMPARED = List.of(QueueSetting.DEAD_LETTER_QUEUE,
            QueueSetting.MAX_ATTEMPTS, QueueSetting.REDELIVERY_DELAY, QueueSetting.VISIBILITY_TIMEOUT);
    private static final String UNIQUE_VIOLATION = "23505";

    private SpecStore() {
    }

    /**
     * Inserts {@code spec} if its queue has no row, else compares it with the row; in the caller's
     * transaction. Another instance inserting the same queue at the same moment is not an error.
     */
    public static DeclareOutcome declare(Connection connection, QueueSpec spec, long nowMillis) throws SQLException {
        Optional<QueueSpec> held = read(connection, spec.name());
        if (held.isEmpty()) {
            if (insert(connection, spec, nowMillis)) {
                return DeclareOutcome.CREATED;
            }
            held = read(connection, spec.name());
        }
        List<QueueDriftException.Difference> differences = spec.differencesFrom(held.orElseThrow(), COMPARED);
        if (!differences.isEmpty()) {
            throw new QueueDriftException(spec.name(), HELD_IN, "the declaration", differences);
        }
        return DeclareOutcome.UNCHANGED;
    }

    /** The spec held for {@code queue}, if it was declared (its type is always classic). */
    public static Optional<QueueSpec> read(Connection connection, String queue) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement("SELECT dead_letter_queue, max_attempts, "
                + "redelivery_delay_ms, visibility_timeout_ms FROM dreamnet_queues WHERE name = ?")) {
            select.setString(1, queue);
            try (ResultSet row = select.executeQuery()) {
                if (!row.next()) {
                    return Optional.empty();
                }
                return Optional.of(QueueSpec.builder(queue).deadLetterQueue(row.getString(1)).maxAttempts(row.getInt(2))
                        .redeliveryDelay(Duration.ofMillis(row.getLong(3)))
                        .visibilityTimeout(Duration.ofMillis(row.getLong(4))).build());
            }
        }
    }

    /** The names of every declared queue, sorted. */
    public static List<String> names(Connection connection) throws SQLException {
        List<String> names = new ArrayList<>();
        try (PreparedStatement select = connection.prepareStatement("SELECT name FROM dreamnet_queues ORDER BY name");
             ResultSet rows = select.executeQuery()) {
            while (rows.next()) {
                names.add(rows.getString(1));
            }
        }
        return names;
    }

    /** Inserts the row; false if another transaction inserted it first. */
    private static boolean insert(Connection connection, QueueSpec spec, long nowMillis) throws SQLException {
        // A failed statement aborts a PostgreSQL transaction; the savepoint keeps it usable.
        Savepoint beforeInsert = connection.setSavepoint();
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO dreamnet_queues (name, "
                + "dead_letter_queue, max_attempts, redelivery_delay_ms, visibility_timeout_ms, created_at) "
                + "VALUES (?, ?, ?, ?, ?, ?)")) {
            insert.setString(1, spec.name());
            insert.setString(2, spec.deadLetterQueue());
            insert.setInt(3, spec.maxAttempts());
            insert.setLong(4, spec.redeliveryDelay().toMillis());
            insert.setLong(5, spec.visibilityTimeout().toMillis());
            insert.setLong(6, nowMillis);
            insert.executeUpdate();
            return true;
        } catch (SQLException e) {
            if (UNIQUE_VIOLATION.equals(e.getSQLState())) {
                connection.rollback(beforeInsert);
                return false;
            }
            throw e;
        }
    }
}
