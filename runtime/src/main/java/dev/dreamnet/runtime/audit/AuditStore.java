package dev.dreamnet.runtime.audit;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import javax.sql.DataSource;

/** The {@code audit_log} table (created by {@code ToolkitSchema}): the audit log's one place of SQL. Thread-safe. */
final class AuditStore {

    private final Supplier<DataSource> dataSource;

    AuditStore(Supplier<DataSource> dataSource) {
        this.dataSource = dataSource;
    }

    AuditEntry insert(AuditEntry e) throws SQLException {
        try (Connection connection = dataSource.get().getConnection()) {
            return insert(connection, e);
        }
    }

    static AuditEntry insert(Connection connection, AuditEntry entry) throws SQLException {
        AuditEntry e = fitted(entry);
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO audit_log "
                + "(at, actor, action, target, before_state, after_state, reason) VALUES (?, ?, ?, ?, ?, ?, ?)",
                new String[] {"id"})) {
            insert.setTimestamp(1, Timestamp.from(e.at()));
            insert.setString(2, e.actor());
            insert.setString(3, e.action());
            insert.setString(4, e.target());
            insert.setString(5, e.before());
            insert.setString(6, e.after());
            insert.setString(7, e.reason());
            insert.executeUpdate();
            try (ResultSet keys = insert.getGeneratedKeys()) {
                keys.next();
                return new AuditEntry(keys.getLong(1), e.at(), e.actor(), e.action(), e.target(), e.before(),
                        e.after(), e.reason());
            }
        }
    }

    /**
     * {@code e} as its columns hold it: a text longer than its column (a flag state listing many overrides) is cut,
     * saying how much was cut, rather than the whole entry refused by the database.
     */
    static AuditEntry fitted(AuditEntry e) {
        return new AuditEntry(e.id(), e.at(), fit(e.actor(), 200), fit(e.action(), 100), fit(e.target(), 200),
                fit(e.before(), 400), fit(e.after(), 400), fit(e.reason(), AuditReason.MAX));
    }

    static String fit(String text, int column) {
        if (text == null || text.length() <= column) {
            return text;
        }
        String cut = " ... (" + text.length() + " characters in all)";
        int keep = column - cut.length();
        if (keep > 0 && Character.isHighSurrogate(text.charAt(keep - 1))) {
            keep--;
        }
        return text.substring(0, keep) + cut;
    }

    /** The newest entries first, at most {@code limit}. */
    List<AuditEntry> recent(int limit) throws SQLException {
        try (Connection connection = dataSource.get().getConnection();
             PreparedStatement select = connection.prepareStatement("SELECT id, at, actor, action, target, "
                     + "before_state, after_state, reason FROM audit_log ORDER BY id DESC LIMIT ?")) {
            select.setInt(1, limit);
            try (ResultSet rows = select.executeQuery()) {
                List<AuditEntry> entries = new ArrayList<>();
                while (rows.next()) {
                    entries.add(new AuditEntry(rows.getLong(1), rows.getTimestamp(2).toInstant(), rows.getString(3),
                            rows.getString(4), rows.getString(5), rows.getString(6), rows.getString(7),
                            rows.getString(8)));
                }
                return entries;
            }
        }
    }
}
