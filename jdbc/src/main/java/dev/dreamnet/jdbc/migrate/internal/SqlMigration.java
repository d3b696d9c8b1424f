package dev.dreamnet.jdbc.migrate.internal;

import dev.dreamnet.jdbc.migrate.Migration;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * A migration read from an {@code .up.sql} file and, optionally, its {@code .down.sql}. The checksum
 * is that of the up file. Immutable and thread-safe.
 *
 * @param downScript null when there is no down file
 */
public record SqlMigration(long version, String name, SqlScript upScript, SqlScript downScript) implements Migration {

    @Override
    public String checksum() {
        return upScript.checksum();
    }

    @Override
    public void up(Connection connection) throws SQLException {
        run(connection, upScript);
    }

    @Override
    public void down(Connection connection) throws SQLException {
        if (downScript == null) {
            throw new IllegalStateException(upScript.location() + " has no down file");
        }
        run(connection, downScript);
    }

    private static void run(Connection connection, SqlScript script) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            for (String sql : script.statements()) {
                statement.execute(sql);
            }
        }
    }

    @Override
    public boolean transactional() {
        return upScript.transactional();
    }

    @Override
    public boolean downTransactional() {
        return downScript == null || downScript.transactional();
    }

    @Override
    public boolean reversible() {
        return downScript != null;
    }

    @Override
    public String location() {
        return upScript.location();
    }

    /** The script of one direction; null for {@code down} when there is no down file. */
    public SqlScript script(boolean isUp) {
        return isUp ? upScript : downScript;
    }
}
