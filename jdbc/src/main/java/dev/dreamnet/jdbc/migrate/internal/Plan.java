package dev.dreamnet.jdbc.migrate.internal;

import dev.dreamnet.jdbc.migrate.Migration;
import dev.dreamnet.jdbc.migrate.MigrationInfo;
import dev.dreamnet.jdbc.migrate.MigrationState;
import dev.dreamnet.jdbc.migrate.MigrationStatus;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Compares the migrations at hand with the history rows, with no database access: the state of each,
 * what is pending, what blocks a run. Immutable.
 */
public final class Plan {

    private final Map<Long, Migration> migrations;
    private final Map<Long, HistoryRow> rows;
    private final MigrationStatus status;

    public Plan(List<Migration> migrations, List<HistoryRow> rows) {
        this.migrations = migrations.stream()
                .collect(Collectors.toMap(Migration::version, Function.identity(), (a, b) -> a, TreeMap::new));
        this.rows = rows.stream()
                .collect(Collectors.toMap(HistoryRow::version, Function.identity(), (a, b) -> a, TreeMap::new));
        this.status = computeStatus();
    }

    /** The migrations at hand, in version order. */
    public List<Migration> migrations() {
        return List.copyOf(migrations.values());
    }

    public MigrationStatus status() {
        return status;
    }

    /** The migrations not applied yet, in version order. */
    public List<Migration> pending() {
        return migrations.values().stream().filter(m -> !rows.containsKey(m.version())).toList();
    }

    /** The applied migrations above {@code target}, highest first: what {@code down(target)} undoes. */
    public List<HistoryRow> appliedAbove(long target) {
        return rows.values().stream().filter(row -> row.version() > target)
                .sorted(Comparator.comparingLong(HistoryRow::version).reversed()).toList();
    }

    /** The history row of {@code version}, or null when it is not applied. */
    public HistoryRow row(long version) {
        return rows.get(version);
    }

    public Migration migration(long version) {
        return migrations.get(version);
    }

    public List<MigrationInfo> inState(MigrationState state) {
        return status.inState(state);
    }

    private MigrationStatus computeStatus() {
        List<MigrationInfo> infos = new ArrayList<>();
        TreeMap<Long, Object> versions = new TreeMap<>();
        migrations.keySet().forEach(v -> versions.put(v, v));
        rows.keySet().forEach(v -> versions.put(v, v));
        for (long version : versions.keySet()) {
            infos.add(info(migrations.get(version), rows.get(version)));
        }
        return new MigrationStatus(infos);
    }

    private static MigrationInfo info(Migration migration, HistoryRow row) {
        if (row == null) {
            return new MigrationInfo(migration.version(), migration.name(), MigrationState.PENDING,
                    migration.location(), migration.checksum(), null, null, null, null, "not applied yet");
        }
        String location = migration == null ? null : migration.location();
        String checksum = migration == null ? null : migration.checksum();
        MigrationState state;
        String detail;
        if (row.dirty()) {
            state = MigrationState.DIRTY;
            detail = (HistoryRow.DIRTY_UP.equals(row.state()) ? "up" : "down")
                    + " step started by " + row.appliedBy() + " and never finished";
        } else if (migration == null) {
            state = MigrationState.MISSING;
            detail = "applied, but no such migration is known here";
        } else if (!migration.checksum().equals(row.checksum())) {
            state = MigrationState.CHANGED;
            detail = "applied with " + row.checksum() + ", file is now " + migration.checksum();
        } else {
            state = MigrationState.APPLIED;
            detail = "applied";
        }
        return new MigrationInfo(row.version(), row.name(), state, location, checksum, row.checksum(),
                row.appliedAt(), row.durationMs(), row.appliedBy(), detail);
    }
}
