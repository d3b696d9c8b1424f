package dev.dreamnet.runtime.rollouts;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dreamnet.core.rollout.Rollout;
import dev.dreamnet.core.rollout.RolloutConfig;
import dev.dreamnet.core.rollout.Variant;
import dev.dreamnet.core.time.ManualScheduler;
import dev.dreamnet.runtime.ToolkitSchema;
import dev.dreamnet.runtime.audit.AuditEntry;
import dev.dreamnet.runtime.audit.AuditLog;
import dev.dreamnet.runtime.resilience.Downstreams;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A healthy rollout does not promote while the error budget of its route is spent: its verdict says so, holding and
 * releasing are audited, and it promotes once the budget is no longer spent.
 */
class RolloutBudgetGateTest {

    private static final String ROUTE = "GET /api/dreams/{id}";

    private final ManualScheduler scheduler = new ManualScheduler();
    private final JdbcDataSource database = new JdbcDataSource();
    private AuditLog audit;
    private RolloutService service;
    private volatile boolean budgetSpent = true;

    @BeforeEach
    void setUp() throws Exception {
        database.setURL("jdbc:h2:mem:gate_" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
        ToolkitSchema.ensure(database);
        Downstreams downstreams = new Downstreams(Downstreams.defaults(), scheduler, duration -> { }, t -> { });
        audit = new AuditLog(() -> database, downstreams, scheduler);
        service = new RolloutService(() -> database, audit, downstreams, scheduler, scheduler, Runnable::run);
        service.promotionGate(routes -> routes.contains(ROUTE) && budgetSpent
                ? "promotion held: the error budget of SLO dream-reads (-20% left) is spent" : null);
        service.start();
    }

    @Test
    void aSpentBudgetHoldsPromotionUntilItIsNoLongerSpent() throws Exception {
        Rollout rollout = service.start(RolloutConfig.builder("reads-v2").steps(List.of(10.0, 50.0, 100.0))
                .bakeTime(Duration.ofSeconds(30)).window(Duration.ofSeconds(30)).minRequests(20).build(), "op", "go");
        service.servedOn("reads-v2", ROUTE);

        healthyTraffic(rollout, Duration.ofMinutes(2));

        assertThat(rollout.state().step()).isZero();
        assertThat(rollout.snapshot().lastVerdict().reason()).contains("error budget of SLO dream-reads");
        assertThat(actions()).contains("rollout.hold");

        budgetSpent = false;
        healthyTraffic(rollout, Duration.ofMinutes(1));

        assertThat(rollout.state().step()).isPositive();
        assertThat(actions()).contains("rollout.release", "rollout.promote");
    }

    @Test
    void aRolloutOnOtherRoutesIsNotHeld() {
        Rollout rollout = service.start(RolloutConfig.builder("writes-v2").steps(List.of(10.0, 100.0))
                .bakeTime(Duration.ofSeconds(30)).window(Duration.ofSeconds(30)).minRequests(20).build(), "op", "go");
        service.servedOn("writes-v2", "POST /api/dreams");

        healthyTraffic(rollout, Duration.ofMinutes(2));

        assertThat(rollout.state().step()).isPositive();
        assertThat(service.routes("writes-v2")).isEqualTo(Set.of("POST /api/dreams"));
    }

    private void healthyTraffic(Rollout rollout, Duration duration) {
        for (long s = 0; s < duration.toSeconds(); s++) {
            for (int i = 0; i < 10; i++) {
                rollout.record(Variant.BASELINE, false, 5_000_000);
                rollout.record(Variant.CANARY, false, 5_000_000);
            }
            scheduler.advance(Duration.ofSeconds(1));
        }
    }

    private List<String> actions() throws Exception {
        return audit.recent(100).stream().map(AuditEntry::action).toList();
    }
}
