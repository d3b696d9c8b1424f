package dev.dreamnet.jdbc.migrate;

/**
 * Why a migration run was refused or failed, in one line that names the culprit: the migration,
 * file, setting or database. Subclasses carry the details of specific failures.
 */
public class MigrationException extends RuntimeException {

    public MigrationException(String message) {
        super(message);
    }

    public MigrationException(String message, Throwable cause) {
        super(message, cause);
    }
}
