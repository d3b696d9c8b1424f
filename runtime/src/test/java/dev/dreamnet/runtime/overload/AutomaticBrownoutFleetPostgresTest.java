package dev.dreamnet.runtime.overload;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.dreamnet.config.overload.OverloadConfig;
import dev.dreamnet.core.flags.Mode;
import dev.dreamnet.core.metrics.RequestMetrics;
import dev.dreamnet.core.overload.AdaptiveLimitConfig;
import dev.dreamnet.core.overload.Criticality;
import dev.dreamnet.core.time.FakeClock;
import dev.dreamnet.runtime.DreamNet;
import dev.dreamnet.runtime.audit.AuditEntry;
import dev.dreamnet.runtime.fleet.FleetPair;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Two instances on one real PostgreSQL database form a fleet. By default an instance's automatic brownout is its own:
 * its limiter tightens, the fleet's mode stays NORMAL on both. With {@code fleetWide} the decision sets the fleet's
 * mode, which the other instance follows.
 */
class AutomaticBrownoutFleetPostgresTest {

    private final FakeClock clock = new FakeClock();
    private FleetPair fleet;
    private DreamNet first;
    private DreamNet second;

    @BeforeEach
    void start() throws Exception {
        fleet = FleetPair.start("dreamnet_brownout");
        first = fleet.first();
        second = fleet.second();
    }

    @AfterEach
    void stop() throws Exception {
        fleet.close();
    }

    private AutomaticBrownout overloaded(boolean fleetWide, OverloadProtection[] protection) {
        AdaptiveLimitConfig fixed = AdaptiveLimitConfig.builder().initialLimit(4).minLimit(4).maxLimit(4).build();
        protection[0] = OverloadProtection.of(OverloadConfig.builder().limit(fixed).brownout(
                new OverloadConfig.AutoBrownout(true, Duration.ofSeconds(2), Duration.ofSeconds(2), Map.of(),
                        fleetWide)).build(), clock);
        AutomaticBrownout automatic = new AutomaticBrownout(protection[0], first.flags(), first.audit(),
                RequestMetrics.builder().clock(clock).build(), clock);
        first.flags().addListener(automatic);
        for (int i = 0; i < 3; i++) {
            protection[0].acquire(Criticality.DEFAULT);
        }
        for (int s = 0; s < 4; s++) {
            protection[0].acquire(Criticality.DEFAULT);
            protection[0].refusal(Criticality.DEFAULT);
            clock.advance(Duration.ofSeconds(1));
            automatic.tick();
        }
        return automatic;
    }

    @Test
    void anInstancesAutomaticBrownoutIsItsOwnByDefault() throws Exception {
        OverloadProtection[] protection = new OverloadProtection[1];
        AutomaticBrownout automatic = overloaded(false, protection);

        assertThat(automatic.view().state()).isEqualTo("BROWNOUT");
        assertThat(automatic.view().scope()).isEqualTo("this instance");
        assertThat(protection[0].mode()).isEqualTo(Mode.BROWNOUT);
        assertThat(first.flags().snapshot().state().mode()).isEqualTo(Mode.NORMAL);
        assertThat(second.flags().snapshot().state().mode()).isEqualTo(Mode.NORMAL);
        AuditEntry entry = first.audit().recent(1).get(0);
        assertThat(entry.actor()).isEqualTo(AutomaticBrownout.ACTOR);
        assertThat(entry.target()).isEqualTo("mode (this instance)");

        for (int s = 0; s < 3; s++) {
            clock.advance(Duration.ofSeconds(1));
            automatic.tick();
        }
        assertThat(protection[0].mode()).isEqualTo(Mode.NORMAL);
    }

    @Test
    void fleetWideTheDecisionSetsTheFleetsModeAndTheOtherInstanceFollows() throws Exception {
        OverloadProtection[] protection = new OverloadProtection[1];
        AutomaticBrownout automatic = overloaded(true, protection);

        assertThat(automatic.view().state()).isEqualTo("BROWNOUT");
        assertThat(first.flags().snapshot().state().mode()).isEqualTo(Mode.BROWNOUT);
        await().atMost(Duration.ofSeconds(20))
                .until(() -> second.flags().snapshot().state().mode() == Mode.BROWNOUT);

        for (int s = 0; s < 3; s++) {
            clock.advance(Duration.ofSeconds(1));
            automatic.tick();
        }
        assertThat(first.flags().snapshot().state().mode()).isEqualTo(Mode.NORMAL);
        await().atMost(Duration.ofSeconds(20)).until(() -> second.flags().snapshot().state().mode() == Mode.NORMAL);
    }
}
