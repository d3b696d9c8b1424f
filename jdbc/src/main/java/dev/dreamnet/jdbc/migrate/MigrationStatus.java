package dev.dreamnet.jdbc.migrate;

import java.util.List;

/** Every known or applied migration in version order, with its state. Immutable. */
public record MigrationStatus(List<MigrationInfo> migrations) {

    public MigrationStatus {
        migrations = List.copyOf(migrations);
    }

    public List<MigrationInfo> inState(MigrationState state) {
        return migrations.stream().filter(info -> info.state() == state).toList();
    }

    /** True when nothing is pending, dirty or changed: {@code up} would do nothing. */
    public boolean upToDate() {
        return migrations.stream().allMatch(info ->
                info.state() == MigrationState.APPLIED || info.state() == MigrationState.MISSING);
    }

    /** The highest applied version (dirty ones included), or 0 when none is. */
    public long currentVersion() {
        return migrations.stream().filter(info -> info.state() != MigrationState.PENDING)
                .mapToLong(MigrationInfo::version).max().orElse(0);
    }
}
