package dev.dreamnet.reference.resilience;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.dreamnet.reference.DreamnetServer;
import dev.dreamnet.reference.support.DagJson;
import dev.dreamnet.reference.support.GraphJson;
import dev.dreamnet.reference.support.Http;
import dev.dreamnet.reference.support.Reply;
import dev.dreamnet.reference.support.Servers;
import dev.dreamnet.testing.PostgresTestDatabase;
import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Regression: every pooled connection terminated at once ({@code pg_terminate_backend}) during writes
 * failed the statements on them, opened the database breaker and refused every write with 503 for
 * 10 s. Now a statement on a lost connection runs again on another one when that cannot apply it
 * twice, and the breaker, with the shipped {@code config/resilience.yaml}, stays closed. Real
 * PostgreSQL (fleet mode), real HTTP.
 */
class ConnectionResetPostgresTest {

    private static final Path SHIPPED_RESILIENCE = Path.of("../config/resilience.yaml");
    /** As in production: the fast interval of the other tests would let one reset fail a gate 3 times in a row. */
    private static final Duration SHIPPED_GATE_INTERVAL = Duration.ofSeconds(5);
    private static final int WRITERS = 6;
    private static final int RESETS = 3;
    private static final int WRITES_BETWEEN_RESETS = 40;

    @TempDir
    Path dir;

    private PostgresTestDatabase database;
    private DreamnetServer server;
    private Http http;

    private final AtomicBoolean stop = new AtomicBoolean();
    private final Queue<Written> acknowledged = new ConcurrentLinkedQueue<>();
    private final Queue<Reply> refused = new ConcurrentLinkedQueue<>();
    private final AtomicReference<Throwable> firstFailure = new AtomicReference<>();

    private record Written(long id, String title, String body) {
    }

    @BeforeEach
    void start() throws Exception {
        database = PostgresTestDatabase.create("dreamnet_reset");
        server = DreamnetServer.start(Servers.config(dir, GraphJson.reference().writeTo(dir))
                .jdbcUrl(database.jdbcUrl()).resilienceFile(SHIPPED_RESILIENCE).gateInterval(SHIPPED_GATE_INTERVAL)
                .build());
        http = new Http(server.port());
        Servers.awaitReady(http);
    }

    @AfterEach
    void stop() throws SQLException {
        stop.set(true);
        if (server != null) {
            server.shutdown();
        }
        if (database != null) {
            database.close();
        }
    }

    @Test
    void terminatingEveryPooledConnectionDuringWritesRefusesNoWriteAndLeavesTheBreakerClosed() throws Exception {
        CountDownLatch done = startWriters();
        int terminated = 0;
        for (int reset = 0; reset < RESETS; reset++) {
            awaitMoreWrites(WRITES_BETWEEN_RESETS);
            terminated += terminateServerConnections();
        }
        awaitMoreWrites(WRITES_BETWEEN_RESETS);
        stop.set(true);
        assertThat(done.await(Servers.DEADLINE.toSeconds(), TimeUnit.SECONDS)).as("writers finished").isTrue();

        assertThat(firstFailure.get()).as("a writer failed").isNull();
        assertThat(terminated).as("server connections terminated").isGreaterThanOrEqualTo(RESETS);
        assertThat(refused).as("writes refused").extracting(Reply::body).isEmpty();
        JsonNode breaker = DagJson.entry(http.get("/api/observability/circuit-breakers").json(), "breakers", "database");
        assertThat(breaker.get("state").asText()).isEqualTo("CLOSED");
        assertThat(breaker.get("lastTransition").isNull()).as("never left CLOSED: " + breaker).isTrue();
        for (Written written : acknowledged) {
            Reply read = http.get("/api/dreams/" + written.id());
            assertThat(read.status()).as(read.body()).isEqualTo(200);
            assertThat(read.text("title")).isEqualTo(written.title());
            assertThat(read.text("body")).isEqualTo(written.body());
        }
        assertThat(rowsPerTitle()).as("rows in the table, one per acknowledged write")
                .hasSize(acknowledged.size()).allSatisfy(count -> assertThat(count).isEqualTo(1));
    }

    private CountDownLatch startWriters() {
        CountDownLatch done = new CountDownLatch(WRITERS);
        for (int w = 0; w < WRITERS; w++) {
            String writer = "w" + w;
            Thread thread = new Thread(() -> {
                try {
                    for (int n = 0; !stop.get(); n++) {
                        write(writer + "-" + n);
                    }
                } catch (Throwable t) {
                    firstFailure.compareAndSet(null, t);
                } finally {
                    done.countDown();
                }
            }, "writer-" + writer);
            thread.setDaemon(true);
            thread.start();
        }
        return done;
    }

    private void write(String title) {
        String body = "the dream of " + title;
        Reply reply = http.post("/api/dreams", "{\"title\": \"" + title + "\", \"body\": \"" + body + "\"}");
        if (reply.status() == 201) {
            acknowledged.add(new Written(reply.json().get("id").asLong(), title, body));
        } else {
            refused.add(reply);
        }
    }

    private void awaitMoreWrites(int more) {
        int target = acknowledged.size() + more;
        await("writes go on").atMost(Servers.DEADLINE)
                .until(() -> firstFailure.get() != null || acknowledged.size() >= target);
    }

    /** Terminates every backend of the server's database, as {@code pg_terminate_backend} does in an incident. */
    private int terminateServerConnections() throws SQLException {
        try (Connection c = DriverManager.getConnection(database.jdbcUrl()); Statement statement = c.createStatement();
             ResultSet rows = statement.executeQuery("SELECT pg_terminate_backend(pid) FROM pg_stat_activity "
                     + "WHERE datname = '" + database.name() + "' AND pid <> pg_backend_pid()")) {
            int terminated = 0;
            while (rows.next()) {
                terminated += rows.getBoolean(1) ? 1 : 0;
            }
            return terminated;
        }
    }

    private List<Long> rowsPerTitle() throws SQLException {
        try (Connection c = DriverManager.getConnection(database.jdbcUrl()); Statement statement = c.createStatement();
             ResultSet rows = statement.executeQuery("SELECT title, count(*) FROM dreams GROUP BY title")) {
            List<Long> counts = new ArrayList<>();
            while (rows.next()) {
                counts.add(rows.getLong(2));
            }
            return counts;
        }
    }
}
