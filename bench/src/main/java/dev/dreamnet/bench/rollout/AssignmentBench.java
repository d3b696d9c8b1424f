package dev.dreamnet.bench.rollout;

import dev.dreamnet.core.rollout.Buckets;
import dev.dreamnet.core.rollout.Rollout;
import dev.dreamnet.core.rollout.RolloutConfig;
import dev.dreamnet.core.rollout.Variant;
import io.getunleash.UnleashContext;
import io.getunleash.strategy.FlexibleRolloutStrategy;
import io.getunleash.strategy.GradualRolloutUserIdStrategy;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
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
 * Deciding which side serves one request of a 10% rollout, for a user id (a UUID string, 36 ASCII
 * characters) drawn in turn from 1,024. {@code ours} is {@link Rollout#assign} on a running rollout;
 * {@code oursBucket} the bare {@link Buckets} function. Unleash 9.2.0's gradual-rollout-by-user-id and
 * flexible-rollout strategies are evaluated with a prepared {@link UnleashContext} per user, so their
 * context building is not timed (a server would build one per request).
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@State(Scope.Thread)
public class AssignmentBench {

    private static final int USERS = 1_024;
    private static final String ROLLOUT = "checkout";

    private final String[] users = new String[USERS];
    private final UnleashContext[] contexts = new UnleashContext[USERS];
    private final Map<String, String> gradualParameters = Map.of("percentage", "10", "groupId", ROLLOUT);
    private final Map<String, String> flexibleParameters = Map.of("rollout", "10", "stickiness", "userId",
            "groupId", ROLLOUT);
    private final GradualRolloutUserIdStrategy gradual = new GradualRolloutUserIdStrategy();
    private final FlexibleRolloutStrategy flexible = new FlexibleRolloutStrategy();
    private Rollout rollout;
    private long seed;
    private int next;

    @Setup(Level.Trial)
    public void setUp() {
        Random random = new Random(42);
        for (int i = 0; i < USERS; i++) {
            users[i] = new UUID(random.nextLong(), random.nextLong()).toString();
            contexts[i] = UnleashContext.builder().userId(users[i]).build();
        }
        rollout = Rollout.builder(RolloutConfig.builder(ROLLOUT).steps(java.util.List.of(10.0, 100.0)).build()).build();
        rollout.start();
        seed = Buckets.seed(ROLLOUT);
        requireAboutTenPercent();
    }

    private void requireAboutTenPercent() {
        int ours = 0;
        int unleash = 0;
        for (int i = 0; i < USERS; i++) {
            ours += rollout.assign(users[i]) == Variant.CANARY ? 1 : 0;
            unleash += gradual.isEnabled(gradualParameters, contexts[i]) ? 1 : 0;
        }
        if (Math.abs(ours - USERS / 10) > 40 || Math.abs(unleash - USERS / 10) > 40) {
            throw new IllegalStateException("not a 10% split: ours " + ours + ", unleash " + unleash + " of " + USERS);
        }
    }

    private int nextIndex() {
        next = (next + 1) & (USERS - 1);
        return next;
    }

    @Benchmark
    public Variant ours() {
        return rollout.assign(users[nextIndex()]);
    }

    @Benchmark
    public boolean oursBucket() {
        return Buckets.isCanary(Buckets.bucket(seed, users[nextIndex()]), 10);
    }

    @Benchmark
    public boolean unleashGradualUserId() {
        return gradual.isEnabled(gradualParameters, contexts[nextIndex()]);
    }

    @Benchmark
    public boolean unleashFlexible() {
        return flexible.isEnabled(flexibleParameters, contexts[nextIndex()]);
    }
}
