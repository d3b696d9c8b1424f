package dev.dreamnet.jdbc.migrate.internal;

import dev.dreamnet.core.hash.Sha256;
import dev.dreamnet.jdbc.Dialect;
import dev.dreamnet.jdbc.migrate.Migration;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A one-row summary of {@code schema_migrations}, computed by the database on each read and never
 * stored (so it cannot go stale, whoever writes the table): the SHA-256 of one line per row in version
 * order, {@code version:checksum} for an applied row and {@code version state} for a dirty one, and the
 * row count. When it equals {@link #of} the migrations at hand, every one of them is applied with its
 * checksum, nothing else is recorded and nothing is dirty: a no-op run learns that from one short row
 * instead of reading them all. Immutable.
 *
 * <p>Exact, not probabilistic beyond SHA-256: lines are split on {@code \n}, and equal counts with no
 * {@code \n} in any local checksum mean no stored checksum holds one either; a local line is digits,
 * {@code :} and the checksum, which a dirty row's line (digits then a space) can never equal.
 */
public record HistoryDigest(String sha256, long rows) {

    private static final Logger LOG = LoggerFactory.getLogger(HistoryDigest.class);
    private static final String LINE = "CASE WHEN state = 'applied' THEN CONCAT(version, ':', checksum)"
            + " ELSE CONCAT(version, ' ', state) END";
    private static final String POSTGRESQL = "SELECT encode(sha256(convert_to(string_agg(" + LINE
            + ", chr(10) ORDER BY version), 'UTF8')), 'hex'), count(*) FROM " + History.TABLE;
    private static final String H2 = "SELECT LOWER(RAWTOHEX(HASH('SHA-256', STRINGTOUTF8(LISTAGG(" + LINE
            + ", CHAR(10)) WITHIN GROUP (ORDER BY version))))), COUNT(*) FROM " + History.TABLE;

    /**
     * The digest of the history as the database sees it now; empty when the table is empty or missing,
     * the database is neither PostgreSQL nor H2, or the query fails (an old PostgreSQL without
     * {@code sha256}, a foreign table): the caller then reads the rows themselves.
     */
    public static Optional<HistoryDigest> read(Connection connection) {
        try {
            String sql = switch (Dialect.of(connection)) {
                case POSTGRESQL -> POSTGRESQL;
                case H2 -> H2;
                case OTHER -> null;
            };
            return sql == null ? Optional.empty() : query(connection, sql);
        } catch (SQLException e) {
            LOG.debug("history digest unavailable, reading every row: {}", e.toString());
            endFailedTransaction(connection);
            return Optional.empty();
        }
    }

    private static Optional<HistoryDigest> query(Connection connection, String sql) throws SQLException {
        try (Statement statement = connection.createStatement(); ResultSet row = statement.executeQuery(sql)) {
            row.next();
            String sha256 = row.getString(1);
            return sha256 == null ? Optional.empty() : Optional.of(new HistoryDigest(sha256, row.getLong(2)));
        }
    }

    /** On PostgreSQL a failed statement outside auto-commit spoils the transaction for the full read after it. */
    private static void endFailedTransaction(Connection connection) {
        try {
            if (!connection.getAutoCommit()) {
                connection.rollback();
            }
        } catch (SQLException e) {
            LOG.debug("rollback after a failed history digest failed: {}", e.toString());
        }
    }

    /**
     * What the digest is when exactly {@code migrations} are applied; empty when a checksum holds a line
     * break (possible for a Java migration), which the comparison could not tell apart.
     */
    public static Optional<HistoryDigest> of(List<Migration> migrations) {
        StringBuilder lines = new StringBuilder(migrations.size() * 80);
        for (Migration migration : migrations) {
            String checksum = migration.checksum();
            if (checksum.indexOf('\n') >= 0) {
                return Optional.empty();
            }
            if (!lines.isEmpty()) {
                lines.append('\n');
            }
            lines.append(migration.version()).append(':').append(checksum);
        }
        return Optional.of(new HistoryDigest(Sha256.hex(lines.toString()), migrations.size()));
    }
}
