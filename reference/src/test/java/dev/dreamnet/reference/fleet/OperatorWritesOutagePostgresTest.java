package dev.dreamnet.reference.fleet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import dev.dreamnet.reference.DreamnetServer;
import dev.dreamnet.reference.support.FlagServer;
import dev.dreamnet.reference.support.GraphJson;
import dev.dreamnet.reference.support.Http;
import dev.dreamnet.reference.support.Reply;
import dev.dreamnet.reference.support.Servers;
import dev.dreamnet.runtime.auth.AccessControl;
import dev.dreamnet.testing.PostgresTestDatabase;
import dev.dreamnet.testing.TcpProxy;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every operator write of the reference service, in fleet mode, while its PostgreSQL cannot be written: the real
 * database behind a proxy the test cuts (every connection reset) or stalls (a network that stops answering, before
 * the instance notices). A write of the fleet's state (modes, kill switches, overrides, quarantines, the automatic
 * brownout's pin, rollouts) is a 503 {@code shared state unavailable} saying nothing was changed, and nothing was: not
 * here, not in the database's {@code shared_state} and {@code rollouts} rows, not in its audit log. A write of this
 * instance's own state (breakers, injected faults) is taken here (200) and answered, never a hang.
 */
class OperatorWritesOutagePostgresTest {

    private static final String ADMIN = "outage-admin";
    private static final String FLAGS = "/api/integration-flags";
    private static final String ROLLOUTS = "/api/admin/rollouts";
    private static final String PIN = "/api/admin/overload/pin";

    @TempDir
    Path dir;

    private final String incident = "INC-" + Long.toHexString(ThreadLocalRandom.current().nextLong() >>> 1);
    private PostgresTestDatabase database;
    private TcpProxy proxy;
    private DreamnetServer server;
    private Http admin;

    @BeforeEach
    void startOneInstanceBehindAProxy() throws Exception {
        database = PostgresTestDatabase.create("dreamnet_operator_outage");
        proxy = TcpProxy.to("127.0.0.1", 5432);
        Path flags = Files.copy(FlagServer.SHIPPED_FLAGS, dir.resolve("feature-flags.yaml"));
        server = DreamnetServer.start(Servers.config(dir, GraphJson.reference().writeTo(dir))
                .jdbcUrl(database.jdbcUrl().replace(":5432/", ":" + proxy.port() + "/")).flagsFile(flags)
                .environment(Map.of(AccessControl.ADMIN_TOKENS, ADMIN)).build());
        Http http = new Http(server.port());
        Servers.awaitReady(http);
        admin = http.bearer(ADMIN).with("X-Dreamnet-Actor", "outage-test");
    }

    @AfterEach
    void stop() throws SQLException {
        try {
            if (proxy != null) {
                proxy.restore();
            }
            if (server != null) {
                server.shutdown();
            }
        } finally {
            if (proxy != null) {
                proxy.close();
            }
            if (database != null) {
                database.close();
            }
        }
    }

    @Test
    void everyWriteOfTheFleetsStateIsRefusedWhileTheDatabaseIsCutAndNothingChangesHereOrThere() throws Exception {
        Before before = fleetStateToChange();

        proxy.cut();
        await("this instance says its shared state is stale").atMost(Servers.DEADLINE)
                .until(() -> admin.get(FLAGS).json().path("shared").path("stale").asBoolean());

        for (Map.Entry<String, String> write : sharedWrites("refused while cut").entrySet()) {
            assertRefusedChangingNothing(write.getKey(), admin.post(write.getKey(), write.getValue()));
        }

        assertNothingChanged(before, "refused while cut");

        proxy.restore();
        await("the same write is taken once the database is back").atMost(Servers.DEADLINE).until(() ->
                admin.post(FLAGS + "/agents/dronedome/quarantine", reason("taken after the cut")).status() == 200);
        assertThat(flagState().path("quarantinedAgents")).extracting(JsonNode::asText)
                .containsExactlyInAnyOrder("citadel", "dronedome");
        assertThat(auditEntries("taken after the cut")).isEqualTo(1);
        assertThat(auditEntries("refused while cut")).as("nothing of the outage written late").isZero();
    }

