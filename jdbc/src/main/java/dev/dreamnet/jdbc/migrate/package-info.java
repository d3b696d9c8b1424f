/**
 * Versioned schema migrations: a {@link dev.dreamnet.jdbc.migrate.Migrator} applies
 * {@link dev.dreamnet.jdbc.migrate.Migration}s from a {@link dev.dreamnet.jdbc.migrate.MigrationSource}
 * (SQL file pairs or Java) exactly once per database, records them in {@code schema_migrations}, rolls
 * back to a target version and repairs history; results are immutable records and failures are
 * {@link dev.dreamnet.jdbc.migrate.MigrationException}s with one-line messages. The implementation lives
 * in {@code internal} and is not part of the API. See docs/MIGRATIONS.md.
 */
package dev.dreamnet.jdbc.migrate;
