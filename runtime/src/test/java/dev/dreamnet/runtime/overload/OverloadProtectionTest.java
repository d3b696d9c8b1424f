package dev.dreamnet.runtime.overload;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import dev.dreamnet.config.overload.OverloadConfig;
import dev.dreamnet.config.overload.OverloadFile;
import dev.dreamnet.config.reload.ReloadingFile;
import dev.dreamnet.config.yaml.ConfigException;
import dev.dreamnet.core.flags.Mode;
import dev.dreamnet.core.overload.AdaptiveLimitConfig;
import dev.dreamnet.core.overload.ConcurrencyLimiter;
import dev.dreamnet.core.overload.Criticality;
import dev.dreamnet.core.time.ManualScheduler;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Classification, refusal reasons, modes and reloads of {@link OverloadProtection}, on a fake clock. */
class OverloadProtectionTest {

    private static final AdaptiveLimitConfig FIXED_4 =
            AdaptiveLimitConfig.builder().initialLimit(4).minLimit(4).maxLimit(4).build();

    @TempDir
    Path dir;
    private final ManualScheduler clock = new ManualScheduler();

    private OverloadProtection protection() {
        return OverloadProtection.of(OverloadConfig.builder().limit(FIXED_4)
                .route("POST /orders", Criticality.CRITICAL).route("GET /feed", Criticality.SHEDDABLE).build(), clock);
    }

    @Test
    void aRouteHasItsConfiguredClassAndTheHeaderMayLowerItForAnyoneButRaiseItOnlyWhenTrusted() {
        OverloadProtection protection = protection();

        assertThat(protection.classify("POST /orders", null, false)).isEqualTo(Criticality.CRITICAL);
        assertThat(protection.classify("GET /other", null, false)).isEqualTo(Criticality.DEFAULT);
        assertThat(protection.classify("POST /orders", "sheddable", false)).isEqualTo(Criticality.SHEDDABLE);
        assertThat(protection.classify("GET /feed", "critical", false)).isEqualTo(Criticality.SHEDDABLE);
        assertThat(protection.classify("GET /feed", " CRITICAL ", true)).isEqualTo(Criticality.CRITICAL);
        assertThat(protection.classify("GET /feed", "urgent", true)).as("unreadable: ignored")
                .isEqualTo(Criticality.SHEDDABLE);
    }

    @Test
    void tryAcquireNeverWaitsEvenWhenTheFileAllowsAWait() {
        OverloadProtection protection = OverloadProtection.of(OverloadConfig.builder().limit(FIXED_4)
                .maxWait(Duration.ofSeconds(1)).build(), clock);
        for (int i = 0; i < 4; i++) {
            assertThat(protection.tryAcquire(Criticality.CRITICAL)).isNotNull();
        }

        // The fake clock never moves: a wait would never end, so this returns only if it does not wait.
        assertTimeoutPreemptively(Duration.ofSeconds(5), () ->
                assertThat(protection.tryAcquire(Criticality.CRITICAL)).isNull());
        assertThat(protection.waiting()).isZero();
        assertThat(protection.refusal(Criticality.CRITICAL)).isEqualTo(OverloadProtection.Refusal.OVER_LIMIT);
        assertThat(protection.admitted()).isEqualTo(4);
    }

    @Test
    void protectionThatIsOffBuildsItsLimiterWhenReadWithTheModeInForce() {
        OverloadProtection off = OverloadProtection.off(clock);
        off.mode(Mode.BROWNOUT);

        assertThat(off.enabled()).isFalse();
        ConcurrencyLimiter limiter = off.limiter();
        assertThat(limiter.mode()).isEqualTo(Mode.BROWNOUT);
        assertThat(limiter.inflight()).isZero();
        assertThat(off.limiter()).as("built once").isSameAs(limiter);
        off.mode(Mode.NORMAL);
        assertThat(limiter.mode()).isEqualTo(Mode.NORMAL);
    }