    /**
     * Regression: with the shared state followed again but the database's breaker still open, the endpoints said
     * connected and nothing more, while every operator change was refused with 503.
     */
    @Test
    void connectedWithTheDatabasesBreakerOpenSaysOperatorChangesAreRefusedUntilItIsReset() throws Exception {
        Before before = fleetStateToChange();

        assertThat(admin.post("/api/admin/breakers/database/force-open", reason("held open")).status()).isEqualTo(200);
        JsonNode shared = admin.get(FLAGS).json().path("shared");
        assertThat(shared.path("connected").asBoolean()).as(shared.toString()).isTrue();
        assertThat(shared.path("writable").asBoolean()).as(shared.toString()).isFalse();
        assertThat(shared.path("writesRefusedUntil").isNull()).as("forced open: until an operator resets it").isTrue();
        assertThat(admin.get("/api/observability/summary").json().path("attention").toString())
                .contains("shared state connected, but operator changes are refused while the database's circuit "
                        + "breaker is forced open");
        assertRefusedChangingNothing(FLAGS + "/brownout/enable",
                admin.post(FLAGS + "/brownout/enable", reason("refused while held open")));

        assertThat(admin.post("/api/admin/breakers/database/reset", reason("let go")).status()).isEqualTo(200);
        assertThat(admin.get(FLAGS).json().path("shared").path("writable").asBoolean()).isTrue();
        assertThat(admin.get("/api/observability/summary").json().path("attention").toString())
                .doesNotContain("operator changes are refused");
        assertNothingChanged(before, "refused while held open");
    }

    @Test
    void aDatabaseThatStopsAnsweringRefusesWritesOfTheFleetsStateBeforeTheInstanceHasNoticed() throws Exception {
        Before before = fleetStateToChange();

        proxy.stall();
        try {
            assertThat(admin.get(FLAGS).json().path("shared").path("stale").asBoolean()).as("not noticed yet")
                    .isFalse();
            Map<String, String> writes = sharedWrites("refused while stalled");
            // Rollouts first: a rollout action is applied here before its write to the fleet, and undone if refused.
            for (String path : List.of(ROLLOUTS, ROLLOUTS + "/outage-running/rollback", FLAGS + "/brownout/disable",
                    FLAGS + "/agents/dronedome/quarantine", FLAGS + "/flags/dreams.search/override", PIN)) {
                assertRefusedChangingNothing(path, admin.post(path, writes.get(path)));
            }
            assertThat(flagState()).as("here, during the stall").isEqualTo(before.flags());
            assertThat(rollouts()).as("here, during the stall: undone").isEqualTo(before.rollouts());
        } finally {
            proxy.restore();
        }
        assertNothingChanged(before, "refused while stalled");
    }

    /**
     * Regression: a rollout action was applied here before its write to the fleet, so while the database did not
     * answer this instance routed by the new step (here 100% instead of 10%), then undid it on the 503.
     */
    @Test
    void aRolloutActionWaitingForTheFleetIsNotRoutedByHereBeforeTheFleetHasIt() throws Exception {
        Before before = fleetStateToChange();
        ExecutorService operator = Executors.newSingleThreadExecutor();
        proxy.stall();
        try {
            Future<Reply> promote = operator.submit(() -> admin.post(ROLLOUTS + "/outage-running/promote",
                    reason("refused while pending")));
            int seenPending = 0;
            Reply answer = null;
            while (answer == null) {
                assertThat(rollouts()).as("here, while the promotion waits for the fleet").isEqualTo(before.rollouts());
                seenPending++;
                try {
                    answer = promote.get(20, TimeUnit.MILLISECONDS);
                } catch (TimeoutException pending) {
                    // still waiting for the fleet: read again
                }
            }
            assertThat(seenPending).as("read while the promotion waited").isGreaterThan(3);
            assertRefusedChangingNothing(ROLLOUTS + "/outage-running/promote", answer);
        } finally {
            proxy.restore();
            operator.shutdownNow();
        }
        assertNothingChanged(before, "refused while pending");

        Reply taken = admin.post(ROLLOUTS + "/outage-running/promote", reason("taken once back"));
        assertThat(taken.status()).as(taken.body()).isEqualTo(200);
        assertThat(rollouts().get("outage-running")).isEqualTo("PROMOTED 100.0% step 1");
        assertThat(storedRollouts()).containsEntry("outage-running", "PROMOTED");
    }

