package dev.dreamnet.core.overload;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dreamnet.core.flags.Mode;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Invalid shares and limit settings cannot be built, and the error names the setting. */
class OverloadSettingsTest {

    @Test
    void sharesMustBeOrderedSheddableDefaultCritical() {
        assertThatThrownBy(() -> new Shares(0.6, 0.5, 1.0))
                .hasMessage("sheddable share must be >= 0 and <= the default share (0.5), was 0.6");
        assertThatThrownBy(() -> new Shares(0.1, 1.0, 0.9))
                .hasMessage("default share must be >= 0 and <= the critical share (0.9), was 1.0");
        assertThatThrownBy(() -> new Shares(0, 0, 0)).hasMessage("critical share must be > 0 and <= 1, was 0.0");
        assertThatThrownBy(() -> new Shares(0.1, 0.5, 1.5)).hasMessage("critical share must be > 0 and <= 1, was 1.5");
    }

    @Test
    void eachDegradationModeTightensTheSharesOfTheLowerClasses() {
        Shares normal = Shares.defaults(Mode.NORMAL);
        Shares brownout = Shares.defaults(Mode.BROWNOUT);
        Shares emergency = Shares.defaults(Mode.EMERGENCY);

        assertThat(brownout.sheddable()).isLessThan(normal.sheddable());
        assertThat(emergency.sheddable()).isZero();
        assertThat(brownout.defaultShare()).isLessThan(normal.defaultShare());
        assertThat(emergency.defaultShare()).isLessThan(brownout.defaultShare());
        assertThat(emergency.critical()).isEqualTo(normal.critical()).isEqualTo(1.0);
    }

    @Test
    void allowedIsTheFloorOfLimitTimesShare() {
        Shares shares = new Shares(0.29, 0.5, 1.0);
        assertThat(shares.allowed(Criticality.SHEDDABLE, 100)).isEqualTo(29);
        assertThat(shares.allowed(Criticality.DEFAULT, 5)).isEqualTo(2);
        assertThat(shares.allowed(Criticality.CRITICAL, 5)).isEqualTo(5);
    }

    @Test
    void limitSettingsAreValidatedByName() {
        assertThatThrownBy(() -> AdaptiveLimitConfig.builder().minLimit(0).build())
                .hasMessage("minLimit must be between 1 and 1000000, was 0");
        assertThatThrownBy(() -> AdaptiveLimitConfig.builder().minLimit(10).maxLimit(5).initialLimit(5).build())
                .hasMessage("maxLimit must be between 10 and 1000000, was 5");
        assertThatThrownBy(() -> AdaptiveLimitConfig.builder().initialLimit(2000).build())
                .hasMessage("initialLimit must be between 4 and 1000, was 2000");
        assertThatThrownBy(() -> AdaptiveLimitConfig.builder().smoothing(0).build())
                .hasMessage("smoothing must be > 0 and <= 1, was 0.0");
        assertThatThrownBy(() -> AdaptiveLimitConfig.builder().rttTolerance(0.9).build())
                .hasMessage("rttTolerance must be >= 1 and <= 100, was 0.9");
        assertThatThrownBy(() -> AdaptiveLimitConfig.builder().sampleWindow(Duration.ZERO).build())
                .hasMessage("sampleWindow must be > 0 and <= 1h, was PT0S");
        assertThatThrownBy(() -> AdaptiveLimitConfig.builder().dropBackoff(1).build())
                .hasMessage("dropBackoff must be > 0 and < 1, was 1.0");
    }
}
