package dev.dreamnet.reference.fleet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import dev.dreamnet.reference.DreamnetServer;
import dev.dreamnet.runtime.auth.AccessControl;
import dev.dreamnet.reference.support.FlagServer;
import dev.dreamnet.reference.support.Http;
import dev.dreamnet.reference.support.Reply;
import dev.dreamnet.reference.support.Servers;
import dev.dreamnet.testing.PostgresTestDatabase;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Rollouts in a fleet of two instances on one real PostgreSQL database: a rollout started through
 * one is followed by the other; the judge does not promote a passing step while a live instance
 * still runs an older state version (a real heartbeat row written by the test stands for an instance
 * that has not caught up), and promotes once it has; a rollback through either is followed by both.
 */
class FleetRolloutPostgresTest {

    private static final String ADMIN = "fleet-rollout-admin";
    private static final String ROLLOUT = "/api/admin/rollouts";
    private static final String START = "{\"name\": \"dream-read-v2\", \"steps\": [50, 100], \"bakeTime\": \"1s\", "
            + "\"window\": \"10s\", \"minRequests\": 20, \"maxP99\": \"5s\", \"latencyTolerance\": 5.0, \"latencyEffect\": 0.45, "
            + "\"reason\": \"fleet rollout\"}";
    private static final String LAGGING = "lagging-instance-of-the-test";

    @TempDir
    Path dir;

    private PostgresTestDatabase database;
    private final List<DreamnetServer> servers = new ArrayList<>();
    private final List<Http> admins = new ArrayList<>();
    private final AtomicBoolean running = new AtomicBoolean(true);
    private final List<Thread> background = new ArrayList<>();
    private final ScheduledExecutorService heartbeats = Executors.newSingleThreadScheduledExecutor();

    @BeforeEach
    void startTwo() throws Exception {
        database = PostgresTestDatabase.create("dreamnet_fleet_rollout");
        for (String name : List.of("one", "two")) {
            Path home = Files.createDirectories(dir.resolve(name));
            Path flags = Files.copy(FlagServer.SHIPPED_FLAGS, home.resolve("feature-flags.yaml"));
            DreamnetServer server = DreamnetServer.start(Servers.config(home, FlagServer.SHIPPED_GRAPH)
                    .jdbcUrl(database.jdbcUrl()).queuesFile(FlagServer.SHIPPED_QUEUES).flagsFile(flags)
                    .environment(Map.of(AccessControl.ADMIN_TOKENS, ADMIN)).build());
            servers.add(server);
            Http http = new Http(server.port());
            Servers.awaitReady(http);
            admins.add(http.bearer(ADMIN));
        }
    }

    @AfterEach
    void stop() throws Exception {
        running.set(false);
        heartbeats.shutdownNow();
        for (Thread thread : background) {
            thread.join(5_000);
        }
        servers.forEach(DreamnetServer::shutdown);
        database.close();
    }

    @Test
    void aPassingStepWaitsForALaggingInstanceThenPromotesAndBothFollow() throws Exception {
        Reply started = admins.get(0).post(ROLLOUT, START);
        assertThat(started.status()).as(started.body()).isEqualTo(201);
        await("the other instance follows the start").atMost(Servers.DEADLINE)
                .until(() -> "RUNNING".equals(rollout(admins.get(1)).path("status").asText()));
        assertThat(rollout(admins.get(1)).path("percent").asDouble()).isEqualTo(50.0);

        AtomicLong laggingVersion = new AtomicLong(0);
        keepAlive(laggingVersion);
        await("the lagging instance makes the fleet unconverged").atMost(Servers.DEADLINE)
                .until(() -> !admins.get(0).get("/api/observability/fleet").json().path("converged").asBoolean());
        long dream = createDream(admins.get(0));
        traffic(dream);

        Http judge = judge();
        await("the judge holds a passing step for the fleet").atMost(Duration.ofSeconds(60))
                .until(() -> rollout(judge).at("/lastVerdict/reason").asText().contains("waits for the fleet"));
        assertThat(rollout(judge).path("status").asText()).isEqualTo("RUNNING");
        assertThat(rollout(judge).path("step").asInt()).isZero();

        laggingVersion.set(Long.MAX_VALUE / 2); // the lagging instance catches up
        for (Http admin : admins) {
            await("promoted everywhere").atMost(Duration.ofSeconds(60))
                    .until(() -> "PROMOTED".equals(rollout(admin).path("status").asText()));
        }
    }