    @Test
    void thisInstancesOwnSwitchesAreTakenHereDuringTheOutageAndTheFleetsStateIsLeftAlone() throws Exception {
        String rowBefore = sharedRow();

        proxy.stall();
        try {
            // Per instance by design (docs/FLEET.md, "What is shared"): taken here, audited to the log only.
            Reply forced = admin.post("/api/admin/breakers/provider/force-open", reason("own: force-open"));
            assertThat(forced.status()).as(forced.body()).isEqualTo(200);
            assertThat(forced.text("state")).isEqualTo("FORCED_OPEN");
            Reply faults = admin.post("/api/admin/canary-faults", "{\"errorRate\": 0.5, " + reason("own: canary")
                    .substring(1));
            assertThat(faults.status()).as(faults.body()).isEqualTo(200);
            Reply stub = admin.post("/api/admin/stub-provider/faults", "{\"failureRate\": 1.0, " + reason("own: stub")
                    .substring(1));
            assertThat(stub.status()).as(stub.body()).isEqualTo(200);
        } finally {
            proxy.restore();
        }
        assertThat(admin.get("/api/admin/canary-faults").json().path("errorRate").asDouble()).isEqualTo(0.5);
        assertThat(admin.get("/api/observability/stub-provider/faults").json().path("failureRate").asDouble())
                .isEqualTo(1.0);
        assertThat(sharedRow()).as("the fleet's shared_state row").isEqualTo(rowBefore);
    }

    /** What the outage must leave as it was: here (flags, rollouts) and in the database (the shared row). */
    private record Before(JsonNode flags, Map<String, String> rollouts, String sharedRow) {
    }

    /** Before the outage: BROWNOUT, an override, a quarantined agent, a running and a paused rollout. */
    private Before fleetStateToChange() throws SQLException {
        for (Map.Entry<String, String> write : Map.of(
                FLAGS + "/brownout/enable", reason("set up"),
                FLAGS + "/flags/dreams.search/override", "{\"enabled\": false, \"reason\": \"set up\"}",
                FLAGS + "/agents/citadel/quarantine", reason("set up")).entrySet()) {
            Reply taken = admin.post(write.getKey(), write.getValue());
            assertThat(taken.status()).as(write.getKey() + ": " + taken.body()).isEqualTo(200);
        }
        for (String rollout : List.of("outage-running", "outage-paused")) {
            Reply started = admin.post(ROLLOUTS, "{\"name\": \"" + rollout + "\", \"steps\": [10, 100], "
                    + "\"reason\": \"set up\"}");
            assertThat(started.status()).as(started.body()).isEqualTo(201);
        }
        assertThat(admin.post(ROLLOUTS + "/outage-paused/pause", reason("set up")).status()).isEqualTo(200);
        await("this instance follows the last version it wrote").atMost(Servers.DEADLINE).until(() ->
                flagState().path("version").asText().equals(query("SELECT version FROM shared_state").get(0)));
        return new Before(flagState(), rollouts(), sharedRow());
    }

    /** The refused writes (reasons saying {@code why}) changed nothing here or in the database, and none is audited. */
    private void assertNothingChanged(Before before, String why) throws SQLException {
        assertThat(flagState()).as("mode, kill switches, overrides, quarantines here").isEqualTo(before.flags());
        assertThat(rollouts()).as("rollouts here").isEqualTo(before.rollouts());
        assertThat(admin.get("/api/observability/overload").json().at("/automaticBrownout/pinnedBy").isMissingNode()
                || admin.get("/api/observability/overload").json().at("/automaticBrownout/pinnedBy").isNull())
                .as("automatic brownout's pin here").isTrue();
        assertThat(sharedRow()).as("the fleet's shared_state row").isEqualTo(before.sharedRow());
        assertThat(storedRollouts()).as("the fleet's rollout rows").isEqualTo(Map.of(
                "outage-running", "RUNNING", "outage-paused", "PAUSED"));
        assertThat(auditEntries(why)).isZero();
    }

