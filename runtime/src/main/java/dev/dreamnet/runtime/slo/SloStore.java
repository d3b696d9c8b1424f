package dev.dreamnet.runtime.slo;

import dev.dreamnet.core.slo.Counts;
import dev.dreamnet.core.slo.MinuteCounts;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import javax.sql.DataSource;

/**
 * The {@code slo_minutes} table: each instance adds its good and bad counts to its own row per objective and minute,
 * and every instance reads the sums over all of them, so the budget is the fleet's and survives restarts. Works on
 * H2 and PostgreSQL (an update, then an insert for the rows that were not there: each instance writes only its own
 * rows, from one thread). Thread-safe (each call uses its own connection).
 */
public final class SloStore {

    private final Supplier<DataSource> dataSource;
    private final String instance;

    public SloStore(Supplier<DataSource> dataSource, String instance) {
        this.dataSource = dataSource;
        this.instance = instance;
    }

    /** Adds {@code minutes} ({minute: [good, bad]}) to this instance's rows of {@code slo}, in one transaction. */
    public void add(String slo, Map<Long, long[]> minutes) throws SQLException {
        if (minutes.isEmpty()) {
            return;
        }
        try (Connection c = dataSource.get().getConnection()) {
            boolean autoCommit = c.getAutoCommit();
            c.setAutoCommit(false);
            try {
                List<Long> missing = update(c, slo, minutes);
                insert(c, slo, minutes, missing);
                c.commit();
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            } finally {
                c.setAutoCommit(autoCommit);
            }
        }
    }

    private List<Long> update(Connection c, String slo, Map<Long, long[]> minutes) throws SQLException {
        List<Long> order = new ArrayList<>(minutes.keySet());
        try (PreparedStatement update = c.prepareStatement("UPDATE slo_minutes SET good = good + ?, bad = bad + ? "
                + "WHERE slo = ? AND instance_id = ? AND at_minute = ?")) {
            for (long minute : order) {
                long[] counts = minutes.get(minute);
                update.setLong(1, counts[0]);
                update.setLong(2, counts[1]);
                update.setString(3, slo);
                update.setString(4, instance);
                update.setLong(5, minute);
                update.addBatch();
            }
            int[] updated = update.executeBatch();
            List<Long> missing = new ArrayList<>();
            for (int i = 0; i < updated.length; i++) {
                if (updated[i] == 0) {
                    missing.add(order.get(i));
                }
            }
            return missing;
        }
    }

    private void insert(Connection c, String slo, Map<Long, long[]> minutes, List<Long> missing) throws SQLException {
        if (missing.isEmpty()) {
            return;
        }
        try (PreparedStatement insert = c.prepareStatement("INSERT INTO slo_minutes (slo, instance_id, at_minute, good, "
                + "bad) VALUES (?, ?, ?, ?, ?)")) {
            for (long minute : missing) {
                insert.setString(1, slo);
                insert.setString(2, instance);
                insert.setLong(3, minute);
                insert.setLong(4, minutes.get(minute)[0]);
                insert.setLong(5, minutes.get(minute)[1]);
                insert.addBatch();
            }
            insert.executeBatch();
        }
    }

    /** The fleet's counts of {@code slo} over each of {@code windows} ending in minute {@code now}, in one query. */
    public Map<Duration, Counts> sums(String slo, long now, List<Duration> windows) throws SQLException {
        StringBuilder sql = new StringBuilder("SELECT ");
        for (int i = 0; i < windows.size(); i++) {
            sql.append(i == 0 ? "" : ", ").append("COALESCE(SUM(CASE WHEN at_minute >= ? THEN good ELSE 0 END), 0), ")
                    .append("COALESCE(SUM(CASE WHEN at_minute >= ? THEN bad ELSE 0 END), 0)");
        }
        sql.append(" FROM slo_minutes WHERE slo = ? AND at_minute >= ? AND at_minute <= ?");
        long oldest = now;
        try (Connection c = dataSource.get().getConnection();
             PreparedStatement select = c.prepareStatement(sql.toString())) {
            int p = 1;
            for (Duration window : windows) {
                long first = MinuteCounts.firstMinute(now, window);
                oldest = Math.min(oldest, first);
                select.setLong(p++, first);
                select.setLong(p++, first);
            }
            select.setString(p++, slo);
            select.setLong(p++, oldest);
            select.setLong(p, now);
            try (ResultSet row = select.executeQuery()) {
                row.next();
                Map<Duration, Counts> sums = new LinkedHashMap<>();
                for (int i = 0; i < windows.size(); i++) {
                    sums.put(windows.get(i), new Counts(row.getLong(2 * i + 1), row.getLong(2 * i + 2)));
                }
                return sums;
            }
        }
    }

    /** Deletes every instance's rows of {@code slo} before minute {@code first}; returns how many. */
    public int deleteBefore(String slo, long first) throws SQLException {
        try (Connection c = dataSource.get().getConnection();
             PreparedStatement delete = c.prepareStatement("DELETE FROM slo_minutes WHERE slo = ? AND at_minute < ?")) {
            delete.setString(1, slo);
            delete.setLong(2, first);
            return delete.executeUpdate();
        }
    }
}
