package dev.dreamnet.runtime.flags;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.dreamnet.runtime.DreamNet;
import dev.dreamnet.runtime.audit.AuditEntry;
import dev.dreamnet.runtime.fleet.FleetPair;
import dev.dreamnet.testing.PostgresTestDatabase;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Two instances on one real PostgreSQL: whether an override is set is decided on the fleet's state, in the change's
 * transaction. Clearing one that is not set is refused as such (not as a database failure), leaves the shared row's
 * version as it was, and audits nothing.
 */
class ClearOverrideFleetPostgresTest {

    private FleetPair fleet;
    private PostgresTestDatabase database;
    private DreamNet first;
    private DreamNet second;

    @BeforeEach
    void start() throws Exception {
        fleet = FleetPair.start("dreamnet_clear_override");
        database = fleet.database();
        first = fleet.first();
        second = fleet.second();
    }

    @AfterEach
    void stop() throws Exception {
        fleet.close();
    }

    @Test
    void clearingAnOverrideNoInstanceSetIsRefusedAndChangesNothingInTheFleet() throws Exception {
        long version = sharedVersion();

        assertThatThrownBy(() -> first.flags().clearOverride("search", "alice", "INC-8"))
                .isInstanceOf(NoOverrideException.class)
                .hasMessageStartingWith("no override is set for flag \"search\"");

        assertThat(sharedVersion()).isEqualTo(version);
        assertThat(first.audit().recent(10)).isEmpty();
    }

    @Test
    void anOverrideSetOnOneInstanceIsClearedOnTheOtherAndAClearedOneIsNotClearedTwice() throws Exception {
        first.flags().change(s -> s.withOverride("search", false), "alice", "flag.override", "search", "", "INC-8");
        await().atMost(Duration.ofSeconds(20))
                .until(() -> second.flags().snapshot().state().overrides().containsKey("search"));

        assertThat(second.flags().clearOverride("search", "bob", "INC-8 over").state().overrides()).isEmpty();
        long version = sharedVersion();
        // first may still hold the override it set; the fleet's state, read in the transaction, decides.
        assertThatThrownBy(() -> first.flags().clearOverride("search", "alice", "again"))
                .isInstanceOf(NoOverrideException.class);

        assertThat(sharedVersion()).isEqualTo(version);
        assertThat(first.audit().recent(10)).extracting(AuditEntry::action)
                .containsExactly("flag.clear-override", "flag.override");
    }

    private long sharedVersion() throws Exception {
        try (Connection c = DriverManager.getConnection(database.jdbcUrl());
             Statement statement = c.createStatement();
             ResultSet row = statement.executeQuery("SELECT version FROM shared_state WHERE id = 1")) {
            assertThat(row.next()).isTrue();
            return row.getLong(1);
        }
    }
}
