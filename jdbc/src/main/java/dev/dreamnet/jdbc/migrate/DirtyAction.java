package dev.dreamnet.jdbc.migrate;

/**
 * What {@code repair} records for a dirty step, after someone has looked at the database. Either
 * way nothing runs during the repair itself.
 */
public enum DirtyAction {
    /** The interrupted step is complete (finished by hand): an {@code up} becomes applied, a {@code down} reverted. */
    MARK_DONE,
    /**
     * The interrupted step should run again (it was undone by hand, or is idempotent such as
     * {@code CREATE INDEX CONCURRENTLY IF NOT EXISTS}): an {@code up} becomes pending, a {@code down} applied.
     */
    RERUN
}
