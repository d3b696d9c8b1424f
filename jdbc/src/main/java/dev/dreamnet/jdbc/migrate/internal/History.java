package dev.dreamnet.jdbc.migrate.internal;

import dev.dreamnet.jdbc.migrate.Migration;
import dev.dreamnet.jdbc.migrate.MigrationException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Reads and writes the {@code schema_migrations} table on the connection it is given, in whatever
 * transaction that connection is in. The SQL is valid on PostgreSQL and H2. Stateless and thread-safe.
 */
public final class History {

    public static final String TABLE = "schema_migrations";
    private static final String CREATE = "CREATE TABLE IF NOT EXISTS " + TABLE + " ("
            + "version BIGINT NOT NULL PRIMARY KEY, name VARCHAR(200) NOT NULL, checksum VARCHAR(200) NOT NULL, "
            + "applied_at TIMESTAMP WITH TIME ZONE NOT NULL, duration_ms BIGINT NOT NULL, "
            + "applied_by VARCHAR(200) NOT NULL, state VARCHAR(16) NOT NULL)";
    private static final String SELECT = "SELECT version, name, checksum, applied_at, duration_ms, applied_by, state"
            + " FROM " + TABLE + " ORDER BY version";
    private static final String INSERT = "INSERT INTO " + TABLE
            + " (version, name, checksum, applied_at, duration_ms, applied_by, state) VALUES (?, ?, ?, ?, ?, ?, ?)";
    private static final Set<String> MISSING_TABLE_STATES = Set.of("42P01", "42S02", "42S04");
    private static final Set<String> FOREIGN_TABLE_STATES = Set.of("42703", "42S22", "42122");

    private History() {
    }

    /** The rows in version order, or empty when the table does not exist yet. */
    public static Optional<List<HistoryRow>> read(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement(); ResultSet rows = statement.executeQuery(SELECT)) {
            List<HistoryRow> result = new ArrayList<>();
            while (rows.next()) {
                OffsetDateTime at = rows.getObject(4, OffsetDateTime.class);
                result.add(new HistoryRow(rows.getLong(1), rows.getString(2), rows.getString(3), at.toInstant(),
                        rows.getLong(5), rows.getString(6), rows.getString(7)));
            }
            return Optional.of(result);
        } catch (SQLException e) {
            if (MISSING_TABLE_STATES.contains(e.getSQLState())) {
                return Optional.empty();
            }
            if (FOREIGN_TABLE_STATES.contains(e.getSQLState())) {
                throw new MigrationException(TABLE + " exists but not with the columns this migrator writes (made by"
                        + " another migration tool?): " + Steps.firstLine(e), e);
            }
            throw e;
        }
    }

    public static void create(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute(CREATE);
        }
    }

    public static void insert(Connection connection, Migration migration, long appliedAtMillis, long durationMs,
                              String appliedBy, String state) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement(INSERT)) {
            insert.setLong(1, migration.version());
            insert.setString(2, migration.name());
            insert.setString(3, migration.checksum());
            insert.setObject(4, OffsetDateTime.ofInstant(Instant.ofEpochMilli(appliedAtMillis), ZoneOffset.UTC));
            insert.setLong(5, durationMs);
            insert.setString(6, appliedBy);
            insert.setString(7, state);
            insert.executeUpdate();
        }
    }

    /** Sets the state (and duration) of {@code version}'s row. */
    public static void setState(Connection connection, long version, String state, long durationMs)
            throws SQLException {
        update(connection, "UPDATE " + TABLE + " SET state = ?, duration_ms = ? WHERE version = ?",
                state, durationMs, version);
    }

    public static void setChecksum(Connection connection, long version, String checksum) throws SQLException {
        update(connection, "UPDATE " + TABLE + " SET checksum = ? WHERE version = ?", checksum, version);
    }

    public static void delete(Connection connection, long version) throws SQLException {
        update(connection, "DELETE FROM " + TABLE + " WHERE version = ?", version);
    }

    private static void update(Connection connection, String sql, Object... values) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < values.length; i++) {
                statement.setObject(i + 1, values[i]);
            }
            statement.executeUpdate();
        }
    }
}
