package dev.dreamnet.jdbc.migrate.internal;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/** The lock row used where there are no advisory locks: {@code schema_migrations_lock}, id 1. Stateless. */
final class LockRow {

    static final String TABLE = "schema_migrations_lock";

    private LockRow() {
    }

    /** Creates the table and its row if missing; tolerates another migrator doing the same at once. */
    static void ensure(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute("CREATE TABLE IF NOT EXISTS " + TABLE + " (id INT NOT NULL PRIMARY KEY)");
        } catch (SQLException e) {
            if (!exists(connection)) {
                throw e;
            }
        }
        try (Statement statement = connection.createStatement()) {
            statement.executeUpdate("INSERT INTO " + TABLE + " (id) SELECT 1 WHERE NOT EXISTS (SELECT id FROM "
                    + TABLE + " WHERE id = 1)");
        } catch (SQLException e) {
            if (!"23505".equals(e.getSQLState())) {
                throw e;
            }
        }
    }

    private static boolean exists(Connection connection) {
        try (Statement statement = connection.createStatement()) {
            statement.executeQuery("SELECT id FROM " + TABLE + " WHERE id = 1").close();
            return true;
        } catch (SQLException e) {
            return false;
        }
    }

    static void lock(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement();
             ResultSet row = statement.executeQuery("SELECT id FROM " + TABLE + " WHERE id = 1 FOR UPDATE")) {
            row.next();
        }
    }

    static int h2Timeout(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement();
             ResultSet row = statement.executeQuery("CALL LOCK_TIMEOUT()")) {
            row.next();
            return row.getInt(1);
        }
    }

    static void setH2Timeout(Connection connection, int millis) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute("SET LOCK_TIMEOUT " + millis);
        }
    }
}
