package dev.dreamnet.core.rollout;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dreamnet.core.time.FakeClock;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Manual operations, the events they emit, and export / import of state. */
class RolloutOperationsTest {

    private final FakeClock clock = new FakeClock();
    private final RecordingListener listener = new RecordingListener();
    private final RolloutConfig config = RolloutConfig.builder("checkout").build();
    private final Rollout rollout = Rollout.builder(config).clock(clock).listener(listener).build();

    @Test
    void aNewRolloutIsPendingWithNoCanary() {
        assertThat(rollout.state().status()).isEqualTo(RolloutStatus.PENDING);
        assertThat(rollout.percent()).isZero();
        assertThat(rollout.assign("user-42")).isEqualTo(Variant.BASELINE);
        assertThat(listener.events()).isEmpty();
    }

    @Test
    void startPutsTheFirstStepLiveAndSaysSo() {
        RolloutState state = rollout.start();

        assertThat(state.status()).isEqualTo(RolloutStatus.RUNNING);
        assertThat(state.percent()).isEqualTo(1.0);
        assertThat(listener.events()).singleElement().isInstanceOf(RolloutEvent.Started.class)
                .extracting(RolloutEvent::state).isEqualTo(state);
    }

    @Test
    void manualPromotionWalksTheStepsToPromoted() {
        rollout.start();

        rollout.promote();
        rollout.promote();
        RolloutState done = rollout.promote();

        assertThat(done.status()).isEqualTo(RolloutStatus.PROMOTED);
        assertThat(rollout.assign("anyone")).isEqualTo(Variant.CANARY);
        assertThat(listener.of(RolloutEvent.Promoted.class)).extracting(RolloutEvent.Promoted::fromStep, p -> p.state().percent(),
                RolloutEvent.Promoted::automatic).containsExactly(
                org.assertj.core.groups.Tuple.tuple(0, 10.0, false), org.assertj.core.groups.Tuple.tuple(1, 50.0, false),
                org.assertj.core.groups.Tuple.tuple(2, 100.0, false));
    }

    @Test
    void pauseHoldsTheStepAndResumeLetsItGo() {
        rollout.start();

        RolloutState paused = rollout.pause();
        RolloutState resumed = rollout.resume();

        assertThat(paused.status()).isEqualTo(RolloutStatus.PAUSED);
        assertThat(paused.percent()).isEqualTo(1.0);
        assertThat(resumed.status()).isEqualTo(RolloutStatus.RUNNING);
        assertThat(listener.events()).hasExactlyElementsOfTypes(RolloutEvent.Started.class, RolloutEvent.Paused.class,
                RolloutEvent.Resumed.class);
    }

    @Test
    void aPausedRolloutIsNotPromotedByAHealthyJudgement() {
        Simulation simulation = new Simulation(Simulation.config().build());
        simulation.rollout.start();
        simulation.rollout.pause();

        simulation.run(new Traffic(7), 3_000, 60);

        assertThat(simulation.rollout.state().status()).isEqualTo(RolloutStatus.PAUSED);
        assertThat(simulation.rollout.percent()).isEqualTo(1.0);
        assertThat(simulation.judged()).isNotEmpty().allSatisfy(v -> assertThat(v.kind()).isEqualTo(Verdict.Kind.PASS));
    }

    @Test
    void rollbackGoesToZeroAtOnceWithTheReason() {
        rollout.start();
        rollout.promote();

        RolloutState state = rollout.rollback("checkout latency page");

        assertThat(state.status()).isEqualTo(RolloutStatus.ROLLED_BACK);
        assertThat(state.percent()).isZero();
        assertThat(state.reason()).isEqualTo("checkout latency page");
        assertThat(listener.of(RolloutEvent.RolledBack.class)).singleElement()
                .satisfies(event -> assertThat(event.automatic()).isFalse());
    }

    @Test
    void anOperationTheStatusDoesNotAllowIsRefusedWithAClearMessage() {
        rollout.start();
        rollout.rollback("bad build");

        assertThatThrownBy(rollout::resume).isInstanceOf(RolloutStateException.class).hasMessage(
                "cannot resume rollout \"checkout\": it is ROLLED_BACK (bad build); resume needs [PAUSED]");
        assertThatThrownBy(() -> rollout.rollback(" ")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("reason must not be blank");
    }

    @Test
    void aFailedJudgementWithoutAutoRollbackIsReportedOnceAndChangesNothing() {
        Simulation simulation = new Simulation(Simulation.config().autoRollback(false).build());
        simulation.rollout.start();

        simulation.run(new Traffic(8).errors(0.001, 0.2), 3_000, 15);

        assertThat(simulation.rollout.state().status()).isEqualTo(RolloutStatus.RUNNING);
        assertThat(simulation.listener.of(RolloutEvent.FailureIgnored.class)).singleElement()
                .satisfies(event -> assertThat(event.reason()).contains("canary error rate"));
    }

    @Test
    void aListenerThatThrowsBreaksNeitherTheCallerNorTheOtherListeners() {
        RecordingListener after = new RecordingListener();
        Rollout noisy = Rollout.builder(config).clock(clock).listener(event -> {
            throw new IllegalStateException("listener bug");
        }).listener(after).build();

        noisy.start();

        assertThat(after.events()).hasSize(1);
    }

    @Test
    void exportedStateRestoresTheRolloutAtItsStepWithItsBakeTimeRunning() {
        rollout.start();
        rollout.promote();
        clock.advance(Duration.ofMinutes(3));
        RolloutState exported = rollout.state();

        Rollout restored = Rollout.builder(config).clock(clock).restore(exported).build();

        assertThat(restored.state()).isEqualTo(exported);
        assertThat(restored.percent()).isEqualTo(10.0);
        assertThat(restored.snapshot().inStep()).isEqualTo(Duration.ofMinutes(3));
        for (int i = 0; i < 1_000; i++) {
            assertThat(restored.assign("user-" + i)).isEqualTo(rollout.assign("user-" + i));
        }
    }

    @Test
    void aStateThatDoesNotFitTheConfigurationIsRefusedNamingWhy() {
        RolloutState otherStep = new RolloutState("checkout", RolloutStatus.RUNNING, 7, 10, 0, "", Buckets.VERSION);
        RolloutState otherHash = new RolloutState("checkout", RolloutStatus.RUNNING, 1, 10, 0, "", 2);
        RolloutState otherName = new RolloutState("search", RolloutStatus.RUNNING, 1, 10, 0, "", Buckets.VERSION);

        assertThatThrownBy(() -> Rollout.builder(config).restore(otherStep).build())
                .hasMessage("state of rollout \"checkout\": step 7 does not exist; the rollout has 4 steps [1.0, 10.0, 50.0, 100.0]");
        assertThatThrownBy(() -> Rollout.builder(config).restore(otherHash).build()).hasMessageContaining("hashVersion 2 is not 1");
        assertThatThrownBy(() -> Rollout.builder(config).restore(otherName).build())
                .hasMessage("state of rollout \"search\" cannot restore rollout \"checkout\"");
    }
}
