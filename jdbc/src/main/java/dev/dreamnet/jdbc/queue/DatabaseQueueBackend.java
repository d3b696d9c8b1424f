package dev.dreamnet.jdbc.queue;

import dev.dreamnet.core.queue.DeadLetter;
import dev.dreamnet.core.queue.DeclareOutcome;
import dev.dreamnet.core.queue.ErrorText;
import dev.dreamnet.core.queue.MessageHandler;
import dev.dreamnet.core.queue.PollOutcome;
import dev.dreamnet.core.queue.QueueBackend;
import dev.dreamnet.core.queue.QueueException;
import dev.dreamnet.core.queue.QueueMessage;
import dev.dreamnet.core.queue.QueueSetting;
import dev.dreamnet.core.queue.QueueSpec;
import dev.dreamnet.core.queue.QueueStats;
import dev.dreamnet.core.queue.UnknownQueueException;
import dev.dreamnet.core.time.Clock;
import dev.dreamnet.jdbc.Dialect;
import dev.dreamnet.jdbc.queue.internal.Claimed;
import dev.dreamnet.jdbc.queue.internal.DeadLetterStore;
import dev.dreamnet.jdbc.queue.internal.MessageStore;
import dev.dreamnet.jdbc.queue.internal.Schema;
import dev.dreamnet.jdbc.queue.internal.SpecStore;
import dev.dreamnet.jdbc.queue.internal.Sql;
import dev.dreamnet.jdbc.queue.internal.StatsQuery;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import javax.sql.DataSource;

/**
 * The embedded queue, the default backend: queues in tables of the service's own database (H2 or
 * PostgreSQL). A consumer leases a message with {@code SELECT ... FOR UPDATE SKIP LOCKED}, so
 * concurrent consumers never take the same one; the lease lasts the queue's visibility timeout, so
 * a message whose consumer died is redelivered, its attempt counted. Timestamps come from the
 * injected clock's wall time, which instances sharing a database must keep in sync (NTP).
 * Thread-safe; give it a pooled data source.
 */
public final class DatabaseQueueBackend implements QueueBackend {

    private final Sql sql;
    private final Clock clock;
    private final Dialect dialect;
    private final Map<String, QueueSpec> specs = new ConcurrentHashMap<>();

    private DatabaseQueueBackend(Sql sql, Clock clock, Dialect dialect) {
        this.sql = sql;
        this.clock = clock;
        this.dialect = dialect;
    }

    /**
     * A backend on {@code dataSource}, creating its tables if they do not exist.
     *
     * @throws dev.dreamnet.core.queue.QueueException if the database is unreachable or neither H2 nor PostgreSQL
     */
    public static DatabaseQueueBackend create(DataSource dataSource, Clock clock) {
        Objects.requireNonNull(dataSource, "dataSource must not be null");
        Objects.requireNonNull(clock, "clock must not be null");
        Sql sql = new Sql(dataSource);
        Dialect dialect = sql.inTransaction("creating the queue tables", connection -> {
            Dialect found = Dialect.of(connection);
            if (found == Dialect.OTHER) {
                throw new QueueException("the embedded queue runs on H2 and PostgreSQL, not on "
                        + connection.getMetaData().getDatabaseProductName());
            }
            Schema.create(connection, found);
            return found;
        });
        return new DatabaseQueueBackend(sql, clock, dialect);
    }

    /** The database this backend runs on. */
    public String dialect() {
        return dialect.name();
    }

    @Override
    public DeclareOutcome declare(QueueSpec spec) {
        DeclareOutcome outcome = sql.inTransaction("declaring queue \"" + spec.name() + "\"",
                connection -> SpecStore.declare(connection, spec, clock.wallMillis()));
        specs.put(spec.name(), spec);
        return outcome;
    }

    @Override
    public void publish(String queue, byte[] payload) {
        publishAll(queue, List.of(payload));
    }

    @Override
    public void publishAll(String queue, List<byte[]> payloads) {
        String name = spec(queue).name();
        sql.inTransaction("publishing to queue \"" + name + "\"", connection -> {
            MessageStore.insert(connection, name, payloads, clock.wallMillis());
            return null;
        });
    }

    @Override
    public PollOutcome poll(String queue, MessageHandler handler) {
        QueueSpec spec = spec(queue);
        Optional<Claimed> claimed = sql.inTransaction("claiming from queue \"" + spec.name() + "\"",
                connection -> MessageStore.claim(connection, dialect, spec, clock.wallMillis()));
        if (claimed.isEmpty()) {
            return PollOutcome.EMPTY;
        }
        Claimed message = claimed.get();
        if (message.attempt() > spec.maxAttempts()) {
            return deadLetter(spec, message, message.attempt() - 1, "lease expired on attempt " + spec.maxAttempts()
                    + " of " + spec.maxAttempts() + ": its consumer neither acknowledged nor failed it within the "
                    + "visibilityTimeout (" + QueueSetting.VISIBILITY_TIMEOUT.valueIn(spec) + ")");
        }
        try {
            handler.handle(new QueueMessage(Long.toString(message.id()), spec.name(), message.payload(), message.attempt()));
        } catch (Exception e) {
            return failed(spec, message, ErrorText.of(e));
        }
        return sql.run("acknowledging a message of queue \"" + spec.name() + "\"",
                connection -> MessageStore.delete(connection, message)) ? PollOutcome.ACKED : PollOutcome.LEASE_LOST;
    }

    private PollOutcome failed(QueueSpec spec, Claimed message, String error) {
        if (message.attempt() >= spec.maxAttempts()) {
            return deadLetter(spec, message, message.attempt(), error);
        }
        long availableAt = clock.wallMillis() + spec.redeliveryDelay().toMillis();
        return sql.run("failing a message of queue \"" + spec.name() + "\"",
                connection -> MessageStore.release(connection, message, availableAt, error))
                ? PollOutcome.RETRYING : PollOutcome.LEASE_LOST;
    }

    private PollOutcome deadLetter(QueueSpec spec, Claimed message, int attempts, String error) {
        return sql.inTransaction("dead-lettering a message of queue \"" + spec.name() + "\"",
                connection -> DeadLetterStore.move(connection, spec, message, attempts, error, clock.wallMillis()))
                ? PollOutcome.DEAD_LETTERED : PollOutcome.LEASE_LOST;
    }

    @Override
    public QueueStats stats(String queue) {
        QueueSpec spec = spec(queue);
        return sql.run("counting queue \"" + spec.name() + "\"",
                connection -> StatsQuery.of(connection, spec, clock.wallMillis()));
    }

    @Override
    public List<DeadLetter> deadLetters(String queue, int limit) {
        if (limit < 1) {
            throw new IllegalArgumentException("limit must be >= 1, was " + limit);
        }
        String name = spec(queue).name();
        return sql.run("reading the dead letters of queue \"" + name + "\"",
                connection -> DeadLetterStore.list(connection, name, limit));
    }

    @Override
    public String describe() {
        return SpecStore.HELD_IN;
    }

    /** Nothing to release: the data source belongs to the caller. */
    @Override
    public void close() {
    }

    /** The spec of a queue declared here or, by another instance, in the same database. */
    private QueueSpec spec(String queue) {
        QueueSpec known = specs.get(queue);
        if (known != null) {
            return known;
        }
        return sql.run("looking up queue \"" + queue + "\"", connection -> {
            Optional<QueueSpec> held = SpecStore.read(connection, queue);
            if (held.isEmpty()) {
                throw new UnknownQueueException(queue, SpecStore.names(connection));
            }
            specs.putIfAbsent(queue, held.get());
            return held.get();
        });
    }
}
