package dev.dreamnet.jdbc.migrate;

import java.time.Instant;

/**
 * One migration in a {@link MigrationStatus}. Fields that do not apply are null: history fields for
 * a pending migration, file fields for a missing one. Immutable.
 *
 * @param checksum        the checksum of the migration at hand
 * @param appliedChecksum the checksum recorded when it was applied
 * @param detail          a short human explanation of the state (e.g. which step is dirty)
 */
public record MigrationInfo(long version, String name, MigrationState state, String location, String checksum,
                            String appliedChecksum, Instant appliedAt, Long durationMs, String appliedBy,
                            String detail) {
}
