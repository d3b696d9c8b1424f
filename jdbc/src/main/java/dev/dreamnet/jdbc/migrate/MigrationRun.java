package dev.dreamnet.jdbc.migrate;

import java.time.Duration;
import java.util.List;

/**
 * What one {@code up} or {@code down} call did: the steps it ran in order (empty when there was
 * nothing to do) and how long the whole call took. Immutable.
 */
public record MigrationRun(Direction direction, List<Step> steps, Duration took) {

    public MigrationRun {
        steps = List.copyOf(steps);
    }

    /** One migration step that completed. */
    public record Step(long version, String name, Duration took) {
    }
}
