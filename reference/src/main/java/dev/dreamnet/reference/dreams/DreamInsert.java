package dev.dreamnet.reference.dreams;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;

/**
 * One new dream's INSERT, safe to run again after a run whose answer was lost: the first run takes
 * an id from the table's identity, every later run inserts under that same id, so the primary key
 * refuses a second copy ({@link #isCopyOfEarlierRun}) and a run whose COMMIT was lost cannot leave
 * two rows. Not thread-safe: one per write, run by one thread at a time.
 */
final class DreamInsert {

    /** SQLState of a duplicate key, the same on H2 and PostgreSQL. */
    private static final String UNIQUE_VIOLATION = "23505";

    private final String title;
    private final String body;
    private final Timestamp createdAt;
    private Long id;

    DreamInsert(String title, String body, Timestamp createdAt) {
        this.title = title;
        this.body = body;
        this.createdAt = createdAt;
    }

    Dream run(Connection connection) throws SQLException {
        if (id == null) {
            id = insertNew(connection);
        } else {
            insertAgain(connection);
        }
        return dream();
    }

    /** True when {@code failure} is the primary key refusing a later run: an earlier run committed this dream. */
    boolean isCopyOfEarlierRun(SQLException failure) {
        return id != null && UNIQUE_VIOLATION.equals(failure.getSQLState());
    }

    Dream dream() {
        return new Dream(id, title, body, createdAt.toInstant());
    }

    private long insertNew(Connection connection) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement(
                "INSERT INTO dreams (title, body, created_at) VALUES (?, ?, ?)", new String[] {"id"})) {
            bind(insert, 1);
            insert.executeUpdate();
            try (ResultSet keys = insert.getGeneratedKeys()) {
                keys.next();
                return keys.getLong(1);
            }
        }
    }

    private void insertAgain(Connection connection) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement(
                "INSERT INTO dreams (id, title, body, created_at) VALUES (?, ?, ?, ?)")) {
            insert.setLong(1, id);
            bind(insert, 2);
            insert.executeUpdate();
        }
    }

    private void bind(PreparedStatement insert, int first) throws SQLException {
        insert.setString(first, title);
        insert.setString(first + 1, body);
        insert.setTimestamp(first + 2, createdAt);
    }
}
