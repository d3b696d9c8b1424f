package dev.dreamnet.core.rollout;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dreamnet.core.time.FakeClock;
import org.junit.jupiter.api.Test;

/** The registry: lookups with suggestions, shared listeners, export and restore of every rollout. */
class RolloutsTest {

    private final FakeClock clock = new FakeClock();
    private final Rollouts rollouts = Rollouts.create(clock);

    @Test
    void anUnknownNameIsRefusedWithASuggestion() {
        rollouts.add(RolloutConfig.builder("checkout").build());

        assertThatThrownBy(() -> rollouts.get("chekout")).hasMessage("no rollout named \"chekout\" (did you mean \"checkout\"?)");
        assertThatThrownBy(() -> rollouts.add(RolloutConfig.builder("checkout").build()))
                .hasMessage("rollout \"checkout\" already exists");
    }

    @Test
    void everyRolloutReportsToTheRegistrysListeners() {
        RecordingListener listener = new RecordingListener();
        rollouts.addListener(listener);

        rollouts.add(RolloutConfig.builder("a").build()).start();
        rollouts.add(RolloutConfig.builder("b").build()).start();

        assertThat(listener.events()).extracting(RolloutEvent::rollout).containsExactly("a", "b");
    }

    @Test
    void exportedStatesRestoreIntoANewRegistry() {
        RolloutConfig a = RolloutConfig.builder("a").build();
        RolloutConfig b = RolloutConfig.builder("b").build();
        rollouts.add(a).start();
        rollouts.add(b).start();
        rollouts.get("b").promote();

        Rollouts afterRestart = Rollouts.create(clock);
        for (RolloutState state : rollouts.export()) {
            afterRestart.restore(state.name().equals("a") ? a : b, state);
        }

        assertThat(afterRestart.export()).isEqualTo(rollouts.export());
        assertThat(afterRestart.get("b").percent()).isEqualTo(10.0);
    }
}