    @Test
    void aRollbackThroughEitherInstanceIsFollowedByTheOther() {
        assertThat(admins.get(0).post(ROLLOUT, START).status()).isEqualTo(201);
        await("followed").atMost(Servers.DEADLINE)
                .until(() -> "RUNNING".equals(rollout(admins.get(1)).path("status").asText()));

        Reply rollback = admins.get(1).post(ROLLOUT + "/dream-read-v2/rollback", "{\"reason\": \"INC-9 from two\"}");
        assertThat(rollback.status()).as(rollback.body()).isEqualTo(200);

        await("the first instance follows the rollback").atMost(Servers.DEADLINE)
                .until(() -> "ROLLED_BACK".equals(rollout(admins.get(0)).path("status").asText()));
        assertThat(rollout(admins.get(0)).path("reason").asText()).contains("INC-9 from two");
        assertThat(rollout(admins.get(0)).path("percent").asDouble()).isZero();
    }

    private Http judge() {
        await("one instance judges").atMost(Servers.DEADLINE).until(() -> admins.stream()
                .anyMatch(a -> a.get("/api/observability/fleet").json().at("/sharedState/judge").asBoolean()));
        return admins.stream().filter(a -> a.get("/api/observability/fleet").json().at("/sharedState/judge").asBoolean())
                .findFirst().orElseThrow();
    }

    private static JsonNode rollout(Http admin) {
        for (JsonNode rollout : admin.get("/api/observability/rollouts").json().path("rollouts")) {
            if (rollout.path("name").asText().equals("dream-read-v2")) {
                return rollout;
            }
        }
        return com.fasterxml.jackson.databind.node.MissingNode.getInstance();
    }

    private static long createDream(Http http) {
        Reply created = http.post("/api/dreams", "{\"title\": \"fleet\", \"body\": \"b\"}");
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return created.json().get("id").asLong();
    }

    /** A heartbeat row, refreshed every second, of an instance that runs {@code version}. */
    private void keepAlive(AtomicLong version) {
        String config = admins.get(0).get("/api/observability/fleet").json().path("configVersions").get(0).asText();
        heartbeats.scheduleWithFixedDelay(() -> {
            try (Connection c = DriverManager.getConnection(database.jdbcUrl());
                 PreparedStatement upsert = c.prepareStatement("INSERT INTO instances (id, address, started_at_ms, "
                         + "heartbeat_at_ms, config_version, state_version) VALUES (?, 'http://lagging', ?, ?, ?, ?) "
                         + "ON CONFLICT (id) DO UPDATE SET heartbeat_at_ms = EXCLUDED.heartbeat_at_ms, "
                         + "state_version = EXCLUDED.state_version")) {
                upsert.setString(1, LAGGING);
                upsert.setLong(2, System.currentTimeMillis());
                upsert.setLong(3, System.currentTimeMillis());
                upsert.setString(4, config);
                upsert.setLong(5, version.get());
                upsert.executeUpdate();
            } catch (java.sql.SQLException e) {
                throw new IllegalStateException(e);
            }
        }, 0, 1, TimeUnit.SECONDS);
    }

    /** Reads of the dream through both instances, so both sides of the rollout have samples. */
    private void traffic(long dream) {
        for (Http admin : admins) {
            background(() -> {
                int subject = 0;
                while (running.get()) {
                    admin.with("X-User-Id", "user-" + subject++).get("/api/dreams/" + dream);
                }
            });
        }
    }

    private interface Work {
        void run() throws Exception;
    }

    private void background(Work work) {
        Thread thread = new Thread(() -> {
            try {
                work.run();
            } catch (Exception e) {
                if (running.get()) {
                    throw new IllegalStateException(e);
                }
            }
        }, "fleet-rollout-test");
        thread.setDaemon(true);
        background.add(thread);
        thread.start();
    }
}