    @Test
    void aClassOverItsShareIsRefusedForItsShareAndAFullLimitForTheLimit() {
        OverloadProtection protection = protection();
        assertThat(protection.acquire(Criticality.SHEDDABLE)).isNotNull();
        assertThat(protection.acquire(Criticality.SHEDDABLE)).isNotNull();

        assertThat(protection.acquire(Criticality.SHEDDABLE)).isNull();
        assertThat(protection.refusal(Criticality.SHEDDABLE)).isEqualTo(OverloadProtection.Refusal.OVER_SHARE);
        assertThat(protection.acquire(Criticality.CRITICAL)).isNotNull();
        assertThat(protection.acquire(Criticality.CRITICAL)).isNotNull();
        assertThat(protection.acquire(Criticality.CRITICAL)).isNull();
        assertThat(protection.refusal(Criticality.CRITICAL)).isEqualTo(OverloadProtection.Refusal.OVER_LIMIT);

        assertThat(protection.refused(Criticality.SHEDDABLE, OverloadProtection.Refusal.OVER_SHARE)).isEqualTo(1);
        assertThat(protection.refused(Criticality.CRITICAL, OverloadProtection.Refusal.OVER_LIMIT)).isEqualTo(1);
        assertThat(protection.admitted()).isEqualTo(4);
    }

    @Test
    void aFinishedRequestFreesItsPlace() {
        OverloadProtection protection = protection();
        ConcurrencyLimiter limiter = protection.acquire(Criticality.DEFAULT);

        protection.finished(limiter, Duration.ofMillis(3).toNanos(), OverloadProtection.Outcome.SERVED);

        assertThat(protection.limiter().inflight()).isZero();
        ConcurrencyLimiter second = protection.acquire(Criticality.DEFAULT);
        protection.finished(second, 0, OverloadProtection.Outcome.IGNORED);
        assertThat(protection.limiter().inflight()).isZero();
    }

    @Test
    void brownoutTightensTheShares() {
        OverloadProtection protection = protection();

        protection.mode(Mode.BROWNOUT);

        assertThat(protection.acquire(Criticality.SHEDDABLE)).as("25% of 4").isNotNull();
        assertThat(protection.acquire(Criticality.SHEDDABLE)).isNull();
        protection.mode(Mode.EMERGENCY);
        assertThat(protection.limiter().mode()).isEqualTo(Mode.EMERGENCY);
    }

    @Test
    void offAdmitsNothingThroughTheLimiterAndSaysSo() {
        assertThat(OverloadProtection.off(clock).enabled()).isFalse();
    }

    @Test
    void aReloadedFileChangesClassesAtOnceAndABadOneKeepsTheLastGood() throws Exception {
        Path file = Files.writeString(dir.resolve("overload.yaml"), """
                limit: { initial: 4, min: 4, max: 4 }
                criticality:
                  routes:
                    GET /feed: sheddable
                """);
        ReloadingFile<OverloadConfig> reloading = ReloadingFile.builder(file, OverloadFile::load).clock(clock).scheduler(clock).build();
        OverloadProtection protection = OverloadProtection.watching(reloading, clock);
        assertThat(protection.enabled()).as("before start").isFalse();
        protection.start();
        ConcurrencyLimiter held = protection.acquire(Criticality.DEFAULT);
        assertThat(protection.classify("GET /feed", null, false)).isEqualTo(Criticality.SHEDDABLE);

        Files.writeString(file, """
                limit: { initial: 4, min: 4, max: 4 }
                criticality:
                  routes:
                    GET /feed: critical
                """);
        reloading.refresh();
        assertThat(protection.classify("GET /feed", null, false)).isEqualTo(Criticality.CRITICAL);
        assertThat(protection.limiter()).as("same limit settings: same limiter, same places").isSameAs(held);

        Files.writeString(file, "limit: { min: 0 }\n");
        reloading.refresh();
        assertThat(protection.classify("GET /feed", null, false)).isEqualTo(Criticality.CRITICAL);
        assertThat(OverloadViews.of(protection, new AutomaticBrownout(protection, null, null, null, clock),
                java.util.Map.of())
                .reloadError()).contains("limit.min");

        Files.writeString(file, "limit: { initial: 8, min: 8, max: 8 }\n");
        reloading.refresh();
        assertThat(protection.limiter().limit()).isEqualTo(8);
        protection.stop();
    }

    @Test
    void aBadFileAtStartIsRefused() throws Exception {
        Path file = Files.writeString(dir.resolve("overload.yaml"), "maxWait: 3s\n");
        OverloadProtection protection = OverloadProtection.watching(
                ReloadingFile.builder(file, OverloadFile::load).clock(clock).scheduler(clock).build(), clock);

        assertThatThrownBy(protection::start).isInstanceOf(ConfigException.class)
                .hasMessageContaining("overload.yaml:1: maxWait: must be at most 1s");
    }
}
