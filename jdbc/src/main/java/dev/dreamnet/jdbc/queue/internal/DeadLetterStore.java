package dev.dreamnet.jdbc.queue.internal;

import dev.dreamnet.core.queue.DeadLetter;
import dev.dreamnet.core.queue.QueueSpec;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The statements on {@code dreamnet_dead_letters}: messages that failed every attempt, kept with
 * their last error until an operator deals with them. Stateless.
 */
public final class DeadLetterStore {

    private DeadLetterStore() {
    }

    /**
     * Moves a leased message to the dead letters and counts it on its queue, in the caller's
     * transaction; false (and nothing done) if the caller no longer holds the lease.
     */
    public static boolean move(Connection connection, QueueSpec spec, Claimed claimed, int attempts, String lastError,
            long nowMillis)
            throws SQLException {
        if (!MessageStore.delete(connection, claimed)) {
            return false;
        }
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO dreamnet_dead_letters (id, queue, "
                + "dead_letter_queue, payload, attempts, last_error, published_at, dead_lettered_at) "
                + "VALUES (?, ?, ?, ?, ?, ?, ?, ?)");
             PreparedStatement count = connection.prepareStatement(
                     "UPDATE dreamnet_queues SET dead_lettered_total = dead_lettered_total + 1 WHERE name = ?")) {
            insert.setLong(1, claimed.id());
            insert.setString(2, spec.name());
            insert.setString(3, spec.deadLetterQueue());
            insert.setBytes(4, claimed.payload());
            insert.setInt(5, attempts);
            insert.setString(6, lastError);
            insert.setLong(7, claimed.publishedAt());
            insert.setLong(8, nowMillis);
            insert.executeUpdate();
            count.setString(1, spec.name());
            count.executeUpdate();
        }
        return true;
    }

    /** Up to {@code limit} dead letters of {@code queue}, oldest first. */
    public static List<DeadLetter> list(Connection connection, String queue, int limit) throws SQLException {
        List<DeadLetter> letters = new ArrayList<>();
        try (PreparedStatement select = connection.prepareStatement("SELECT id, payload, attempts, last_error, "
                + "dead_lettered_at FROM dreamnet_dead_letters WHERE queue = ? ORDER BY id LIMIT ?")) {
            select.setString(1, queue);
            select.setInt(2, limit);
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    letters.add(new DeadLetter(Long.toString(rows.getLong(1)), queue, rows.getBytes(2), rows.getInt(3),
                            rows.getString(4), Instant.ofEpochMilli(rows.getLong(5))));
                }
            }
        }
        return letters;
    }
}
