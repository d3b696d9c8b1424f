package dev.dreamnet.runtime.rollouts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.dreamnet.core.rollout.RolloutConfig;
import dev.dreamnet.core.rollout.RolloutStatus;
import dev.dreamnet.runtime.DreamNet;
import dev.dreamnet.runtime.fleet.FleetPair;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Two instances on one real PostgreSQL, and an operator acting on the second about a rollout that another instance has
 * just written and the second has not yet heard of (the test writes the row itself, announcing nothing). The fleet does
 * not take the action, so the operator hears a conflict: the action is not taken on this instance either, and not
 * audited. Before, the action was dropped in the fleet with a warning in the log, yet answered and audited as taken.
 */
class RolloutRaceFleetPostgresTest {

    private FleetPair fleet;
    private DreamNet second;

    @BeforeEach
    void start() throws Exception {
        fleet = FleetPair.start("dreamnet_rollout_race");
        second = fleet.second();
        fleet.first().rollouts().start(RolloutConfig.builder("race-v1").steps(List.of(10.0, 50.0, 100.0)).build(),
                "alice", "INC-11: started");
        await().atMost(Duration.ofSeconds(20)).until(() -> second.rollouts().find("race-v1").isPresent());
    }

    @AfterEach
    void stop() throws Exception {
        fleet.close();
    }

    @Test
    void anActionOnARolloutAnotherInstanceChangedFirstIsAConflictNeitherTakenHereNorAudited() throws Exception {
        long revision = Long.parseLong(query("SELECT revision FROM rollouts WHERE name = ?", "race-v1")) + 1000;
        execute("UPDATE rollouts SET revision = " + revision + " WHERE name = 'race-v1'");

        assertThatThrownBy(() -> second.rollouts().operate("race-v1", "pause", rollout -> {
            rollout.pause();
            return rollout;
        }, "bob", "INC-11: refused pause")).isInstanceOf(RolloutConflictException.class)
                .hasMessageContaining("changed by another instance first");

        assertThat(second.rollouts().get("race-v1").state().status()).as("undone here").isEqualTo(RolloutStatus.RUNNING);
        assertThat(query("SELECT status FROM rollouts WHERE name = ?", "race-v1")).isEqualTo("RUNNING");
        assertThat(query("SELECT revision FROM rollouts WHERE name = ?", "race-v1")).isEqualTo(Long.toString(revision));
        assertThat(auditEntries("INC-11: refused pause")).isZero();
        assertThat(second.rollouts().metrics()).filteredOn(metric -> metric.rollout().equals("race-v1")).singleElement()
                .satisfies(metric -> assertThat(metric.decisions()).doesNotContainKey("paused"));
    }

    @Test
    void aRolloutStartedUnderANameAnotherInstanceWroteFirstIsAConflictAndNotAudited() throws Exception {
        // Another instance's new rollout "race-v2": a copy of race-v1's row under that name.
        execute("CREATE TEMP TABLE copied AS SELECT * FROM rollouts WHERE name = 'race-v1'; "
                + "UPDATE copied SET name = 'race-v2'; INSERT INTO rollouts SELECT * FROM copied");
        String revision = query("SELECT revision FROM rollouts WHERE name = ?", "race-v2");

        assertThatThrownBy(() -> second.rollouts().start(RolloutConfig.builder("race-v2").build(), "bob",
                "INC-11: refused start")).isInstanceOf(RolloutConflictException.class);

        assertThat(query("SELECT revision FROM rollouts WHERE name = ?", "race-v2")).as("the row, untouched")
                .isEqualTo(revision);
        assertThat(auditEntries("INC-11: refused start")).isZero();
    }

    private long auditEntries(String reason) throws Exception {
        return Long.parseLong(query("SELECT count(*) FROM audit_log WHERE reason = ?", reason));
    }

    private String query(String sql, String value) throws Exception {
        try (Connection c = DriverManager.getConnection(fleet.database().jdbcUrl());
             PreparedStatement query = c.prepareStatement(sql)) {
            query.setString(1, value);
            try (ResultSet r = query.executeQuery()) {
                assertThat(r.next()).as(sql + " [" + value + "]").isTrue();
                return r.getString(1);
            }
        }
    }

    private void execute(String sql) throws Exception {
        try (Connection c = DriverManager.getConnection(fleet.database().jdbcUrl());
             Statement statement = c.createStatement()) {
            statement.execute(sql);
        }
    }
}