    /** Every operator write of the fleet's state, by path, each with a reason that names {@code why}. */
    private Map<String, String> sharedWrites(String why) {
        Map<String, String> writes = new LinkedHashMap<>();
        for (String path : List.of("/brownout/enable", "/brownout/disable", "/emergency/enable",
                "/safe-mode/enable", "/safe-mode/disable", "/write-drain/enable", "/write-drain/disable",
                "/flags/dreams.search/clear-override", "/agents/dronedome/quarantine", "/agents/citadel/release")) {
            writes.put(FLAGS + path, reason(why + ": " + path));
        }
        writes.put(FLAGS + "/flags/dreams.search/override",
                "{\"enabled\": true, \"reason\": \"" + incident + " " + why + ": override\"}");
        writes.put(ROLLOUTS, "{\"name\": \"outage-new\", \"reason\": \"" + incident + " " + why + ": start\"}");
        for (String action : List.of("pause", "promote", "rollback")) {
            writes.put(ROLLOUTS + "/outage-running/" + action, reason(why + ": " + action));
        }
        writes.put(ROLLOUTS + "/outage-paused/resume", reason(why + ": resume"));
        writes.put(PIN, reason(why + ": pin"));
        writes.put("/api/admin/overload/unpin", reason(why + ": unpin"));
        return writes;
    }

    private String reason(String why) {
        return "{\"reason\": \"" + incident + " " + why + "\"}";
    }

    private static void assertRefusedChangingNothing(String path, Reply answer) {
        assertThat(answer.status()).as(path + ": " + answer.body()).isEqualTo(503);
        assertThat(answer.text("error")).as(path).isEqualTo("shared state unavailable");
        assertThat(answer.text("detail")).as(path).contains("nothing was changed", "PostgreSQL");
    }

    private JsonNode flagState() {
        return admin.get(FLAGS).json().path("state");
    }

    /** Each rollout's name, status, percent and step, as this instance serves them. */
    private Map<String, String> rollouts() {
        Map<String, String> rollouts = new LinkedHashMap<>();
        for (JsonNode rollout : admin.get("/api/observability/rollouts").json().path("rollouts")) {
            rollouts.put(rollout.path("name").asText(), rollout.path("status").asText() + " "
                    + rollout.path("percent").asDouble() + "% step " + rollout.path("step").asInt());
        }
        return rollouts;
    }

    /** The fleet's state as the database holds it, read there directly, not through the proxy. */
    private String sharedRow() throws SQLException {
        return query("SELECT version || ' ' || mode || ' ' || safe_mode || ' ' || write_drain || ' ' || overrides "
                + "|| ' ' || quarantined || ' ' || COALESCE(brownout_pinned_by, '-') FROM shared_state WHERE id = 1")
                .get(0);
    }

    private Map<String, String> storedRollouts() throws SQLException {
        Map<String, String> stored = new LinkedHashMap<>();
        for (String row : query("SELECT name || '=' || status FROM rollouts ORDER BY name")) {
            stored.put(row.substring(0, row.indexOf('=')), row.substring(row.indexOf('=') + 1));
        }
        return stored;
    }

    /** Entries in the database's audit log whose reason says {@code why}, this run's incident only. */
    private long auditEntries(String why) throws SQLException {
        return Long.parseLong(query("SELECT count(*) FROM audit_log WHERE reason LIKE '" + incident + " " + why
                + "%'").get(0));
    }

    private List<String> query(String sql) throws SQLException {
        try (Connection c = DriverManager.getConnection(database.jdbcUrl());
             PreparedStatement select = c.prepareStatement(sql); ResultSet r = select.executeQuery()) {
            List<String> values = new java.util.ArrayList<>();
            while (r.next()) {
                values.add(r.getString(1));
            }
            return values;
        }
    }
}
