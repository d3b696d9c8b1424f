package dev.dreamnet.jdbc.queue.internal;

import dev.dreamnet.core.queue.QueueSpec;
import dev.dreamnet.core.queue.QueueStats;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/** Counts a queue's messages by state, and its dead letters. Stateless. */
public final class StatsQuery {

    private StatsQuery() {
    }

    /** The stats of {@code spec}'s queue at {@code nowMillis}; a lease that has expired counts as ready. */
    public static QueueStats of(Connection connection, QueueSpec spec, long nowMillis) throws SQLException {
        long depth;
        long retrying;
        long inFlight;
        try (PreparedStatement select = connection.prepareStatement("SELECT "
                + "COALESCE(SUM(CASE WHEN available_at <= ? THEN 1 ELSE 0 END), 0), "
                + "COALESCE(SUM(CASE WHEN available_at > ? AND lease_token IS NULL THEN 1 ELSE 0 END), 0), "
                + "COALESCE(SUM(CASE WHEN available_at > ? AND lease_token IS NOT NULL THEN 1 ELSE 0 END), 0) "
                + "FROM dreamnet_queue_messages WHERE queue = ?")) {
            select.setLong(1, nowMillis);
            select.setLong(2, nowMillis);
            select.setLong(3, nowMillis);
            select.setString(4, spec.name());
            try (ResultSet row = select.executeQuery()) {
                row.next();
                depth = row.getLong(1);
                retrying = row.getLong(2);
                inFlight = row.getLong(3);
            }
        }
        return new QueueStats(spec.name(), depth, retrying, inFlight, count(connection,
                "SELECT COUNT(*) FROM dreamnet_dead_letters WHERE dead_letter_queue = ?", spec.deadLetterQueue()),
                count(connection, "SELECT dead_lettered_total FROM dreamnet_queues WHERE name = ?", spec.name()));
    }

    private static long count(Connection connection, String sql, String name) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(sql)) {
            select.setString(1, name);
            try (ResultSet row = select.executeQuery()) {
                return row.next() ? row.getLong(1) : 0;
            }
        }
    }
}
