package dev.dreamnet.jdbc.migrate;

/** Where one migration stands, comparing the database's history with the migrations at hand. */
public enum MigrationState {
    /** Applied, and the checksum still matches. */
    APPLIED,
    /** Known here, not applied yet. */
    PENDING,
    /** A non-transactional step was interrupted; blocks {@code up} and {@code down} until repaired. */
    DIRTY,
    /** Applied, but its file changed since (checksum differs); blocks until restored or repaired. */
    CHANGED,
    /** Applied, but no migration with this version is known here (a newer release applied it, say). */
    MISSING
}
