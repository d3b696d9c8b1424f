package dev.dreamnet.runtime.rollouts;

import dev.dreamnet.core.rollout.RolloutConfig;
import dev.dreamnet.core.rollout.RolloutState;
import dev.dreamnet.core.rollout.RolloutStatus;
import dev.dreamnet.core.time.Clock;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import javax.sql.DataSource;

/** Rollouts in the {@code rollouts} table: one row per rollout, its definition and its state. Thread-safe. */
final class RolloutStore {

    private static final String COLUMNS = "steps, bake_time_ms, window_ms, max_error_rate, max_p99_ms, min_requests, "
            + "auto_promote, auto_rollback, significance, latency_tolerance, status, step, percent, step_started_at_ms, "
            + "reason, hash_version, updated_at, latency_effect";

    private final Supplier<DataSource> dataSource;
    private final Clock clock;

    /** {@code clock} stamps each row's {@code updated_at}. */
    RolloutStore(Supplier<DataSource> dataSource, Clock clock) {
        this.dataSource = dataSource;
        this.clock = clock;
    }

    /** A rollout's row; {@code revision} is the shared state version that wrote it (0 outside a fleet). */
    record Row(RolloutConfig config, RolloutState state, long revision) {
    }

    /**
     * In a fleet: writes the rollout's row at {@code revision} only if nobody wrote it since the
     * instance last read it ({@code expected}, or -1 for a rollout it has never seen saved).
     *
     * @return false when another instance changed or created the row meanwhile
     */
    boolean saveIf(Connection c, RolloutConfig config, RolloutState state, long expected, long revision)
            throws SQLException {
        try (PreparedStatement update = c.prepareStatement("UPDATE rollouts SET " + COLUMNS.replace(", ", " = ?, ")
                + " = ?, revision = ? WHERE name = ? AND revision = ?")) {
            int next = bind(update, config, state);
            update.setLong(next, revision);
            update.setString(next + 1, config.name());
            update.setLong(next + 2, expected);
            if (update.executeUpdate() == 1) {
                return true;
            }
        }
        if (expected >= 0) {
            return false;
        }
        try (PreparedStatement exists = c.prepareStatement("SELECT 1 FROM rollouts WHERE name = ?")) {
            exists.setString(1, config.name());
            try (ResultSet r = exists.executeQuery()) {
                if (r.next()) {
                    return false;
                }
            }
        }
        try (PreparedStatement insert = c.prepareStatement("INSERT INTO rollouts (" + COLUMNS + ", revision, name) "
                + "VALUES (" + "?, ".repeat(19) + "?)")) {
            int next = bind(insert, config, state);
            insert.setLong(next, revision);
            insert.setString(next + 1, config.name());
            return insert.executeUpdate() == 1;
        }
    }

    /** The rows written after shared state version {@code after}, to adopt. */
    static List<Row> loadChanged(Connection c, long after) throws SQLException {
        try (PreparedStatement select = c.prepareStatement("SELECT name, " + COLUMNS + ", revision FROM rollouts "
                + "WHERE revision > ? ORDER BY name")) {
            select.setLong(1, after);
            return rows(select);
        }
    }

    /** Writes the rollout's row, creating it the first time. */
    boolean save(RolloutConfig config, RolloutState state) throws SQLException {
        try (Connection c = dataSource.get().getConnection()) {
            try (PreparedStatement update = c.prepareStatement("UPDATE rollouts SET "
                    + COLUMNS.replace(", ", " = ?, ") + " = ? WHERE name = ?")) {
                int next = bind(update, config, state);
                update.setString(next, config.name());
                if (update.executeUpdate() == 1) {
                    return true;
                }
            }
            try (PreparedStatement insert = c.prepareStatement("INSERT INTO rollouts (" + COLUMNS + ", name) VALUES ("
                    + "?, ".repeat(18) + "?)")) {
                int next = bind(insert, config, state);
                insert.setString(next, config.name());
                return insert.executeUpdate() == 1;
            }
        }
    }

    private int bind(PreparedStatement s, RolloutConfig config, RolloutState state) throws SQLException {
        s.setString(1, config.steps().stream().map(RolloutStore::number).collect(Collectors.joining(",")));
        s.setLong(2, config.bakeTime().toMillis());
        s.setLong(3, config.window().toMillis());
        s.setDouble(4, config.maxErrorRate());
        s.setLong(5, config.maxP99().toMillis());
        s.setInt(6, config.minRequests());
        s.setBoolean(7, config.autoPromote());
        s.setBoolean(8, config.autoRollback());
        s.setDouble(9, config.significance());
        s.setDouble(10, config.latencyTolerance());
        s.setString(11, state.status().name());
        s.setInt(12, state.step());
        s.setDouble(13, state.percent());
        s.setLong(14, state.stepStartedAtMillis());
        s.setString(15, state.reason().length() > 1000 ? state.reason().substring(0, 1000) : state.reason());
        s.setInt(16, state.hashVersion());
        s.setTimestamp(17, new Timestamp(clock.wallMillis()));
        s.setDouble(18, config.latencyEffect());
        return 19;
    }

    List<Row> loadAll() throws SQLException {
        try (Connection c = dataSource.get().getConnection();
             PreparedStatement select = c.prepareStatement("SELECT name, " + COLUMNS + ", revision FROM rollouts "
                     + "ORDER BY name")) {
            return rows(select);
        }
    }

    private static List<Row> rows(PreparedStatement select) throws SQLException {
        try (ResultSet rows = select.executeQuery()) {
            List<Row> all = new ArrayList<>();
            while (rows.next()) {
                all.add(row(rows));
            }
            return all;
        }
    }

    private static Row row(ResultSet r) throws SQLException {
        String name = r.getString("name");
        RolloutConfig config = RolloutConfig.builder(name)
                .steps(Arrays.stream(r.getString("steps").split(",")).map(Double::valueOf).toList())
                .bakeTime(Duration.ofMillis(r.getLong("bake_time_ms"))).window(Duration.ofMillis(r.getLong("window_ms")))
                .maxErrorRate(r.getDouble("max_error_rate")).maxP99(Duration.ofMillis(r.getLong("max_p99_ms")))
                .minRequests(r.getInt("min_requests")).autoPromote(r.getBoolean("auto_promote"))
                .autoRollback(r.getBoolean("auto_rollback")).significance(r.getDouble("significance"))
                .latencyTolerance(r.getDouble("latency_tolerance")).latencyEffect(r.getDouble("latency_effect")).build();
        RolloutState state = new RolloutState(name, RolloutStatus.valueOf(r.getString("status")), r.getInt("step"),
                r.getDouble("percent"), r.getLong("step_started_at_ms"), r.getString("reason"), r.getInt("hash_version"));
        return new Row(config, state, r.getLong("revision"));
    }

    private static String number(double value) {
        return value == Math.rint(value) ? Long.toString((long) value) : Double.toString(value);
    }
}
