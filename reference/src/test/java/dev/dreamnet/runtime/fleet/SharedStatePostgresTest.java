package dev.dreamnet.runtime.fleet;

import dev.dreamnet.runtime.fleet.SharedState;
import dev.dreamnet.runtime.fleet.SharedStateUnavailableException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.dreamnet.core.breaker.CircuitBreaker;
import dev.dreamnet.core.flags.FlagState;
import dev.dreamnet.core.flags.Mode;
import dev.dreamnet.core.time.Clock;
import dev.dreamnet.core.time.Sleeper;
import dev.dreamnet.jdbc.migrate.Migrator;
import dev.dreamnet.runtime.kinds.MigrationsComponent;
import dev.dreamnet.runtime.audit.AuditLog;
import dev.dreamnet.runtime.resilience.Downstreams;
import dev.dreamnet.testing.PostgresTestDatabase;
import dev.dreamnet.testing.TcpProxy;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The shared state's transactions on a real PostgreSQL database, with two instances' worth of
 * {@link SharedState} on pools of their own: a change applies to what the database holds, so
 * concurrent changes through two instances never undo each other; a failed change leaves neither
 * state nor audit entry; the writer gets what it committed back to install, and both instances
 * follow by version; an unreachable database refuses the change, saying nothing was changed.
 */
class SharedStatePostgresTest {

    private PostgresTestDatabase database;
    private TcpProxy proxy;
    private final List<HikariDataSource> pools = new ArrayList<>();
    private SharedState one;
    private Downstreams oneDownstreams;
    private SharedState two;
    private AuditLog audit;

    @BeforeEach
    void migrateAndOpenTwo() throws Exception {
        database = PostgresTestDatabase.create("dreamnet_shared_state");
        proxy = TcpProxy.to("127.0.0.1", 5432);
        HikariDataSource direct = pool(database.jdbcUrl());
        Migrator.builder().dataSource(direct).source(MigrationsComponent.source("db/migration")).build().up();
        HikariDataSource cuttable = pool(database.jdbcUrl().replace(":5432/", ":" + proxy.port() + "/"));
        Downstreams downstreams = new Downstreams(Downstreams.defaults(), Clock.system(), Sleeper.system(), t -> { });
        audit = new AuditLog(() -> direct, downstreams, Clock.system());
        oneDownstreams = new Downstreams(Downstreams.defaults(), Clock.system(), Sleeper.system(), t -> { });
        one = new SharedState(() -> cuttable, oneDownstreams, Clock.system(), "one");
        two = new SharedState(() -> direct, downstreams, Clock.system(), "two");
        one.start();
        two.start();
    }

    private HikariDataSource pool(String url) {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(url);
        config.setMaximumPoolSize(4);
        config.setConnectionTimeout(2_000);
        HikariDataSource pool = new HikariDataSource(config);
        pools.add(pool);
        return pool;
    }

    @AfterEach
    void close() throws Exception {
        pools.forEach(HikariDataSource::close);
        proxy.close();
        database.close();
    }

    @Test
    void aChangeThroughOneIsFollowedByTheOtherWithItsVersionAndAuditEntry() throws Exception {
        AtomicReference<FlagState> seenByTwo = new AtomicReference<>();
        two.addFollower((c, from, row) -> seenByTwo.set(row.flags()));

        SharedState.Committed<Void> committed = one.commit(tx -> {
            tx.writeFlags(tx.flags().withMode(Mode.BROWNOUT).withOverride("dreams.write", true));
            audit.recordWithin(tx.connection(), "op", "brownout.enable", "mode", "NORMAL", "BROWNOUT", "INC-1");
            return null;
        }, "op");
        assertThat(committed.row().version()).isEqualTo(1);
        assertThat(committed.row().flags().mode()).isEqualTo(Mode.BROWNOUT);
        assertThat(committed.row().flags().version()).as("the row's version, not the work's count of steps")
                .isEqualTo(1);
        try (Connection c = pools.get(0).getConnection()) {
            one.follow(c);
            two.follow(c);
        }

        assertThat(one.version()).isEqualTo(1);
        assertThat(two.version()).isEqualTo(1);
        assertThat(seenByTwo.get().mode()).isEqualTo(Mode.BROWNOUT);
        assertThat(seenByTwo.get().version()).isEqualTo(1);
        assertThat(count("SELECT count(*) FROM audit_log WHERE reason = 'INC-1'")).isEqualTo(1);
    }

