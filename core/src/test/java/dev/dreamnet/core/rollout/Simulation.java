package dev.dreamnet.core.rollout;

import dev.dreamnet.core.time.FakeClock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * A rollout on a fake clock, driven tick by tick: traffic, then a slot of time, then a judgement,
 * the way the server calls {@link Rollout#evaluate}. Not thread-safe.
 */
final class Simulation {

    static final Duration TICK = Duration.ofSeconds(6);

    final FakeClock clock = new FakeClock();
    final RecordingListener listener = new RecordingListener();
    final Rollout rollout;
    final List<Verdict> verdicts = new ArrayList<>();
    /** What a fleet tells the rollout: whether a passing step may be promoted now. */
    boolean mayPromote = true;

    Simulation(RolloutConfig config) {
        rollout = Rollout.builder(config).clock(clock).listener(listener).build();
    }

    /** The defaults on a shorter clock: a one minute window in 6 s slots and 2 minutes' bake. */
    static RolloutConfig.Builder config() {
        return RolloutConfig.builder("checkout").window(Duration.ofMinutes(1)).bakeTime(Duration.ofMinutes(2));
    }

    Verdict tick(Traffic traffic, int requests) {
        traffic.send(rollout, requests);
        clock.advance(TICK);
        Verdict verdict = rollout.evaluate(clock.nanoTime(), mayPromote);
        verdicts.add(verdict);
        return verdict;
    }

    /** Ticks until the rollout is promoted or rolled back, or {@code maxTicks} have passed; returns its status. */
    RolloutStatus run(Traffic traffic, int requests, int maxTicks) {
        for (int i = 0; i < maxTicks && !rollout.state().status().isFinal(); i++) {
            tick(traffic, requests);
        }
        return rollout.state().status();
    }

    /** The verdicts after the holds at the start of the current step: the first one is the first real judgement. */
    List<Verdict> judged() {
        return verdicts.stream().filter(v -> v.kind() != Verdict.Kind.HOLD).toList();
    }
}
