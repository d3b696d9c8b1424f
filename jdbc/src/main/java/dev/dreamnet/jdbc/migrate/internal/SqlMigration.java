package dev.dreamnet.jdbc.migrate.internal;

import dev.dreamnet.jdbc.migrate.Migration;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.function.Supplier;

/**
 * A migration read from an {@code .up.sql} file and, optionally, its {@code .down.sql}, which is read
 * only when first needed (a no-op run reads half the files). The checksum is that of the up file.
 * Thread-safe.
 */
public final class SqlMigration implements Migration {

    private final long version;
    private final String name;
    private final SqlScript upScript;
    private final String downLocation;
    private final Supplier<SqlScript> downLoader;
    private volatile SqlScript downScript;

    /** {@code downLocation} and {@code downLoader} are null when there is no down file. */
    SqlMigration(long version, String name, SqlScript upScript, String downLocation, Supplier<SqlScript> downLoader) {
        this.version = version;
        this.name = name;
        this.upScript = upScript;
        this.downLocation = downLocation;
        this.downLoader = downLoader;
    }

    @Override
    public long version() {
        return version;
    }

    @Override
    public String name() {
        return name;
    }

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
        run(connection, script(false));
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
        return downLoader == null || script(false).transactional();
    }

    @Override
    public boolean reversible() {
        return downLoader != null;
    }

    @Override
    public String location() {
        return upScript.location();
    }

    /**
     * The script of one direction, reading the down file on first use.
     *
     * @throws IllegalStateException for {@code down} when there is no down file
     * @throws dev.dreamnet.jdbc.migrate.MigrationException when the down file cannot be read or parsed
     */
    public SqlScript script(boolean isUp) {
        if (isUp) {
            return upScript;
        }
        if (downLoader == null) {
            throw new IllegalStateException(upScript.location() + " has no down file");
        }
        SqlScript loaded = downScript;
        if (loaded == null) {
            loaded = downLoader.get();
            downScript = loaded;
        }
        return loaded;
    }

    /** Where the down file is, or null. */
    public String downLocation() {
        return downLocation;
    }

    @Override
    public String toString() {
        return "V" + version + " " + name + " (" + upScript.location() + ")";
    }
}
