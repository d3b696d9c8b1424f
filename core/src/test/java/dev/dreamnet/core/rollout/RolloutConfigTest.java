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
    void aRolloutHasAtMostAsManyStepsAsItsStoredRowHolds() {
        List<Double> fifty = java.util.stream.IntStream.rangeClosed(1, 50).mapToObj(i -> i * 2.0).toList();
        assertThat(RolloutConfig.builder("c").steps(fifty).build().steps()).hasSize(RolloutConfig.MAX_STEPS);
        List<Double> fiftyOne = java.util.stream.IntStream.rangeClosed(1, 51).mapToObj(i -> i == 51 ? 100.0 : i * 1.5)
                .toList();
        assertThatThrownBy(() -> RolloutConfig.builder("c").steps(fiftyOne).build())
                .hasMessage("steps must name at most 50 percentages, was 51");
    }

    @Test
    void aNameNoUrlPathCanCarryIsRefused() {
        // Bug: "." and ".." were valid names, so a rollout could be started that no admin route could then promote.
        assertThatThrownBy(() -> RolloutConfig.builder(".").build()).hasMessageContaining("must not be \".\" or");
        assertThatThrownBy(() -> RolloutConfig.builder("..").build()).hasMessageContaining("no URL path can name");
        assertThat(RolloutConfig.builder("...v2").build().name()).isEqualTo("...v2");
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
