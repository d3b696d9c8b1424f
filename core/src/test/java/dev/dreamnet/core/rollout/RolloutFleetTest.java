package dev.dreamnet.core.rollout;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/**
 * What a fleet asks of one rollout, on a fake clock: a passing step waits while the fleet has not
 * converged and a failing one still rolls back; a state decided by another instance is adopted
 * without an event of its own.
 */
class RolloutFleetTest {

    private static final int REQUESTS_PER_TICK = 3_000;

    @Test
    void aPassingBakedStepHoldsUntilTheFleetMayPromoteThenPromotesAtTheNextJudgement() {
        Simulation simulation = new Simulation(Simulation.config().build());
        simulation.rollout.start();
        simulation.mayPromote = false;

        simulation.run(new Traffic(1), REQUESTS_PER_TICK, 60); // 6 minutes, three times the bake time

        assertThat(simulation.rollout.state().status()).isEqualTo(RolloutStatus.RUNNING);
        assertThat(simulation.rollout.percent()).isEqualTo(1.0);
        assertThat(simulation.listener.of(RolloutEvent.Promoted.class)).isEmpty();
        assertThat(simulation.rollout.snapshot().lastVerdict().kind()).isEqualTo(Verdict.Kind.HOLD);
        assertThat(simulation.rollout.snapshot().lastVerdict().reason()).startsWith("healthy")
                .endsWith("promotion waits for the fleet: its judging instance promotes once every instance "
                        + "has converged");

        simulation.mayPromote = true;
        simulation.tick(new Traffic(2), REQUESTS_PER_TICK);

        assertThat(simulation.rollout.percent()).isEqualTo(10.0);
        assertThat(simulation.listener.of(RolloutEvent.Promoted.class)).singleElement()
                .satisfies(p -> assertThat(p.automatic()).isTrue());
    }

    @Test
    void aFailingCanaryRollsBackWhetherOrNotTheFleetMayPromote() {
        Simulation simulation = new Simulation(Simulation.config().build());
        simulation.rollout.start();
        simulation.mayPromote = false;

        simulation.run(new Traffic(7).errors(0.001, 0.05), REQUESTS_PER_TICK, 100);

        assertThat(simulation.rollout.state().status()).isEqualTo(RolloutStatus.ROLLED_BACK);
        assertThat(simulation.listener.of(RolloutEvent.RolledBack.class)).singleElement()
                .satisfies(r -> assertThat(r.automatic()).isTrue());
    }

    @Test
    void aStateDecidedElsewhereIsAdoptedWithAFreshWindowAndNoEvent() {
        Simulation simulation = new Simulation(Simulation.config().build());
        simulation.rollout.start();
        simulation.tick(new Traffic(3), REQUESTS_PER_TICK);
        int eventsBefore = simulation.listener.events().size();
        RolloutState current = simulation.rollout.state();

        simulation.rollout.adopt(new RolloutState("checkout", RolloutStatus.RUNNING, 2, 50, current.stepStartedAtMillis(),
                "promoted by another instance", Buckets.VERSION));

        assertThat(simulation.rollout.percent()).isEqualTo(50.0);
        assertThat(simulation.rollout.state().step()).isEqualTo(2);
        assertThat(simulation.rollout.state().reason()).isEqualTo("promoted by another instance");
        assertThat(simulation.rollout.snapshot().canary().requests()).as("a fresh window").isZero();
        assertThat(simulation.listener.events()).hasSize(eventsBefore);

        simulation.rollout.adopt(new RolloutState("checkout", RolloutStatus.ROLLED_BACK, 2, 0, 0, "INC-1", Buckets.VERSION));
        assertThat(simulation.rollout.percent()).isZero();
        assertThat(simulation.listener.events()).hasSize(eventsBefore);
    }

    /** Regression: an adopted pause or resume started the step's evidence and bake time again; pause() does not. */
    @Test
    void anAdoptedPauseOrResumeKeepsTheStepsEvidenceAndBakeTimeAsPauseDoes() {
        Simulation simulation = new Simulation(Simulation.config().build());
        simulation.rollout.start();
        simulation.tick(new Traffic(4), REQUESTS_PER_TICK);
        RolloutSnapshot before = simulation.rollout.snapshot();
        RolloutState running = before.state();
        assertThat(before.canary().requests()).isPositive();

        simulation.rollout.adopt(new RolloutState("checkout", RolloutStatus.PAUSED, running.step(), running.percent(),
                running.stepStartedAtMillis() + 60_000, "paused by an operator", Buckets.VERSION));
        RolloutSnapshot paused = simulation.rollout.snapshot();
        simulation.rollout.adopt(new RolloutState("checkout", RolloutStatus.RUNNING, running.step(), running.percent(),
                running.stepStartedAtMillis() + 60_000, "resumed by an operator", Buckets.VERSION));
        RolloutSnapshot resumed = simulation.rollout.snapshot();

        assertThat(paused.state().status()).isEqualTo(RolloutStatus.PAUSED);
        assertThat(paused.state().reason()).isEqualTo("paused by an operator");
        assertThat(resumed.state().status()).isEqualTo(RolloutStatus.RUNNING);
        for (RolloutSnapshot after : java.util.List.of(paused, resumed)) {
            assertThat(after.canary().requests()).as("the step's evidence").isEqualTo(before.canary().requests());
            assertThat(after.baseline().requests()).isEqualTo(before.baseline().requests());
            assertThat(after.state().stepStartedAtMillis()).as("the step's bake time")
                    .isEqualTo(running.stepStartedAtMillis());
            assertThat(after.state().percent()).isEqualTo(running.percent());
        }
    }

    @Test
    void aStateThatDoesNotFitTheConfigurationIsRefused() {
        Simulation simulation = new Simulation(Simulation.config().build());
        simulation.rollout.start();

        assertThatThrownBy(() -> simulation.rollout.adopt(new RolloutState("checkout", RolloutStatus.RUNNING, 9, 50, 0,
                "", Buckets.VERSION))).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("step 9");
        assertThatThrownBy(() -> simulation.rollout.adopt(new RolloutState("other", RolloutStatus.RUNNING, 1, 10, 0,
                "", Buckets.VERSION))).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("\"other\"");
        assertThat(simulation.rollout.percent()).isEqualTo(1.0);
    }
}
