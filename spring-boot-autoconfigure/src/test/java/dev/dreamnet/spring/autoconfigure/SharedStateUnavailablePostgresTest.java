package dev.dreamnet.spring.autoconfigure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.dreamnet.core.rollout.RolloutConfig;
import dev.dreamnet.core.rollout.RolloutStatus;
import dev.dreamnet.runtime.flags.FlagService;
import dev.dreamnet.runtime.fleet.SharedStateUnavailableException;
import dev.dreamnet.runtime.metrics.MetricSources;
import dev.dreamnet.runtime.rollouts.RolloutService;
import dev.dreamnet.spring.autoconfigure.app.TestApp;
import dev.dreamnet.testing.PostgresTestDatabase;
import dev.dreamnet.testing.TcpProxy;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledIfSystemProperty;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The endpoint's writes in a fleet whose PostgreSQL this instance can no longer write: the real database, behind a
 * proxy the test cuts (every connection reset) or stalls (a network that stops answering). Each write is a 503
 * {@code shared state unavailable} whose detail says nothing was changed, never a 500 nor a hang; what it would have
 * changed reads back unchanged here and in the database, and has no audit entry; once the database is back, the same
 * write is taken. Each test is an application of its own on the class's database.
 */
@SpringBootTest(classes = TestApp.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "dreamnet.fleet.enabled=true",
        "dreamnet.flags=src/test/resources/test-flags.yaml",
        "dreamnet.resilience=src/test/resources/test-resilience.yaml",
        "dreamnet.tokens.admin=admin-secret",
        "dreamnet.gates.startup-interval=50ms",
        "dreamnet.gates.interval=100ms",
        "dreamnet.shutdown-grace=2s",
        "management.endpoints.web.exposure.include=health,dreamnet"})
// Closed after each test, so before @AfterAll closes the proxy and drops the database from under it.
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_EACH_TEST_METHOD)
@DisabledIfSystemProperty(named = "dreamnet.test.postgresql-driver", matches = "absent",
        disabledReason = "needs PostgreSQL's JDBC driver: runs in surefire's with-postgresql execution")
class SharedStateUnavailablePostgresTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration DEADLINE = Duration.ofSeconds(30);
    private static final String ADMIN = "admin-secret";

    private static PostgresTestDatabase database;
    private static TcpProxy proxy;

    @LocalServerPort
    int port;
    @Autowired
    RolloutService rollouts;
    @Autowired
    FlagService flags;
    private Http http;

    @BeforeAll
    static void databaseBehindAProxy() throws SQLException {
        database = PostgresTestDatabase.create("dreamnet_starter_outage");
        proxy = TcpProxy.to("127.0.0.1", 5432);
    }

    @DynamicPropertySource
    static void fleetDatabase(DynamicPropertyRegistry registry) {
        registry.add("dreamnet.database", () -> database.jdbcUrl().replace(":5432/", ":" + proxy.port() + "/"));
    }

    @AfterAll
    static void dropDatabase() throws SQLException {
        if (proxy != null) {
            proxy.close();
        }
        if (database != null) {
            database.close();
        }
    }

    @BeforeEach
    void client() {
        http = new Http(port);
    }

    @Test
    void aModeChangeTheSharedStateCannotTakeIs503ChangesNothingAndIsTakenOnceTheDatabaseIsBack() throws Exception {
        assertThat(brownout(true, "INC-7: brownout on").statusCode()).isEqualTo(200);
        assertThat(state().path("mode").asText()).isEqualTo("BROWNOUT");

        cutTheDatabase();

        assertRefusedChangingNothing(brownout(false, "INC-7: refused brownout off"));
        assertRefusedChangingNothing(http.post("/actuator/dreamnet/modes/emergency",
                "{\"enabled\": true, \"reason\": \"INC-7: refused emergency\"}", ADMIN));
        assertThat(state().path("mode").asText()).as("read back during the outage").isEqualTo("BROWNOUT");

        proxy.restore();

        List<Integer> answers = untilTaken(() -> brownout(false, "INC-7: brownout off"));
        assertThat(answers).as("until the database answers, the outage's refusal").allMatch(status -> status == 503);
        assertThat(state().path("mode").asText()).isEqualTo("NORMAL");
        assertThat(auditEntries("INC-7: brownout on")).isEqualTo(1);
        assertThat(auditEntries("INC-7: brownout off")).isEqualTo(1);
        assertThat(auditEntries("INC-7: refused brownout off")).isZero();
        assertThat(auditEntries("INC-7: refused emergency")).isZero();
    }

    @Test
    void overridesKillSwitchesAndRolloutsAreRefusedAlikeDuringTheOutageNeverWith500() throws Exception {
        assertThat(http.post("/actuator/dreamnet/overrides/recommendations",
                "{\"enabled\": false, \"reason\": \"INC-8: override set\"}", ADMIN).statusCode()).isEqualTo(200);
        rollouts.start(RolloutConfig.builder("search-v2").build(), "tester", "INC-8: rollout started");

        cutTheDatabase();

        assertRefusedChangingNothing(http.post("/actuator/dreamnet/overrides/recommendations",
                "{\"enabled\": true, \"reason\": \"INC-8: refused override\"}", ADMIN));
        assertRefusedChangingNothing(http.delete("/actuator/dreamnet/overrides/recommendations", ADMIN));
        assertRefusedChangingNothing(http.post("/actuator/dreamnet/kill-switches/write-drain",
                "{\"enabled\": true, \"reason\": \"INC-8: refused write drain\"}", ADMIN));
        assertRefusedChangingNothing(pause("INC-8: refused pause"));
        assertRefusedChangingNothing(http.post("/actuator/dreamnet/overload/pin",
                "{\"reason\": \"INC-8: refused pin\"}", ADMIN));
        assertThat(read("/actuator/dreamnet/overload").path("automaticBrownout").path("pinnedBy").isNull())
                .as("not pinned here").isTrue();
        JsonNode state = state();
        assertThat(state.path("overrides").path("recommendations").asBoolean(true)).isFalse();
        assertThat(state.path("writeDrain").asBoolean(true)).isFalse();
        assertThat(rollout().path("status").asText()).isEqualTo("RUNNING");

        proxy.restore();

        assertThat(untilTaken(() -> pause("INC-8: paused"))).allMatch(status -> status == 503);
        assertThat(rollout().path("status").asText()).isEqualTo("PAUSED");
        assertThat(storedStatus("search-v2")).as("the fleet's row").isEqualTo("PAUSED");
        assertThat(auditEntries("INC-8: paused")).isEqualTo(1);
        for (String refused : List.of("INC-8: refused override", "INC-8: refused write drain",
                "INC-8: refused pause", "INC-8: refused pin")) {
            assertThat(auditEntries(refused)).as(refused).isZero();
        }
        assertThat(auditEntriesOf("flag.clear-override")).as("the refused DELETE").isZero();
    }

    @Test
    void aDatabaseThatStopsAnsweringRefusesRolloutActionsBeforeTheInstanceHasNoticedAndNeverHangs() throws Exception {
        // The bug: the pause answered 200 and held on this instance only; the database, so the fleet, kept RUNNING.
        rollouts.start(RolloutConfig.builder("checkout-v3").build(), "tester", "INC-9: rollout started");
        String mode = state().path("mode").asText();
        proxy.stall();
        try {
            assertThat(flags.shared().orElseThrow().status().stale()).as("not noticed yet").isFalse();

            assertRefusedChangingNothing(http.post("/actuator/dreamnet/rollouts/checkout-v3",
                    "{\"action\": \"pause\", \"reason\": \"INC-9: refused pause\"}", ADMIN));
            assertRefusedChangingNothing(brownout(true, "INC-9: refused brownout"));

            assertThat(rollout("checkout-v3").path("status").asText()).isEqualTo("RUNNING");
            assertThat(state().path("mode").asText()).isEqualTo(mode);
        } finally {
            proxy.restore();
        }
        assertThat(storedStatus("checkout-v3")).as("the fleet's row").isEqualTo("RUNNING");
        assertThat(auditEntries("INC-9: refused pause")).isZero();
        assertThat(auditEntries("INC-9: refused brownout")).isZero();
    }

    @Test
    void aRolloutStartedWhileTheDatabaseStopsAnsweringIsNotStartedHereEitherAndAFinishedOneItWouldReplaceIsKept()
            throws Exception {
        // The same bug in start(): the new rollout ran here, audited, while the fleet never had it.
        rollouts.start(RolloutConfig.builder("reads-v4").steps(List.of(100.0)).build(), "tester", "INC-10: done");
        assertThat(rollouts.get("reads-v4").state().status()).isEqualTo(RolloutStatus.PROMOTED);
        proxy.stall();
        try {
            assertThatThrownBy(() -> rollouts.start(RolloutConfig.builder("reads-v4").build(), "tester",
                    "INC-10: refused restart")).isInstanceOf(SharedStateUnavailableException.class)
                    .hasMessageContaining("nothing was changed");
            assertThatThrownBy(() -> rollouts.start(RolloutConfig.builder("reads-v5").build(), "tester",
                    "INC-10: refused start")).isInstanceOf(SharedStateUnavailableException.class);

            assertThat(rollouts.get("reads-v4").state().status()).as("the finished one, kept")
                    .isEqualTo(RolloutStatus.PROMOTED);
            assertThat(rollouts.find("reads-v5")).as("not started here").isEmpty();
        } finally {
            proxy.restore();
        }
        assertThat(storedStatus("reads-v4")).isEqualTo("PROMOTED");
        assertThat(query("SELECT count(*) FROM rollouts WHERE name = ?", "reads-v5")).isEqualTo("0");
        assertThat(auditEntries("INC-10: refused restart")).isZero();
        assertThat(auditEntries("INC-10: refused start")).isZero();

        await().atMost(DEADLINE).ignoreException(SharedStateUnavailableException.class).until(() ->
                rollouts.start(RolloutConfig.builder("reads-v5").build(), "tester", "INC-10: taken") != null);
        assertThat(storedStatus("reads-v5")).isEqualTo("RUNNING");
        assertThat(auditEntries("INC-10: taken")).isEqualTo(1);
        assertThat(rollouts.metrics()).filteredOn(metric -> metric.rollout().equals("reads-v5")).singleElement()
                .as("the refused starts are not counted as decisions").extracting(MetricSources.RolloutMetric::decisions)
                .isEqualTo(Map.of("started", 1L));
    }

    @Test
    void aBreakerActionIsThisInstancesOwnAndIsTakenDuringTheOutageWhileTheSafeModeSwitchIsRefused() throws Exception {
        cutTheDatabase();

        assertRefusedChangingNothing(http.post("/actuator/dreamnet/kill-switches/safe-mode",
                "{\"enabled\": true, \"reason\": \"INC-11: refused safe mode\"}", ADMIN));
        assertThat(state().path("safeMode").asBoolean(true)).isFalse();
        // Breakers are per instance (docs/FLEET.md, "What is shared"): taken here, audited to the log only.
        HttpResponse<String> forced = http.post("/actuator/dreamnet/breakers/provider",
                "{\"action\": \"force-open\", \"reason\": \"INC-11: own breaker\"}", ADMIN);
        assertThat(forced.statusCode()).as(forced.body()).isEqualTo(200);
        assertThat(JSON.readTree(forced.body()).path("state").asText()).isEqualTo("FORCED_OPEN");

        proxy.restore();
        assertThat(auditEntries("INC-11: refused safe mode")).isZero();
    }

    /** Cuts every connection to PostgreSQL, and waits until this instance says it serves a stale copy. */
    private void cutTheDatabase() {
        proxy.cut();
        await().atMost(DEADLINE).until(() -> summary().path("fleet").path("sharedState").path("stale").asBoolean());
    }

    private static void assertRefusedChangingNothing(HttpResponse<String> answer) throws Exception {
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(503);
        JsonNode body = JSON.readTree(answer.body());
        assertThat(body.path("error").asText()).isEqualTo("shared state unavailable");
        assertThat(body.path("detail").asText()).contains("nothing was changed", "PostgreSQL");
        assertThat(body.size()).as("the error and its detail, no stack trace").isEqualTo(2);
    }

    /** Sends {@code write} until it is taken (200), returning every answer before that. */
    private static List<Integer> untilTaken(Callable<HttpResponse<String>> write) {
        List<Integer> before = new CopyOnWriteArrayList<>();
        await().atMost(DEADLINE).until(() -> {
            int status = write.call().statusCode();
            if (status == 200) {
                return true;
            }
            before.add(status);
            return false;
        });
        return before;
    }

    private HttpResponse<String> brownout(boolean enabled, String reason) throws Exception {
        return http.post("/actuator/dreamnet/modes/brownout",
                "{\"enabled\": " + enabled + ", \"reason\": \"" + reason + "\"}", ADMIN);
    }

    private HttpResponse<String> pause(String reason) throws Exception {
        return http.post("/actuator/dreamnet/rollouts/search-v2",
                "{\"action\": \"pause\", \"reason\": \"" + reason + "\"}", ADMIN);
    }

    private JsonNode summary() throws Exception {
        return read("/actuator/dreamnet");
    }

    /** The operators' state this instance serves: mode, kill switches, overrides. */
    private JsonNode state() throws Exception {
        return read("/actuator/dreamnet/flags").path("state");
    }

    private JsonNode rollout() throws Exception {
        return rollout("search-v2");
    }

    private JsonNode rollout(String name) throws Exception {
        for (JsonNode rollout : read("/actuator/dreamnet/rollouts").path("rollouts")) {
            if (rollout.path("name").asText().equals(name)) {
                return rollout;
            }
        }
        throw new AssertionError("no rollout " + name + " at /actuator/dreamnet/rollouts");
    }

    private JsonNode read(String path) throws Exception {
        HttpResponse<String> answer = http.get(path);
        assertThat(answer.statusCode()).as(path + ": " + answer.body()).isEqualTo(200);
        return JSON.readTree(answer.body());
    }

    /** Audit entries with {@code reason}, read from the database itself, not through the application. */
    private static long auditEntries(String reason) throws SQLException {
        return Long.parseLong(query("SELECT count(*) FROM audit_log WHERE reason = ?", reason));
    }

    private static long auditEntriesOf(String action) throws SQLException {
        return Long.parseLong(query("SELECT count(*) FROM audit_log WHERE action = ?", action));
    }

    /** The rollout's status as the fleet holds it: its row in the database. */
    private static String storedStatus(String rollout) throws SQLException {
        return query("SELECT status FROM rollouts WHERE name = ?", rollout);
    }

    private static String query(String sql, String value) throws SQLException {
        try (Connection c = DriverManager.getConnection(database.jdbcUrl());
             PreparedStatement query = c.prepareStatement(sql)) {
            query.setString(1, value);
            try (ResultSet r = query.executeQuery()) {
                assertThat(r.next()).as(sql + " [" + value + "]").isTrue();
                return r.getString(1);
            }
        }
    }
}
