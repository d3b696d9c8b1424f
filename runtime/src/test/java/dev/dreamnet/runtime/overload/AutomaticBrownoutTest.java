package dev.dreamnet.runtime.overload;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dreamnet.config.overload.OverloadConfig;
import dev.dreamnet.core.flags.Mode;
import dev.dreamnet.core.metrics.RequestMetrics;
import dev.dreamnet.core.overload.AdaptiveLimitConfig;
import dev.dreamnet.core.overload.Criticality;
import dev.dreamnet.core.time.FakeClock;
import dev.dreamnet.runtime.DreamNet;
import dev.dreamnet.runtime.audit.AuditEntry;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Automatic brownout on a fake clock, against a real runtime's flags and audit log: it enters after 10 s of refused
 * DEFAULT work, leaves after 30 s without, and never overrides an operator (a mode change or a pin).
 */
class AutomaticBrownoutTest {

    private final FakeClock clock = new FakeClock();
    private final RequestMetrics requests = RequestMetrics.builder().clock(clock).build();
    private DreamNet dreamnet;
    private OverloadProtection protection;
    private AutomaticBrownout automatic;

    @BeforeEach
    void start() throws Exception {
        dreamnet = DreamNet.builder().environment(Map.of())
                .database("jdbc:h2:mem:brownout_" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1")
                .shutdownGrace(Duration.ofSeconds(1)).build().start();
        dreamnet.started().get(10, TimeUnit.SECONDS);
        start(OverloadConfig.AutoBrownout.ofDefaults());
    }

    private void start(OverloadConfig.AutoBrownout settings) {
        AdaptiveLimitConfig fixed = AdaptiveLimitConfig.builder().initialLimit(4).minLimit(4).maxLimit(4).build();
        protection = OverloadProtection.of(OverloadConfig.builder().limit(fixed).brownout(settings).build(), clock);
        automatic = new AutomaticBrownout(protection, dreamnet.flags(), dreamnet.audit(), requests, clock);
        dreamnet.flags().addListener(automatic);
        // DEFAULT may hold 3 of the 4 places: fill them, so that every further DEFAULT request is refused.
        for (int i = 0; i < 3; i++) {
            assertThat(protection.acquire(Criticality.DEFAULT)).isNotNull();
        }
    }

    @AfterEach
    void stop() {
        dreamnet.shutdown();
    }

    /** One second passes; {@code refused} DEFAULT requests were refused in it; the controller looks. */
    private void second(int refused) {
        for (int i = 0; i < refused; i++) {
            assertThat(protection.acquire(Criticality.DEFAULT)).isNull();
            protection.refusal(Criticality.DEFAULT);
        }
        clock.advance(Duration.ofSeconds(1));
        automatic.tick();
    }

    private Mode mode() {
        return dreamnet.flags().snapshot().state().mode();
    }

    @Test
    void entersAfterTenSecondsOfRefusedDefaultWorkAndLeavesAfterThirtyHealthyOnes() throws Exception {
        second(0);
        for (int s = 0; s < 10; s++) {
            assertThat(mode()).as("second %d", s).isEqualTo(Mode.NORMAL);
            second(5);
        }
        second(5);
        assertThat(mode()).isEqualTo(Mode.BROWNOUT);
        assertThat(protection.mode()).as("the limiter uses the brownout shares").isEqualTo(Mode.BROWNOUT);
        assertThat(automatic.view().state()).isEqualTo("BROWNOUT");
        assertThat(automatic.view().evidence()).contains("5 CRITICAL or DEFAULT requests refused in the last second");
        AuditEntry entered = dreamnet.audit().recent(1).get(0);
        assertThat(entered.actor()).isEqualTo(AutomaticBrownout.ACTOR);
        assertThat(entered.action()).isEqualTo("mode.automatic");
        assertThat(entered.reason()).startsWith("overloaded for 10 s: 5 CRITICAL or DEFAULT requests refused");

        for (int s = 0; s < 30; s++) {
            second(0);
            assertThat(mode()).as("healthy second %d", s).isEqualTo(Mode.BROWNOUT);
        }
        second(0);
        assertThat(mode()).isEqualTo(Mode.NORMAL);
        assertThat(protection.mode()).isEqualTo(Mode.NORMAL);
        assertThat(dreamnet.audit().recent(1).get(0).reason()).startsWith("healthy for 30 s");
    }

    @Test
    void anObjectiveThatPagesIsEvidenceForBrownoutAuditedAsSuch() throws Exception {
        java.util.concurrent.atomic.AtomicBoolean paging = new java.util.concurrent.atomic.AtomicBoolean(true);
        automatic.evidence(() -> paging.get() ? java.util.List.of("SLO dream-reads pages (PAGE: burn rate 40.0x over "
                + "1h and 90.0x over 5m (threshold 14.4x))") : java.util.List.of());
        for (int s = 0; s <= 11; s++) {
            second(0);
        }

        assertThat(mode()).isEqualTo(Mode.BROWNOUT);
        assertThat(dreamnet.audit().recent(1).get(0).reason()).startsWith("overloaded for 10 s: SLO dream-reads pages");

        paging.set(false);
        for (int s = 0; s <= 31; s++) {
            second(0);
        }
        assertThat(mode()).isEqualTo(Mode.NORMAL);
    }

    @Test
    void refusedSheddableWorkAloneIsNoReasonForBrownout() {
        for (int s = 0; s < 30; s++) {
            assertThat(protection.acquire(Criticality.SHEDDABLE)).isNull();
            protection.refusal(Criticality.SHEDDABLE);
            second(0);
        }
        assertThat(mode()).isEqualTo(Mode.NORMAL);
    }

    /**
     * Regression: any change of the operators' state (an override, a kill switch; in a fleet a rollout's step or a pin)
     * raised its version, and the controller took that for an operator taking the mode: its brownout then never ended.
     */
    @Test
    void anOperatorChangeThatLeavesTheModeAloneDoesNotStrandAnAutomaticBrownout() {
        for (int s = 0; s <= 11; s++) {
            second(3);
        }
        assertThat(mode()).isEqualTo(Mode.BROWNOUT);

        dreamnet.flags().change(state -> state.withOverride("search", false), "alice", "flag.override", "search", "",
                "INC-13: search is slow");
        for (int s = 0; s <= 31; s++) {
            second(0);
        }

        assertThat(mode()).as("left once healthy, as without the override").isEqualTo(Mode.NORMAL);
        assertThat(dreamnet.flags().snapshot().state().overrides()).as("the override kept").containsKey("search");
        assertThat(automatic.view().state()).isEqualTo("NORMAL");
    }

    @Test
    void anOperatorWhoChangesTheModeDuringAnAutomaticBrownoutKeepsIt() {
        for (int s = 0; s <= 11; s++) {
            second(3);
        }
        assertThat(mode()).isEqualTo(Mode.BROWNOUT);

        dreamnet.flags().change(state -> state.withMode(Mode.EMERGENCY), "alice", "mode.enable", "mode", "", "worse");
        for (int s = 0; s < 60; s++) {
            second(0);
        }

        assertThat(mode()).as("never undone by the automatic side").isEqualTo(Mode.EMERGENCY);
        assertThat(automatic.view().state()).isEqualTo("NORMAL");
        assertThat(automatic.view().lastDecision()).contains("an operator set the mode to EMERGENCY");
    }

    @Test
    void whilePinnedNothingIsDecidedAndAfterUnpinningFreshEvidenceIsNeeded() throws Exception {
        automatic.pin("bob", "we are on it");
        for (int s = 0; s < 20; s++) {
            second(5);
        }
        assertThat(mode()).isEqualTo(Mode.NORMAL);
        assertThat(automatic.view().pinnedBy()).isEqualTo("bob");
        assertThat(automatic.view().lastDecision()).contains("pinned by bob");

        automatic.unpin("bob", "fixed");
        for (int s = 0; s < 10; s++) {
            second(5);
            assertThat(mode()).as("second %d after unpinning", s).isEqualTo(Mode.NORMAL);
        }
        second(5);
        assertThat(mode()).isEqualTo(Mode.BROWNOUT);
        List<String> actions = dreamnet.audit().recent(5).stream().map(AuditEntry::action).toList();
        assertThat(actions).contains("overload.pin", "overload.unpin", "mode.automatic");
    }

    @Test
    void aRouteAboveItsLatencyBoundIsEvidenceToo() {
        dreamnet.flags().removeListener(automatic);
        start(new OverloadConfig.AutoBrownout(true, Duration.ofSeconds(3), Duration.ofSeconds(5),
                Map.of("GET /api/slow", Duration.ofMillis(200)), false));
        for (int s = 0; s <= 4; s++) {
            for (int i = 0; i < 100; i++) {
                requests.record("GET /api/slow", 200, Duration.ofMillis(900).toNanos());
            }
            second(0);
        }
        assertThat(mode()).isEqualTo(Mode.BROWNOUT);
        assertThat(automatic.view().evidence()).contains("GET /api/slow p99").contains("> 200 ms");
    }
}
