package dev.dreamnet.runtime.rollouts;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dreamnet.core.rollout.RolloutConfig;
import dev.dreamnet.core.rollout.RolloutState;
import dev.dreamnet.core.rollout.RolloutStatus;
import dev.dreamnet.core.time.FakeClock;
import dev.dreamnet.runtime.ToolkitSchema;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A rollout row's {@code updated_at} is the injected clock's time, on the embedded database. */
class RolloutStoreClockTest {

    private final FakeClock clock = new FakeClock();
    private final JdbcDataSource database = new JdbcDataSource();
    private RolloutStore store;

    @BeforeEach
    void migrate() throws Exception {
        database.setURL("jdbc:h2:mem:rollout_store_" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
        ToolkitSchema.ensure(database);
        store = new RolloutStore(() -> database, clock);
    }

    @AfterEach
    void drop() throws SQLException {
        try (Connection c = database.getConnection(); Statement s = c.createStatement()) {
            s.execute("SHUTDOWN");
        }
    }

    /** Regression: updated_at was stamped with Instant.now(), whatever clock the server ran on. */
    @Test
    void eachSaveStampsTheRowWithTheInjectedClock() throws Exception {
        RolloutConfig config = RolloutConfig.builder("dream-read-v2").build();
        store.save(config, state("started"));
        assertThat(updatedAt()).isEqualTo(Instant.ofEpochMilli(clock.wallMillis()));

        clock.advance(Duration.ofMinutes(90));
        store.save(config, state("paused by operator"));

        assertThat(updatedAt()).isEqualTo(Instant.ofEpochMilli(clock.wallMillis()));
    }

    private RolloutState state(String reason) {
        return new RolloutState("dream-read-v2", RolloutStatus.RUNNING, 0, 1, clock.wallMillis(), reason, 1);
    }

    private Instant updatedAt() throws SQLException {
        try (Connection c = database.getConnection(); Statement s = c.createStatement();
             ResultSet r = s.executeQuery("SELECT updated_at FROM rollouts WHERE name = 'dream-read-v2'")) {
            r.next();
            return r.getTimestamp(1).toInstant();
        }
    }
}
