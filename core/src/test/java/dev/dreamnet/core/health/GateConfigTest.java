package dev.dreamnet.core.health;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class GateConfigTest {

    @Test
    void defaultsAreCriticalFiveSecondsTwoHundredMillisAtStartupTwoSecondTimeoutThreeAndThree() {
        GateConfig config = GateConfig.ofDefaults("db");

        assertThat(config.critical()).isTrue();
        assertThat(config.interval()).isEqualTo(Duration.ofSeconds(5));
        assertThat(config.startupInterval()).isEqualTo(Duration.ofMillis(200));
        assertThat(config.timeout()).isEqualTo(Duration.ofSeconds(2));
        assertThat(config.passesToReady()).isEqualTo(3);
        assertThat(config.failuresToUnready()).isEqualTo(3);
        assertThat(config.jitter()).isEqualTo(0.1);
    }

    @Test
    void nameMustNotBeBlank() {
        assertThatIllegalArgumentException().isThrownBy(() -> GateConfig.ofDefaults(" "))
                .withMessage("health gate: name must not be blank, was \" \"");
        assertThatIllegalArgumentException().isThrownBy(() -> GateConfig.ofDefaults(null))
                .withMessage("health gate: name must not be blank, was null");
    }

    @Test
    void intervalMustBePositive() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> GateConfig.builder("db").interval(Duration.ZERO).build())
                .withMessageContaining("interval must be > 0, was PT0S");
    }

    @Test
    void startupIntervalMustBePositive() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> GateConfig.builder("db").startupInterval(Duration.ofMillis(-1)).build())
                .withMessage("health gate \"db\": startupInterval must be > 0, was PT-0.001S");
    }

    @Test
    void timeoutMustBeBelowInterval() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> GateConfig.builder("db").timeout(Duration.ofSeconds(5)).build())
                .withMessage("health gate \"db\": timeout must be < interval (PT5S), was PT5S");
    }

    @Test
    void streakLengthsMustBeAtLeastOne() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> GateConfig.builder("db").passesToReady(0).failuresToUnready(-2).build())
                .withMessage("health gate \"db\": passesToReady must be >= 1, was 0; "
                        + "failuresToUnready must be >= 1, was -2");
    }

    @Test
    void jitterMustBeFromZeroToBelowOneHalf() {
        assertThat(GateConfig.builder("db").jitter(0).build().jitter()).isZero();
        assertThatIllegalArgumentException().isThrownBy(() -> GateConfig.builder("db").jitter(0.5).build())
                .withMessage("health gate \"db\": jitter must be >= 0 and < 0.5, was 0.5");
        assertThatIllegalArgumentException().isThrownBy(() -> GateConfig.builder("db").jitter(-0.1).build())
                .withMessageContaining("jitter must be >= 0 and < 0.5, was -0.1");
        assertThatIllegalArgumentException().isThrownBy(() -> GateConfig.builder("db").jitter(Double.NaN).build())
                .withMessageContaining("jitter must be >= 0 and < 0.5, was NaN");
    }

    @Test
    void missingDurationsAreNamed() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> GateConfig.builder("db").interval(null).timeout(null).build())
                .withMessage("health gate \"db\": interval must be > 0, was null; timeout must be > 0, was null");
    }
}
