package dev.dreamnet.jdbc.migrate;

import java.util.List;
import java.util.stream.Collectors;

/**
 * Applied migrations whose files changed since: refused until {@code repair} records the current
 * checksums. The message lists every mismatch.
 */
public final class ChecksumMismatchException extends MigrationException {

    private final List<MigrationInfo> changed;

    public ChecksumMismatchException(List<MigrationInfo> changed) {
        super(changed.size() + " applied migration(s) changed since they were applied (restore the files, or run"
                + " repair to accept them): " + changed.stream().map(ChecksumMismatchException::describe)
                .collect(Collectors.joining("; ")));
        this.changed = List.copyOf(changed);
    }

    private static String describe(MigrationInfo info) {
        return "V" + info.version() + " " + info.name() + " (" + info.location() + ") applied "
                + info.appliedChecksum() + ", now " + info.checksum();
    }

    public List<MigrationInfo> changed() {
        return changed;
    }
}
