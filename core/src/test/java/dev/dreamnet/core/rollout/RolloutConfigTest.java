package dev.dreamnet.core.rollout;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Every setting is validated and a wrong one is named. */
class RolloutConfigTest {

    @Test
    void defaultsAreOneTenFiftyHundred() {
        RolloutConfig config = RolloutConfig.builder("checkout").build();

        assertThat(config.steps()).containsExactly(1.0, 10.0, 50.0, 100.0);
        assertThat(config.slot()).isEqualTo(Duration.ofSeconds(30));
        assertThat(config.toBuilder().build()).isEqualTo(config);
    }

    @Test
    void aWrongSettingIsNamed() {
        assertThatThrownBy(() -> RolloutConfig.builder("check out").build()).hasMessageStartingWith("name must be");
        assertThatThrownBy(() -> RolloutConfig.builder("c").steps(List.of(10.0, 5.0, 100.0)).build())
                .hasMessage("steps must be percentages that grow, each > 0, <= 100 and to 0.01, was [10.0, 5.0, 100.0]");
        assertThatThrownBy(() -> RolloutConfig.builder("c").steps(List.of(10.0, 50.0)).build())
                .hasMessage("steps must end at 100, was [10.0, 50.0]");
        assertThatThrownBy(() -> RolloutConfig.builder("c").bakeTime(Duration.ZERO).build())
                .hasMessage("bakeTime must be > 0, was PT0S");
        assertThatThrownBy(() -> RolloutConfig.builder("c").maxErrorRate(5).build())
                .hasMessage("maxErrorRate must be > 0 and <= 1 (a share), was 5.0");
        assertThatThrownBy(() -> RolloutConfig.builder("c").minRequests(0).build())
                .hasMessage("minRequests must be >= 1, was 0");
        assertThatThrownBy(() -> RolloutConfig.builder("c").significance(0.5).build())
                .hasMessage("significance must be > 0 and < 0.5, was 0.5");
    }
}
