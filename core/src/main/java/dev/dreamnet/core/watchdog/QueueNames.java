package dev.dreamnet.core.watchdog;

import java.util.List;
import java.util.Objects;

/** Shared checks and wording of the queue watchdogs. Stateless. */
final class QueueNames {

    private QueueNames() {
    }

    static String check(String queue) {
        Objects.requireNonNull(queue, "queue must not be null");
        if (queue.isBlank()) {
            throw new IllegalArgumentException("queue must not be blank");
        }
        return queue;
    }

    /** WARN, value NaN: a queue that cannot be read is not known to be fine. */
    static Reading unreadable(String name, String queue, String unit, Thresholds thresholds, RuntimeException error) {
        String reason = "could not read queue \"" + queue + "\": " + error.getClass().getSimpleName()
                + (error.getMessage() == null ? "" : ": " + error.getMessage());
        return new Reading(name, Level.WARN, Double.NaN, unit, thresholds, reason, List.of());
    }
}
