package dev.dreamnet.jdbc.migrate;

import java.time.Duration;

/** Progress of a run, for a progress line: a step is starting, or has finished. Immutable. */
public sealed interface MigrationEvent {

    Direction direction();

    long version();

    String name();

    /** 1-based position of this step in the run. */
    int index();

    /** How many steps the run has. */
    int total();

    /** A step is about to run. */
    record Starting(Direction direction, long version, String name, int index, int total) implements MigrationEvent {
    }

    /** A step completed. */
    record Finished(Direction direction, long version, String name, int index, int total, Duration took)
            implements MigrationEvent {
    }
}
