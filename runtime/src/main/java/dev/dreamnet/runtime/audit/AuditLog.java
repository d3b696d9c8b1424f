package dev.dreamnet.runtime.audit;

import dev.dreamnet.core.time.Clock;
import dev.dreamnet.runtime.resilience.Downstreams;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.function.Supplier;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The append-only record of operator actions: who, when, what, before, after and why. Entries go
 * to the database (through its circuit breaker) and always to the log, so an action taken while
 * the database is down is still on record. Thread-safe.
 */
public final class AuditLog {

    private static final Logger LOG = LoggerFactory.getLogger("dreamnet.audit");

    private final AuditStore store;
    private final Downstreams downstreams;
    private final Clock clock;

    public AuditLog(Supplier<DataSource> dataSource, Downstreams downstreams, Clock clock) {
        this.store = new AuditStore(dataSource);
        this.downstreams = downstreams;
        this.clock = clock;
    }

    /** Records an action; never throws, so an audit failure cannot undo or block the action. */
    public AuditEntry record(String actor, String action, String target, String before, String after, String reason) {
        AuditEntry entry = new AuditEntry(0, clock.now(), actor, action, target, before, after, reason);
        LOG.info("audit: {} {} {}: {} -> {} ({})", entry.actor(), entry.action(), entry.target(), entry.before(),
                entry.after(), entry.reason());
        try {
            return downstreams.call(Downstreams.DATABASE, () -> store.insert(entry));
        } catch (Exception e) {
            LOG.warn("audit: could not store the entry above in the database ({}); it is kept in this log only",
                    e.getMessage());
            return entry;
        }
    }

    /**
     * Records an action on {@code connection}, inside the caller's transaction, so the entry commits
     * or rolls back with the change it describes.
     */
    public AuditEntry recordWithin(Connection connection, String actor, String action, String target, String before,
                                   String after, String reason) throws SQLException {
        AuditEntry entry = new AuditEntry(0, clock.now(), actor, action, target, before, after, reason);
        AuditEntry stored = AuditStore.insert(connection, entry);
        LOG.info("audit: {} {} {}: {} -> {} ({})", entry.actor(), entry.action(), entry.target(), entry.before(),
                entry.after(), entry.reason());
        return stored;
    }

    /** The newest entries first, at most {@code limit}. */
    public List<AuditEntry> recent(int limit) throws Exception {
        return downstreams.call(Downstreams.DATABASE, () -> store.recent(limit));
    }
}
