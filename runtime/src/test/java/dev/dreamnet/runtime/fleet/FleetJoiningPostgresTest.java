package dev.dreamnet.runtime.fleet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dreamnet.core.flags.Mode;
import dev.dreamnet.core.rollout.RolloutConfig;
import dev.dreamnet.core.startup.ServiceSpec;
import dev.dreamnet.runtime.DreamNet;
import dev.dreamnet.runtime.audit.AuditEntry;
import dev.dreamnet.testing.BlockingComponent;
import dev.dreamnet.testing.PostgresTestDatabase;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * An instance in fleet mode on a real PostgreSQL joins the fleet once its startup graph is up, and operators may act on
 * it before that (its admin routes are never gated). A change taken then would hold on this instance only and be
 * replaced by the fleet's state at the join, after an answer that said it was taken: it is refused instead, naming why,
 * and taken once the instance has joined.
 */
class FleetJoiningPostgresTest {

    private final BlockingComponent warmup = new BlockingComponent();
    private PostgresTestDatabase database;
    private DreamNet dreamnet;

    @BeforeEach
    void startUntilTheWarmup() throws Exception {
        database = PostgresTestDatabase.create("dreamnet_joining");
        dreamnet = DreamNet.builder().environment(Map.of()).database(database.jdbcUrl())
                .services(ServiceSpec.builder("warmup").kind("warmup").build()).kind("warmup", spec -> warmup)
                .shutdownGrace(Duration.ofSeconds(1)).build().start();
        assertThat(warmup.awaitStarting(Duration.ofSeconds(20))).as("the graph reached the warmup").isTrue();
    }

    @AfterEach
    void stop() throws Exception {
        warmup.release();
        try {
            dreamnet.shutdown();
        } finally {
            database.close();
        }
    }

    @Test
    void anOperatorsChangeBeforeTheInstanceHasJoinedTheFleetIsRefusedAndTakenOnceItHas() throws Exception {
        assertThatThrownBy(() -> brownout("INC-12: before the join"))
                .isInstanceOf(SharedStateUnavailableException.class)
                .hasMessageContaining("has not joined the fleet", "nothing was changed");
        assertThatThrownBy(() -> dreamnet.rollouts().start(RolloutConfig.builder("early-v1").build(), "alice",
                "INC-12: before the join")).isInstanceOf(SharedStateUnavailableException.class)
                .hasMessageContaining("has not joined the fleet");
        assertThat(dreamnet.flags().snapshot().state().mode()).isEqualTo(Mode.NORMAL);
        assertThat(dreamnet.rollouts().find("early-v1")).isEmpty();

        warmup.release();
        dreamnet.started().get(20, TimeUnit.SECONDS);

        assertThat(brownout("INC-12: joined")).isEqualTo(Mode.BROWNOUT);
        assertThat(dreamnet.audit().recent(10)).extracting(AuditEntry::reason).containsExactly("INC-12: joined");
    }

    private Mode brownout(String reason) {
        return dreamnet.flags().change(state -> state.withMode(Mode.BROWNOUT), "alice", "brownout.enable", "mode",
                "NORMAL", reason).state().mode();
    }
}
