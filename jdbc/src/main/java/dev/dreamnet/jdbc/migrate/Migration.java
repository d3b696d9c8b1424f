package dev.dreamnet.jdbc.migrate;

import java.sql.Connection;
import java.sql.SQLException;

/**
 * One versioned schema change with an {@code up} step and, if {@link #reversible()}, a {@code down}
 * step. SQL file pairs become migrations through {@link MigrationSource}; implement this interface
 * directly for what SQL cannot express. The migrator owns the connection's transaction: a
 * {@link #transactional()} step must not commit or roll back, and a non-transactional one runs with
 * auto-commit on. Implementations must be immutable and thread-safe.
 */
public interface Migration {

    /** A positive number; migrations run in ascending version order and each version is unique. */
    long version();

    /** A short name, such as {@code create_dreams}. */
    String name();

    /**
     * Identifies the content of the {@code up} step, recorded when applied and compared on every run,
     * with an algorithm prefix such as {@code sha256:}. Change it when {@code up} changes.
     */
    String checksum();

    /** Applies the change. */
    void up(Connection connection) throws SQLException;

    /** Reverts the change; only called when {@link #reversible()}. */
    void down(Connection connection) throws SQLException;

    /** Whether {@link #up} runs in a transaction together with its history row (the default). */
    default boolean transactional() {
        return true;
    }

    /** Whether {@link #down} runs in a transaction; by default the same as {@link #up}. */
    default boolean downTransactional() {
        return transactional();
    }

    /** Whether {@link #down} exists; a rollback through an irreversible migration is refused up front. */
    default boolean reversible() {
        return true;
    }

    /** Where the migration is defined (file or class), for messages. */
    default String location() {
        return getClass().getName();
    }
}
