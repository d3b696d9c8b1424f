package dev.dreamnet.jdbc.migrate;

/**
 * A migration step failed in the database. When {@link #dirty()} is false everything it did was
 * rolled back and history is unchanged; when true, part of it may have been applied and its history
 * row is marked dirty until {@code repair}.
 */
public final class MigrationFailedException extends MigrationException {

    private final long version;
    private final String migrationName;
    private final String location;
    private final String statement;
    private final String databaseMessage;
    private final boolean dirty;

    public MigrationFailedException(Migration migration, String location, String statement,
                                    String databaseMessage, boolean dirty, Throwable cause) {
        super(message(migration, location, statement, databaseMessage, dirty), cause);
        this.version = migration.version();
        this.migrationName = migration.name();
        this.location = location;
        this.statement = statement;
        this.databaseMessage = databaseMessage;
        this.dirty = dirty;
    }

    private static String message(Migration migration, String location, String statement,
                                  String databaseMessage, boolean dirty) {
        String outcome = dirty
                ? "; it is marked dirty: check what was applied, finish or undo it by hand, then run repair"
                : "; rolled back, history unchanged";
        return "migration V" + migration.version() + " " + migration.name() + " (" + location + ") failed at: "
                + statement + ": " + databaseMessage + outcome;
    }

    public long version() {
        return version;
    }

    public String migrationName() {
        return migrationName;
    }

    /** The file (or class) of the failing step. */
    public String location() {
        return location;
    }

    /** The failing statement, trimmed and shortened to one line. */
    public String statement() {
        return statement;
    }

    public String databaseMessage() {
        return databaseMessage;
    }

    public boolean dirty() {
        return dirty;
    }
}