    /** Regression: commit followed its own change at once, calling the writer back through its own follower. */
    @Test
    void aCommitNeverCallsTheWritersOwnFollowersItsListenerFollowsLater() throws Exception {
        List<Long> followedByOne = new ArrayList<>();
        one.addFollower((c, from, row) -> followedByOne.add(row.version()));

        SharedState.Committed<String> committed = one.commit(tx -> {
            tx.writeFlags(tx.flags().withMode(Mode.EMERGENCY));
            return "written";
        }, "op");

        assertThat(committed.result()).isEqualTo("written");
        assertThat(followedByOne).as("no follower runs inside the writer's commit").isEmpty();
        assertThat(one.version()).as("followed only by following").isZero();
        try (Connection c = pools.get(0).getConnection()) {
            one.follow(c);
        }
        assertThat(followedByOne).containsExactly(1L);
        assertThat(one.version()).isEqualTo(1);
    }

    @Test
    void concurrentChangesThroughTwoInstancesAllApplyAndEachRaisesTheVersionOnce() throws Exception {
        ExecutorService threads = Executors.newFixedThreadPool(4);
        List<Future<?>> done = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            SharedState through = i % 2 == 0 ? one : two;
            String flag = "flag-" + i;
            done.add(threads.submit(() -> through.commit(tx -> {
                tx.writeFlags(tx.flags().withOverride(flag, true));
                return null;
            }, "op")));
        }
        for (Future<?> future : done) {
            future.get();
        }
        threads.shutdown();

        try (Connection c = pools.get(0).getConnection()) {
            SharedState.Row row = SharedRow.read(c, false);
            assertThat(row.version()).isEqualTo(40);
            assertThat(row.flags().overrides()).hasSize(40);
        }
    }

    @Test
    void aChangeThatFailsMidwayLeavesNeitherStateNorAuditEntry() throws Exception {
        assertThatThrownBy(() -> two.commit(tx -> {
            tx.writeFlags(tx.flags().withMode(Mode.EMERGENCY));
            audit.recordWithin(tx.connection(), "op", "emergency.enable", "mode", "NORMAL", "EMERGENCY", "INC-2");
            throw new SQLException("the change's own work failed");
        }, "op")).isInstanceOf(SharedStateUnavailableException.class);

        try (Connection c = pools.get(0).getConnection()) {
            SharedState.Row row = SharedRow.read(c, false);
            assertThat(row.version()).isZero();
            assertThat(row.flags().mode()).isEqualTo(Mode.NORMAL);
        }
        assertThat(count("SELECT count(*) FROM audit_log WHERE reason = 'INC-2'")).isZero();
    }

    /** Connected, but writes refused for as long as the database's breaker stays open after the failures. */
    @Test
    void aTrippedDatabaseBreakerMakesAConnectedStateUnwritableUntilItLetsATrialThrough() throws Exception {
        assertThat(one.status().writable()).isTrue();
        CircuitBreaker breaker = oneDownstreams.breaker(Downstreams.DATABASE);
        for (int i = 0; i < 20 && breaker.state() == CircuitBreaker.State.CLOSED; i++) {
            assertThat(breaker.tryAcquirePermission()).isTrue();
            breaker.onError(1_000, new SQLException("connection refused"));
        }
        assertThat(breaker.state()).isEqualTo(CircuitBreaker.State.OPEN);

        SharedState.Status status = one.status();
        assertThat(status.connected()).isTrue();
        assertThat(status.writable()).isFalse();
        assertThat(status.writesRefusedUntil()).isEqualTo(breaker.snapshot().nextAttemptAt()).isAfter(Instant.now());
        assertThatThrownBy(() -> one.commit(tx -> null, "op")).isInstanceOf(SharedStateUnavailableException.class);
        assertThat(two.status().writable()).as("the other instance's own breaker").isTrue();
    }

    @Test
    void anUnreachableDatabaseRefusesTheChangeAndSaysNothingWasChanged() throws Exception {
        proxy.cut();
        one.disconnected("connection refused");

        assertThatThrownBy(() -> one.commit(tx -> {
            tx.writeFlags(tx.flags().withMode(Mode.BROWNOUT));
            return null;
        }, "op")).isInstanceOfSatisfying(SharedStateUnavailableException.class, e -> {
            assertThat(e.getMessage()).contains("nothing was changed on any instance", "stale since");
        });
        assertThat(one.status().stale()).isTrue();
        assertThat(one.status().staleSince()).isNotNull();
        assertThatThrownBy(() -> one.requireConnected("starting rollout \"x\""))
                .hasMessageContaining("starting rollout \"x\" was refused");

        proxy.restore();
        try (Connection c = pools.get(0).getConnection()) {
            assertThat(SharedRow.read(c, false).version()).isZero();
        }
    }

    private long count(String sql) throws SQLException {
        try (Connection c = pools.get(0).getConnection(); Statement s = c.createStatement(); ResultSet r = s.executeQuery(sql)) {
            r.next();
            return r.getLong(1);
        }
    }
}
