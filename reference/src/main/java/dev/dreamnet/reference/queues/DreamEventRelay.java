package dev.dreamnet.reference.queues;

import dev.dreamnet.runtime.queues.QueueService;
import dev.dreamnet.core.startup.Component;
import dev.dreamnet.core.time.Clock;
import dev.dreamnet.core.time.Repeating;
import dev.dreamnet.core.time.Scheduler;
import dev.dreamnet.runtime.resilience.Downstreams;
import dev.dreamnet.runtime.resilience.FailureKinds;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import javax.sql.DataSource;
import dev.dreamnet.reference.agents.Agent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@code outbox} service: publishes an event for every dream the API accepted, in id order, to
 * each subscriber's queue ({@code dream-events.<agent>}), and remembers in {@code event_relay} how far it got. A dream is committed
 * before its event exists, so a failed publish is retried on the next round and nothing accepted is
 * lost; a crash between publishing and remembering publishes again (the agents' work is idempotent).
 * Thread-safe; one round runs at a time.
 */
public final class DreamEventRelay implements Component {

    private static final Logger LOG = LoggerFactory.getLogger(DreamEventRelay.class);
    public static final String NAME = "dream-events";
    public static final String CREATE_TABLE = "CREATE TABLE IF NOT EXISTS event_relay ("
            + "relay VARCHAR(64) PRIMARY KEY, last_id BIGINT NOT NULL)";
    static final Duration ROUND = Duration.ofMillis(200);
    private static final int BATCH = 200;

    private final QueueService queues;
    private final List<String> subscribers;
    private final Supplier<DataSource> dataSource;
    private final Downstreams downstreams;
    private final Repeating rounds;
    private final AtomicLong published = new AtomicLong(-1);
    private volatile String lastError;

    public DreamEventRelay(QueueService queues, List<String> subscribers, Supplier<DataSource> dataSource,
                           Downstreams downstreams, Clock clock, Scheduler scheduler, Executor executor) {
        this.queues = queues;
        this.subscribers = List.copyOf(subscribers);
        this.dataSource = dataSource;
        this.downstreams = downstreams;
        this.rounds = new Repeating(clock, scheduler, executor, ROUND, this::round);
    }

    /** The last dream id whose event was published, or -1 before start; and the last round's error. */
    public record Position(long lastPublishedDreamId, String lastError) {
    }

    public Position position() {
        return new Position(published.get(), lastError);
    }

    @Override
    public void start() throws Exception {
        published.set(downstreams.call(Downstreams.DATABASE, this::readPosition));
        rounds.start();
    }

    @Override
    /** Stops the rounds and waits for one in progress, so the database and queue can close after the relay. */
    public void stop() throws InterruptedException {
        if (!rounds.stopAndWait(Agent.STOP_WAIT)) {
            LOG.warn("outbox relay: a round was still running {} s after stop; stopping anyway",
                    Agent.STOP_WAIT.toSeconds());
        }
    }

    void round() {
        try {
            while (rounds.running() && publishBatch() == BATCH) {
                // a backlog: keep going without waiting for the next round
            }
            lastError = null;
        } catch (Exception e) {
            String error = FailureKinds.message(e);
            if (FailureKinds.isNew(lastError, error)) { // the first of a streak and each new kind, not every repeat
                LOG.warn("dream-events relay: {}; retrying every {} ms", error, ROUND.toMillis());
            }
            lastError = error;
        }
    }

    private int publishBatch() throws Exception {
        long after = published.get();
        List<Long> ids = downstreams.call(Downstreams.DATABASE, () -> newDreams(after));
        if (ids.isEmpty()) {
            return 0;
        }
        List<byte[]> events = ids.stream().map(DreamEvents::payload).toList();
        downstreams.call(Downstreams.QUEUE, () -> {
            for (String queue : subscribers) {
                queues.require().spec(queue); // an undeclared queue fails here, naming it, before anything is sent
            }
            for (String queue : subscribers) {
                queues.require().backend().publishAll(queue, events);
            }
            return null;
        });
        long last = ids.get(ids.size() - 1);
        downstreams.call(Downstreams.DATABASE, () -> savePosition(last));
        published.set(last);
        return ids.size();
    }

    private List<Long> newDreams(long after) throws SQLException {
        try (Connection c = dataSource.get().getConnection();
             PreparedStatement select = c.prepareStatement(
                     "SELECT id FROM dreams WHERE id > ? ORDER BY id FETCH FIRST " + BATCH + " ROWS ONLY")) {
            select.setLong(1, after);
            List<Long> ids = new ArrayList<>();
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    ids.add(rows.getLong(1));
                }
            }
            return ids;
        }
    }

    private long readPosition() throws SQLException {
        try (Connection c = dataSource.get().getConnection()) {
            try (PreparedStatement select = c.prepareStatement("SELECT last_id FROM event_relay WHERE relay = ?")) {
                select.setString(1, NAME);
                try (ResultSet row = select.executeQuery()) {
                    if (row.next()) {
                        return row.getLong(1);
                    }
                }
            }
            try (PreparedStatement insert = c.prepareStatement("INSERT INTO event_relay (relay, last_id) VALUES (?, 0)")) {
                insert.setString(1, NAME);
                insert.executeUpdate();
            } catch (SQLException e) {
                if (!"23505".equals(e.getSQLState())) {
                    throw e; // else another instance inserted it first
                }
            }
            return 0;
        }
    }

    private boolean savePosition(long last) throws SQLException {
        try (Connection c = dataSource.get().getConnection();
             PreparedStatement update = c.prepareStatement(
                     "UPDATE event_relay SET last_id = ? WHERE relay = ? AND last_id < ?")) {
            update.setLong(1, last);
            update.setString(2, NAME);
            update.setLong(3, last);
            return update.executeUpdate() == 1;
        }
    }
}
