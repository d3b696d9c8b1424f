package dev.dreamnet.jdbc.migrate;

/**
 * Told about each step of a run, on the migrating thread, outside any lock the migrator holds. A
 * listener that throws is logged and the run goes on.
 */
@FunctionalInterface
public interface MigrationListener {

    void onEvent(MigrationEvent event);

    /** A listener that ignores every event. */
    static MigrationListener none() {
        return event -> {
        };
    }
}
