package dev.dreamnet.jdbc.migrate;

import java.util.List;

/** What {@code repair} changed in history, one line per change; empty when nothing needed it. Immutable. */
public record RepairResult(List<String> changes) {

    public RepairResult {
        changes = List.copyOf(changes);
    }
}
