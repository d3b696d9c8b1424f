package dev.dreamnet.jdbc.migrate.internal;

import dev.dreamnet.jdbc.migrate.DirtyAction;
import dev.dreamnet.jdbc.migrate.Migration;
import dev.dreamnet.jdbc.migrate.MigrationInfo;
import dev.dreamnet.jdbc.migrate.MigrationState;
import dev.dreamnet.jdbc.migrate.RepairResult;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * Rewrites history rows, in one transaction, without running any migration: re-records checksums of
 * changed migrations and resolves dirty marks. Stateless.
 */
final class Repair {

    private Repair() {
    }

    static RepairResult run(Connection connection, Plan plan, DirtyAction action) throws SQLException {
        List<String> changes = new ArrayList<>();
        connection.setAutoCommit(false);
        try {
            for (MigrationInfo info : plan.status().migrations()) {
                if (info.state() == MigrationState.DIRTY) {
                    changes.add(resolveDirty(connection, plan, info, action));
                } else if (info.state() == MigrationState.CHANGED) {
                    History.setChecksum(connection, info.version(), info.checksum());
                    changes.add("V" + info.version() + " " + info.name() + ": checksum " + info.appliedChecksum()
                            + " -> " + info.checksum());
                }
            }
            connection.commit();
        } catch (SQLException | RuntimeException e) {
            connection.rollback();
            throw e;
        } finally {
            connection.setAutoCommit(true);
        }
        return new RepairResult(changes);
    }

    private static String resolveDirty(Connection connection, Plan plan, MigrationInfo info, DirtyAction action)
            throws SQLException {
        boolean wasUp = HistoryRow.DIRTY_UP.equals(plan.row(info.version()).state());
        boolean applied = (action == DirtyAction.MARK_DONE) == wasUp;
        String label = "V" + info.version() + " " + info.name() + ": dirty " + (wasUp ? "up" : "down") + " step ";
        if (!applied) {
            History.delete(connection, info.version());
            return label + "-> not applied" + (action == DirtyAction.RERUN ? " (up will run it again)" : "");
        }
        History.setState(connection, info.version(), HistoryRow.APPLIED, info.durationMs());
        Migration migration = plan.migration(info.version());
        if (migration != null && !migration.checksum().equals(info.appliedChecksum())) {
            History.setChecksum(connection, info.version(), migration.checksum());
        }
        return label + "-> applied" + (action == DirtyAction.RERUN ? " (down will run it again)" : "");
    }
}
