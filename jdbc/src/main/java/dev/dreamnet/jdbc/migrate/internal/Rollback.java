package dev.dreamnet.jdbc.migrate.internal;

import dev.dreamnet.jdbc.migrate.ChecksumMismatchException;
import dev.dreamnet.jdbc.migrate.DirtyMigrationException;
import dev.dreamnet.jdbc.migrate.Migration;
import dev.dreamnet.jdbc.migrate.MigrationException;
import dev.dreamnet.jdbc.migrate.MigrationInfo;
import dev.dreamnet.jdbc.migrate.MigrationState;
import java.util.ArrayList;
import java.util.List;

/** Decides what {@code down(target)} reverts, refusing up front whatever would stop it half-way. Stateless. */
final class Rollback {

    private Rollback() {
    }

    /** The migrations to revert, highest version first. */
    static List<Migration> checked(Plan plan, long target) {
        List<MigrationInfo> dirty = plan.inState(MigrationState.DIRTY);
        if (!dirty.isEmpty()) {
            throw new DirtyMigrationException(dirty);
        }
        List<Migration> toRevert = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        for (HistoryRow row : plan.appliedAbove(target)) {
            Migration migration = plan.migration(row.version());
            if (migration == null) {
                problems.add("V" + row.version() + " " + row.name() + " was applied but is not known here");
            } else if (!migration.reversible()) {
                problems.add("V" + row.version() + " " + row.name() + " has no down step (no "
                        + downFileOf(migration) + ")");
            } else {
                problems.addAll(unreadableDown(migration));
                toRevert.add(migration);
            }
        }
        if (!problems.isEmpty()) {
            throw new MigrationException("cannot roll back to V" + target + ", nothing was changed: "
                    + String.join("; ", problems));
        }
        List<MigrationInfo> changed = plan.inState(MigrationState.CHANGED).stream()
                .filter(info -> info.version() > target).toList();
        if (!changed.isEmpty()) {
            throw new ChecksumMismatchException(changed);
        }
        return toRevert;
    }

    /** Reads a SQL down file now, so a bad one stops the rollback before anything runs. */
    private static List<String> unreadableDown(Migration migration) {
        if (migration instanceof SqlMigration sql) {
            try {
                sql.script(false);
            } catch (MigrationException e) {
                return List.of(e.getMessage());
            }
        }
        return List.of();
    }

    private static String downFileOf(Migration migration) {
        String location = migration.location();
        return location.endsWith(".up.sql")
                ? location.substring(0, location.length() - ".up.sql".length()) + ".down.sql"
                : "down step in " + location;
    }
}
