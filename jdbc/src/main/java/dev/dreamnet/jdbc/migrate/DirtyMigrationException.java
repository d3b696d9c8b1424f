package dev.dreamnet.jdbc.migrate;

import java.util.List;
import java.util.stream.Collectors;

/**
 * A step that does not run in a transaction was interrupted (failure or crash) and left a dirty mark:
 * nothing more runs until someone checks the database and runs {@code repair}.
 */
public final class DirtyMigrationException extends MigrationException {

    private final List<MigrationInfo> dirty;

    public DirtyMigrationException(List<MigrationInfo> dirty) {
        super("refusing to migrate: " + dirty.stream().map(DirtyMigrationException::describe)
                .collect(Collectors.joining("; "))
                + "; check what it did, finish or undo it by hand, then run repair (see docs/MIGRATIONS.md)");
        this.dirty = List.copyOf(dirty);
    }

    private static String describe(MigrationInfo info) {
        return "V" + info.version() + " " + info.name() + " is dirty (" + info.detail() + ")";
    }

    public List<MigrationInfo> dirty() {
        return dirty;
    }
}
