package dev.dreamnet.core.rollout;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Whole rollouts on a fake clock with seeded synthetic traffic: promoted when healthy, rolled back when not. */
class RolloutSimulationTest {

    private static final int REQUESTS_PER_TICK = 3_000;
    private static final int MAX_TICKS = 200;

    @Test
    void aHealthyCanaryWalksOneTenFiftyHundred() {
        Simulation simulation = new Simulation(Simulation.config().build());
        simulation.rollout.start();

        RolloutStatus status = simulation.run(new Traffic(1), REQUESTS_PER_TICK, MAX_TICKS);

        assertThat(status).isEqualTo(RolloutStatus.PROMOTED);
        assertThat(simulation.rollout.percent()).isEqualTo(100.0);
        List<RolloutEvent.Promoted> promotions = simulation.listener.of(RolloutEvent.Promoted.class);
        assertThat(promotions).extracting(p -> p.state().percent()).containsExactly(10.0, 50.0, 100.0);
        assertThat(promotions).allSatisfy(p -> assertThat(p.automatic()).isTrue())
                .allSatisfy(p -> assertThat(p.reason()).startsWith("healthy"));
    }

    @Test
    void fivePercentErrorsAgainstATenthOfAPercentRollBackAtTheFirstJudgement() {
        for (long seed = 1; seed <= 20; seed++) {
            Simulation simulation = new Simulation(Simulation.config().build());
            simulation.rollout.start();

            simulation.run(new Traffic(seed).errors(0.001, 0.05), REQUESTS_PER_TICK, MAX_TICKS);

            assertThat(simulation.judged()).as("seed %d", seed).hasSize(1);
            assertThat(simulation.judged().get(0).isFail()).as("seed %d", seed).isTrue();
            RolloutState state = simulation.rollout.state();
            assertThat(state.status()).as("seed %d", seed).isEqualTo(RolloutStatus.ROLLED_BACK);
            assertThat(state.percent()).isZero();
            assertThat(state.reason()).as("seed %d", seed).contains("canary error rate");
        }
    }

    @Test
    void aHealthyCanaryAtLowTrafficHoldsUntilTheStepHasTheMinimumSampleThenPasses() {
        Simulation simulation = new Simulation(Simulation.config().build());
        simulation.rollout.start();

        simulation.run(new Traffic(3), 100, 20); // about one canary request a tick: 20 in two minutes

        assertThat(simulation.rollout.state().status()).isEqualTo(RolloutStatus.RUNNING);
        assertThat(simulation.rollout.percent()).isEqualTo(1.0);
        assertThat(simulation.verdicts.get(19).reason()).startsWith("not enough data: canary ")
                .contains("(this step); at this pace the minimum sample in about ");
        assertThat(simulation.verdicts.get(19).rule()).isEqualTo(Verdict.RULE_MINIMUM_SAMPLE);

        simulation.run(new Traffic(4), 100, 400); // the step's counts are cumulative: 300 canary requests come

        assertThat(simulation.rollout.state().status()).isEqualTo(RolloutStatus.PROMOTED);
    }

    @Test
    void aBrokenCanaryAtLowTrafficIsRolledBackBeforeTheMinimumSampleAndTheVerdictSaysSo() {
        Simulation simulation = new Simulation(Simulation.config().build());
        simulation.rollout.start();

        simulation.run(new Traffic(3).errors(0.001, 1.0), 100, 100);

        RolloutState state = simulation.rollout.state();
        assertThat(state.status()).isEqualTo(RolloutStatus.ROLLED_BACK);
        assertThat(state.reason()).startsWith("canary error rate 100.00% (")
                .contains("decided on overwhelming evidence before the minimum sample");
        assertThat(simulation.verdicts).hasSizeLessThan(30);
    }

    @Test
    void aDoubledP99IsCaughtBeforeTheFiftyPercentStep() {
        Simulation simulation = new Simulation(Simulation.config().build());
        simulation.rollout.start();

        simulation.run(new Traffic(4).canarySlowShare(0.025), 2 * REQUESTS_PER_TICK, MAX_TICKS);

        RolloutState state = simulation.rollout.state();
        assertThat(state.status()).isEqualTo(RolloutStatus.ROLLED_BACK);
        assertThat(simulation.listener.of(RolloutEvent.Promoted.class)).hasSizeLessThanOrEqualTo(1);
        assertThat(state.reason()).contains("p99").contains("significantly slower");
    }

    @Test
    void aNoisyButHealthyCanaryIsNotRolledBackInAtLeast99Of100SeededRuns() {
        List<String> rolledBack = new ArrayList<>();
        for (long seed = 1_000; seed < 1_100; seed++) {
            Simulation simulation = new Simulation(Simulation.config().build());
            simulation.rollout.start();
            Traffic noisy = new Traffic(seed).errors(0.005, 0.005).errorJitter(0.5).sigma(0.7);

            if (simulation.run(noisy, REQUESTS_PER_TICK, MAX_TICKS) != RolloutStatus.PROMOTED) {
                rolledBack.add("seed " + seed + ": " + simulation.rollout.state().reason());
            }
        }
        assertThat(rolledBack).as("rolled back or stuck").hasSizeLessThanOrEqualTo(1);
    }
}
