package dev.dreamnet.jdbc.migrate.internal;

import java.time.Instant;

/**
 * One row of {@code schema_migrations}. Immutable.
 *
 * @param state {@link #APPLIED}, {@link #DIRTY_UP} or {@link #DIRTY_DOWN}
 */
public record HistoryRow(long version, String name, String checksum, Instant appliedAt, long durationMs,
                         String appliedBy, String state) {

    /** Applied and complete. */
    public static final String APPLIED = "applied";
    /** A non-transactional {@code up} started and has not been seen to finish. */
    public static final String DIRTY_UP = "dirty-up";
    /** A non-transactional {@code down} started and has not been seen to finish. */
    public static final String DIRTY_DOWN = "dirty-down";

    public boolean dirty() {
        return !APPLIED.equals(state);
    }
}
