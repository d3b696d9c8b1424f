package dev.dreamnet.bench.rollout;

import dev.dreamnet.core.rollout.Rollout;
import dev.dreamnet.core.rollout.RolloutConfig;
import dev.dreamnet.core.rollout.Variant;
import dev.dreamnet.core.rollout.Verdict;
import dev.dreamnet.core.time.FakeClock;
import java.time.Duration;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * One judgement of a running rollout at 1,000 requests a second, as {@code dreamnet serve} takes it
 * every second: {@link Rollout#evaluate} drains the second's requests into the window and the step's
 * evidence, updates the five tests and builds the verdict. The second's 1,000 requests (10% canary,
 * 0.5% errors, log-normal latency around 50 ms) are recorded before each invocation, untimed; the step
 * never promotes, so its evidence keeps growing as in a long step.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@State(Scope.Thread)
public class JudgeBench {

    private static final int REQUESTS_PER_SECOND = 1_000;

    private final FakeClock clock = new FakeClock();
    private final long[] latencies = new long[16_384];
    private final boolean[] errors = new boolean[latencies.length];
    private final Variant[] sides = new Variant[latencies.length];
    private Rollout rollout;
    private int next;

    @Setup(Level.Trial)
    public void setUp() {
        Random random = new Random(42);
        for (int i = 0; i < latencies.length; i++) {
            latencies[i] = (long) (50e6 * Math.exp(0.5 * random.nextGaussian()));
            errors[i] = random.nextDouble() < 0.005;
            sides[i] = random.nextDouble() < 0.1 ? Variant.CANARY : Variant.BASELINE;
        }
        rollout = Rollout.builder(RolloutConfig.builder("checkout").steps(List.of(10.0, 100.0))
                .bakeTime(Duration.ofDays(365)).build()).clock(clock).build();
        rollout.start();
    }

    @Setup(Level.Invocation)
    public void oneSecondOfTraffic() {
        for (int i = 0; i < REQUESTS_PER_SECOND; i++) {
            int at = next++ & (latencies.length - 1);
            rollout.record(sides[at], errors[at], latencies[at]);
        }
        clock.advance(Duration.ofSeconds(1));
    }

    @Benchmark
    public Verdict evaluate() {
        return rollout.evaluate(clock.nanoTime());
    }
}
