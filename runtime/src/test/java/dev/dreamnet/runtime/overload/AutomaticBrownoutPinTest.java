package dev.dreamnet.runtime.overload;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dreamnet.config.overload.OverloadConfig;
import dev.dreamnet.core.flags.Mode;
import dev.dreamnet.core.overload.AdaptiveLimitConfig;
import dev.dreamnet.core.overload.ConcurrencyLimiter;
import dev.dreamnet.core.overload.Criticality;
import dev.dreamnet.core.time.FakeClock;
import dev.dreamnet.core.time.ManualScheduler;
import dev.dreamnet.runtime.DreamNet;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Pinning the mode during an automatic brownout, then unpinning it: DreamNet decides again, and leaves its own
 * brownout once the service has been healthy for {@code exitAfter}. The ticks are called by the test on a fake clock
 * (the scheduler is never advanced, so DreamNet's own timer never ticks).
 */
class AutomaticBrownoutPinTest {

    private final FakeClock clock = new FakeClock();
    private DreamNet dreamnet;
    private OverloadProtection protection;
    private AutomaticBrownout automatic;

    @BeforeEach
    void start() throws Exception {
        AdaptiveLimitConfig one = AdaptiveLimitConfig.builder().initialLimit(1).minLimit(1).maxLimit(1).build();
        dreamnet = DreamNet.builder().clock(clock).scheduler(new ManualScheduler()).environment(Map.of())
                .database("jdbc:h2:mem:pin_" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1")
                .overload(OverloadConfig.builder().limit(one).brownout(new OverloadConfig.AutoBrownout(true,
                        Duration.ofSeconds(2), Duration.ofSeconds(3), Map.of(), false)).build())
                .build().start();
        protection = dreamnet.overload();
        automatic = dreamnet.automaticBrownout();
    }

    @AfterEach
    void stop() {
        dreamnet.shutdown();
    }

    /** Regression: unpin forgot that DreamNet's own brownout was in force, which then never ended. */
    @Test
    void afterUnpinAnAutomaticBrownoutStillInForceEndsOnceHealthy() {
        ConcurrencyLimiter held = protection.acquire(Criticality.CRITICAL);
        for (int second = 0; second < 3; second++) {
            assertThat(protection.acquire(Criticality.CRITICAL)).as("the one place is taken").isNull();
            protection.refusal(Criticality.CRITICAL);
            tick();
        }
        assertThat(mode()).isEqualTo(Mode.BROWNOUT);

        automatic.pin("carol", "INC-7");
        protection.finished(held, Duration.ofMillis(1).toNanos(), OverloadProtection.Outcome.IGNORED);
        for (int second = 0; second < 5; second++) {
            tick();
        }
        assertThat(mode()).as("pinned: nothing is decided").isEqualTo(Mode.BROWNOUT);

        automatic.unpin("carol", "INC-7 over");
        for (int second = 0; second < 4; second++) {
            tick();
        }

        assertThat(mode()).isEqualTo(Mode.NORMAL);
        assertThat(automatic.view().state()).isEqualTo("NORMAL");
    }

    @Test
    void unpinWithoutABrownoutInForceNeedsFreshSustainedEvidenceToEnter() {
        automatic.pin("carol", "INC-8");
        automatic.unpin("carol", "INC-8 over");
        ConcurrencyLimiter held = protection.acquire(Criticality.CRITICAL);
        assertThat(protection.acquire(Criticality.CRITICAL)).isNull();
        protection.refusal(Criticality.CRITICAL);
        tick();

        assertThat(mode()).isEqualTo(Mode.NORMAL);
        protection.finished(held, 1, OverloadProtection.Outcome.IGNORED);
    }

    private void tick() {
        clock.advance(AutomaticBrownout.TICK);
        automatic.tick();
    }

    private Mode mode() {
        return dreamnet.flags().snapshot().state().mode();
    }
}
