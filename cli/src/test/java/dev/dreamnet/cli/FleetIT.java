package dev.dreamnet.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.dreamnet.testing.PostgresTestDatabase;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Fleet mode with three real {@code dreamnet serve} processes on one fresh PostgreSQL database,
 * started at the same moment: migrations run once and all three turn ready; a hundred brownout
 * toggles made through instance 1 reach every instance (the delays are measured and written to
 * {@code target/fleet-propagation.txt}, see docs/PERFORMANCE.md); then the real PostgreSQL server is
 * stopped and started again with its own command ({@link PostgresServer}) while they run.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class FleetIT {

    private static final String ADMIN = "fleet-it-admin-token";
    private static final Duration READY = Duration.ofSeconds(120);
    private static final int TOGGLES = 100;
    private static final ObjectMapper JSON = new ObjectMapper();

    private PostgresTestDatabase database;
    private final List<ServerProcess> servers = new ArrayList<>();
    private Path logs;

    @BeforeAll
    void startThreeAtOnce() throws Exception {
        database = PostgresTestDatabase.create("dreamnet_fleet_it");
        logs = Files.createTempDirectory("dreamnet-fleet-it");
        for (int i = 1; i <= 3; i++) {
            servers.add(ServerProcess.start(Files.createDirectories(logs.resolve("data-" + i)), logs, "instance-" + i,
                    List.of("--db", database.jdbcUrl(), "--flags", "../config/feature-flags.yaml"), Map.of("DREAMNET_ADMIN_TOKENS", ADMIN)));
        }
        for (ServerProcess server : servers) {
            server.awaitReady(READY);
        }
    }

    @AfterAll
    void stop() throws Exception {
        for (ServerProcess server : servers) {
            server.close();
        }
        PostgresServer.ensureRunning();
        if (database != null) {
            database.close();
        }
    }

    @Test
    @Order(1)
    void startedAtOnceOnAnEmptyDatabaseEachMigrationRanOnceAndAllThreeJoined() throws Exception {
        long shipped;
        try (var files = java.nio.file.Files.list(Path.of("..", "reference", "src", "main", "resources", "db",
                "migration"))) {
            shipped = files.filter(file -> file.getFileName().toString().endsWith(".up.sql")).count();
        }
        assertThat(query("SELECT count(*) || ' ' || count(DISTINCT version) FROM schema_migrations"))
                .as("every shipped migration, each applied once").isEqualTo(shipped + " " + shipped);
        for (ServerProcess server : servers) {
            await("three live instances").atMost(Duration.ofSeconds(30))
                    .until(() -> json(server, "/api/observability/fleet").path("live").asInt() == 3);
        }
        JsonNode fleet = json(servers.get(0), "/api/observability/fleet");
        assertThat(fleet.path("sharedState").path("stale").asBoolean()).isFalse();
        Cli cli = Cli.run("fleet", "--url", servers.get(2).url());
        assertThat(cli.exitCode()).as(cli.err()).isZero();
        assertThat(cli.out()).contains("shared state: following PostgreSQL at version", "3 live instance(s), converged");
        // An instance's address reaches the registry with its next heartbeat after its port opens.
        await("every instance's address registered").atMost(Duration.ofSeconds(30))
                .until(() -> Cli.run("status", "--url", servers.get(1).url()).out().contains(servers.get(2).url()
                        + " state ") && Cli.run("status", "--url", servers.get(1).url()).out()
                        .contains(servers.get(0).url() + " state "));
        assertThat(Cli.run("status", "--url", servers.get(1).url()).out())
                .contains("Fleet:      3 live, converged, shared state version ", servers.get(0).url() + " state ",
                        servers.get(2).url() + " state ", servers.get(1).url() + " state ");
        assertThat(servers.stream().filter(s -> jsonOrNull(s, "/api/observability/fleet") != null)
                .map(s -> jsonOrNull(s, "/api/observability/fleet").path("sharedState").path("judge").asBoolean())
                .filter(Boolean::booleanValue).count()).as("exactly one instance judges rollouts").isEqualTo(1);
    }

    @Test
    @Order(2)
    void aHundredBrownoutTogglesThroughInstanceOneReachEveryInstance() throws Exception {
        List<Long> delaysMicros = new ArrayList<>();
        List<Long> followLagMicros = new ArrayList<>();
        for (int i = 0; i < TOGGLES; i++) {
            boolean on = i % 2 == 0;
            long sent = System.nanoTime();
            HttpResponse<String> reply = servers.get(0).post("/api/integration-flags/brownout/"
                    + (on ? "enable" : "disable"), "{\"reason\": \"fleet toggle " + i + "\"}", ADMIN);
            assertThat(reply.statusCode()).as(reply.body()).isEqualTo(200);
            String expected = on ? "BROWNOUT" : "NORMAL";
            await("toggle " + i + " seen everywhere").atMost(Duration.ofSeconds(10)).pollDelay(Duration.ZERO)
                    .pollInterval(Duration.ofMillis(1)).until(() -> servers.stream()
                            .allMatch(s -> mode(s).equals(expected)));
            delaysMicros.add((System.nanoTime() - sent) / 1_000);
            long lag = 0;
            for (ServerProcess follower : servers.subList(1, servers.size())) {
                lag = Math.max(lag, json(follower, "/api/integration-flags").at("/shared/lastFollowLagMs").asLong());
            }
            followLagMicros.add(lag * 1_000);
        }
        assertThat(query("SELECT count(*) FROM audit_log WHERE reason LIKE 'fleet toggle %'"))
                .as("every acknowledged toggle audited").isEqualTo(String.valueOf(TOGGLES));
        String figures = "seen by every instance, from before the request: " + Propagation.describe(delaysMicros)
                + "; installed by instances 2 and 3, from the change's own timestamp: " + Propagation.describe(followLagMicros);
        Files.writeString(Path.of("target", "fleet-propagation.txt"), figures + "\n");
        System.out.println("fleet propagation over " + TOGGLES + " toggles: " + figures);
    }

    @Test
    @Order(3)
    void postgresStoppedAndRestartedInstancesServeStaleSayWhenRefuseChangesAndCatchUp() throws Exception {
        assertThat(servers.get(1).post("/api/integration-flags/agents/dronedome/quarantine",
                "{\"reason\": \"acknowledged before the outage\"}", ADMIN).statusCode()).isEqualTo(200);
        PostgresServer.stop();
        try {
            for (ServerProcess server : servers) {
                await("stale reported").atMost(Duration.ofSeconds(30)).until(() ->
                        json(server, "/api/integration-flags").path("shared").path("stale").asBoolean());
                JsonNode flags = json(server, "/api/integration-flags");
                assertThat(flags.path("shared").path("staleSince").isTextual()).as(flags.toString()).isTrue();
                assertThat(flags.at("/state/quarantinedAgents").toString()).contains("dronedome");
                assertThat(server.get("/health/live").statusCode()).isEqualTo(200);
                assertThat(json(server, "/api/observability/summary").path("attention").toString())
                        .contains("shared state stale since");
            }
            assertThat(Cli.run("fleet", "--url", servers.get(0).url()).out())
                    .contains("shared state STALE since", "operator changes refused");
            assertThat(Cli.run("status", "--url", servers.get(1).url()).out()).contains(", shared state STALE since ");
            HttpResponse<String> refused = servers.get(2).post("/api/integration-flags/emergency/enable",
                    "{\"reason\": \"during the outage\"}", ADMIN);
            assertThat(refused.statusCode()).isEqualTo(503);
            assertThat(refused.body()).contains("nothing was changed");
        } finally {
            PostgresServer.start();
        }
        await("a change is accepted once PostgreSQL is back").atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofMillis(250)).ignoreExceptions().until(() -> servers.get(2)
                        .post("/api/integration-flags/emergency/enable", "{\"reason\": \"after the outage\"}", ADMIN)
                        .statusCode() == 200);
        for (ServerProcess server : servers) {
            await("caught up").atMost(Duration.ofSeconds(30)).ignoreExceptions().until(() -> {
                JsonNode flags = json(server, "/api/integration-flags");
                return !flags.path("shared").path("stale").asBoolean()
                        && flags.at("/state/mode").asText().equals("EMERGENCY")
                        && flags.at("/state/quarantinedAgents").toString().contains("dronedome");
            });
        }
        await("converged").atMost(Duration.ofSeconds(30)).ignoreExceptions()
                .until(() -> json(servers.get(0), "/api/observability/fleet").path("converged").asBoolean());
        assertThat(query("SELECT count(*) FROM audit_log WHERE reason = 'during the outage'")).isEqualTo("0");
        assertThat(query("SELECT count(*) FROM audit_log WHERE reason IN ('after the outage', "
                + "'acknowledged before the outage')")).isEqualTo("2");
    }

    private static String mode(ServerProcess server) {
        JsonNode flags = jsonOrNull(server, "/api/integration-flags");
        return flags == null ? "?" : flags.at("/state/mode").asText();
    }

    private static JsonNode json(ServerProcess server, String path) throws Exception {
        HttpResponse<String> reply = server.get(path);
        assertThat(reply.statusCode()).as(path + ": " + reply.body()).isEqualTo(200);
        return JSON.readTree(reply.body());
    }

    private static JsonNode jsonOrNull(ServerProcess server, String path) {
        try {
            return json(server, path);
        } catch (Exception | AssertionError e) {
            return null;
        }
    }

    private String query(String sql) throws Exception {
        try (Connection c = DriverManager.getConnection(database.jdbcUrl()); Statement s = c.createStatement();
             ResultSet r = s.executeQuery(sql)) {
            r.next();
            return r.getString(1);
        }
    }
}
