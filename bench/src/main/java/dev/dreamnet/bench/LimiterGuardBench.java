package dev.dreamnet.bench;

import com.alibaba.csp.sentinel.Entry;
import com.alibaba.csp.sentinel.SphU;
import com.alibaba.csp.sentinel.slots.block.BlockException;
import com.alibaba.csp.sentinel.slots.block.RuleConstant;
import com.alibaba.csp.sentinel.slots.block.flow.FlowRule;
import com.alibaba.csp.sentinel.slots.block.flow.FlowRuleManager;
import com.netflix.concurrency.limits.Limiter;
import com.netflix.concurrency.limits.limit.Gradient2Limit;
import com.netflix.concurrency.limits.limiter.SimpleLimiter;
import dev.dreamnet.core.overload.AdaptiveLimitConfig;
import dev.dreamnet.core.overload.ConcurrencyLimiter;
import dev.dreamnet.core.overload.Criticality;
import java.nio.file.Files;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * The overload guard: acquiring a concurrency permit and giving it back after a successful call,
 * which is what every admitted request pays. The limit is far above the benchmark's threads, so
 * nothing is refused. One limiter per contender, shared by all threads; pick the threads with -t.
 *
 * <p>Each library times the request its own way: concurrency-limits reads {@code System.nanoTime()}
 * at acquire and at release, Sentinel its own millisecond clock; ours takes the times from the
 * caller, so {@code ours} reads {@code System.nanoTime()} twice as a caller would, and
 * {@code oursGuardOnly} passes times from a counter to show the guard alone.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class LimiterGuardBench {

    /** The two clock reads a caller of ours makes to time a request: the floor for {@code ours}. */
    @Benchmark
    public long twoClockReads(Caller caller) {
        long start = System.nanoTime();
        caller.work();
        return System.nanoTime() - start;
    }

    /**
     * The plain call between an increment and a decrement of one atomic count shared by all
     * threads: the floor for any limiter that keeps an exact in-flight count.
     */
    @Benchmark
    public long sharedCount(SharedCount count, Caller caller) {
        count.inflight.incrementAndGet();
        long result = caller.work();
        count.inflight.decrementAndGet();
        return result;
    }

    @Benchmark
    public long ours(Ours ours, Caller caller) {
        if (!ours.limiter.tryAcquire(Criticality.DEFAULT)) {
            return -1;
        }
        long start = System.nanoTime();
        long result = caller.work();
        long now = System.nanoTime();
        ours.limiter.onSuccess(now, now - start);
        return result;
    }

    @Benchmark
    public long oursGuardOnly(Ours ours, FakeTime time, Caller caller) {
        if (!ours.limiter.tryAcquire(Criticality.DEFAULT)) {
            return -1;
        }
        long result = caller.work();
        ours.limiter.onSuccess(time.nanos += 1_000, 500);
        return result;
    }

    @Benchmark
    public long netflixSimpleLimiter(Netflix netflix, Caller caller) {
        Optional<Limiter.Listener> listener = netflix.limiter.acquire(null);
        if (listener.isEmpty()) {
            return -1;
        }
        long result = caller.work();
        listener.get().onSuccess();
        return result;
    }

    @Benchmark
    public long sentinel(Sentinel sentinel, Caller caller) {
        Entry entry;
        try {
            entry = SphU.entry(Sentinel.RESOURCE);
        } catch (BlockException blocked) {
            return -1;
        }
        try {
            return caller.work();
        } finally {
            entry.exit();
        }
    }

    /** Limit between 20 and 1000, starting at 100. */
    @State(Scope.Benchmark)
    public static class Ours {
        public ConcurrencyLimiter limiter;

        @Setup(Level.Trial)
        public void setUp() {
            limiter = ConcurrencyLimiter.builder()
                    .limit(AdaptiveLimitConfig.builder().initialLimit(100).minLimit(20).maxLimit(1_000).build()).build();
        }
    }

    /** One atomic count shared by all threads. */
    @State(Scope.Benchmark)
    public static class SharedCount {
        public final AtomicInteger inflight = new AtomicInteger();
    }

    /** A per-thread counter standing in for the clock. */
    @State(Scope.Thread)
    public static class FakeTime {
        public long nanos;
    }

    /** {@code SimpleLimiter} with {@code Gradient2Limit}, limit between 20 and 1000, starting at 100. */
    @State(Scope.Benchmark)
    public static class Netflix {
        public SimpleLimiter<Void> limiter;

        @Setup(Level.Trial)
        public void setUp() {
            limiter = SimpleLimiter.newBuilder()
                    .limit(Gradient2Limit.newBuilder().initialLimit(100).minLimit(20).maxConcurrency(1_000).build())
                    .build();
        }
    }

    /** One resource with a thread-count flow rule (Sentinel's concurrency limit) of 1000. */
    @State(Scope.Benchmark)
    public static class Sentinel {
        static final String RESOURCE = "guard";

        @Setup(Level.Trial)
        public void setUp() throws Exception {
            System.setProperty("csp.sentinel.log.dir", Files.createTempDirectory("sentinel-logs").toString());
            FlowRule rule = new FlowRule(RESOURCE);
            rule.setGrade(RuleConstant.FLOW_GRADE_THREAD);
            rule.setCount(1_000);
            FlowRuleManager.loadRules(List.of(rule));
        }
    }
}
