package dev.dreamnet.jdbc.queue.internal;

import dev.dreamnet.core.queue.QueueSpec;
import dev.dreamnet.jdbc.Dialect;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The statements on {@code dreamnet_queue_messages}. A message is claimable when its
 * {@code available_at} has passed: claiming leases it (a fresh {@code lease_token}, invisible until
 * the visibility timeout passes); acknowledging deletes it and failing it makes it available again
 * after the redelivery delay, both only while the lease is still the caller's. Stateless.
 */
public final class MessageStore {

    private static final String COLUMNS = "id, payload, attempts, lease_token, published_at";
    private static final int CANDIDATES = 8;

    private MessageStore() {
    }

    /** Inserts one message per payload, available now. */
    public static void insert(Connection connection, String queue, List<byte[]> payloads, long nowMillis)
            throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO dreamnet_queue_messages "
                + "(queue, payload, attempts, available_at, published_at) VALUES (?, ?, 0, ?, ?)")) {
            for (byte[] payload : payloads) {
                insert.setString(1, queue);
                insert.setBytes(2, payload);
                insert.setLong(3, nowMillis);
                insert.setLong(4, nowMillis);
                insert.addBatch();
            }
            insert.executeBatch();
        }
    }

    /**
     * Locks the oldest claimable message of {@code spec}'s queue, skipping rows other consumers
     * hold locked, and leases it; in the caller's transaction. The claim counts an attempt.
     */
    public static Optional<Claimed> claim(Connection connection, Dialect dialect, QueueSpec spec, long nowMillis)
            throws SQLException {
        if (dialect == Dialect.POSTGRESQL) {
            return lockAndLease(connection, spec, nowMillis, "SELECT " + COLUMNS + " FROM dreamnet_queue_messages "
                    + "WHERE queue = ? AND available_at <= ? ORDER BY available_at, id LIMIT 1 FOR UPDATE SKIP LOCKED",
                    null);
        }
        // H2 sorts whenever FOR UPDATE is given and then locks every row the query matched, not just the first:
        // consumers would take turns. So read the first candidates in index order without locking, then lock them
        // one by one by id, skipping those another consumer holds.
        for (long id : candidates(connection, spec, nowMillis)) {
            Optional<Claimed> claimed = lockAndLease(connection, spec, nowMillis, "SELECT " + COLUMNS
                    + " FROM dreamnet_queue_messages WHERE queue = ? AND available_at <= ? AND id = ? "
                    + "FOR UPDATE SKIP LOCKED", id);
            if (claimed.isPresent()) {
                return claimed;
            }
        }
        return Optional.empty();
    }

    private static List<Long> candidates(Connection connection, QueueSpec spec, long nowMillis) throws SQLException {
        List<Long> ids = new ArrayList<>(CANDIDATES);
        try (PreparedStatement select = connection.prepareStatement("SELECT id FROM dreamnet_queue_messages "
                + "WHERE queue = ? AND available_at <= ? ORDER BY queue, available_at, id LIMIT " + CANDIDATES)) {
            select.setString(1, spec.name());
            select.setLong(2, nowMillis);
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    ids.add(rows.getLong(1));
                }
            }
        }
        return ids;
    }

    private static Optional<Claimed> lockAndLease(Connection connection, QueueSpec spec, long nowMillis, String sql,
                                                  Long id) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(sql)) {
            select.setString(1, spec.name());
            select.setLong(2, nowMillis);
            if (id != null) {
                select.setLong(3, id);
            }
            try (ResultSet row = select.executeQuery()) {
                if (!row.next()) {
                    return Optional.empty();
                }
                Claimed claimed = new Claimed(row.getLong(1), row.getBytes(2), row.getInt(3) + 1,
                        UUID.randomUUID().toString(), row.getLong(5), row.getString(4) != null);
                return lease(connection, claimed, nowMillis, nowMillis + spec.visibilityTimeout().toMillis())
                        ? Optional.of(claimed) : Optional.empty();
            }
        }
    }

    /** Leases the locked row; the condition is checked again on the latest version, in case it moved meanwhile. */
    private static boolean lease(Connection connection, Claimed claimed, long nowMillis, long untilMillis)
            throws SQLException {
        try (PreparedStatement update = connection.prepareStatement("UPDATE dreamnet_queue_messages "
                + "SET attempts = ?, available_at = ?, lease_token = ? WHERE id = ? AND available_at <= ?")) {
            update.setInt(1, claimed.attempt());
            update.setLong(2, untilMillis);
            update.setString(3, claimed.leaseToken());
            update.setLong(4, claimed.id());
            update.setLong(5, nowMillis);
            return update.executeUpdate() == 1;
        }
    }

    /** Deletes the message if the caller still holds its lease; returns whether it did. */
    public static boolean delete(Connection connection, Claimed claimed) throws SQLException {
        try (PreparedStatement delete = connection.prepareStatement(
                "DELETE FROM dreamnet_queue_messages WHERE id = ? AND lease_token = ?")) {
            delete.setLong(1, claimed.id());
            delete.setString(2, claimed.leaseToken());
            return delete.executeUpdate() == 1;
        }
    }

    /** Releases the lease and makes the message available at {@code availableAt}; false if the lease was lost. */
    public static boolean release(Connection connection, Claimed claimed, long availableAt, String lastError)
            throws SQLException {
        try (PreparedStatement update = connection.prepareStatement("UPDATE dreamnet_queue_messages "
                + "SET available_at = ?, lease_token = NULL, last_error = ? WHERE id = ? AND lease_token = ?")) {
            update.setLong(1, availableAt);
            update.setString(2, lastError);
            update.setLong(3, claimed.id());
            update.setString(4, claimed.leaseToken());
            return update.executeUpdate() == 1;
        }
    }
}
