package dev.dreamnet.bench;

import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;

/**
 * A 10% failure mix: every tenth call of each thread fails, well under the 50% threshold, so the
 * breakers stay closed and record a steady stream of failures. Threads share one breaker (-t).
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class BreakerFailureMixBench {

    @Benchmark
    public long plain(Caller caller) {
        long result = caller.work();
        return caller.failed() ? -result : result;
    }

    @Benchmark
    public long oursCount(Contenders.OursCount ours, Caller caller) {
        return Primitive.ours(ours.breaker, caller, true);
    }

    @Benchmark
    public long oursTime(Contenders.OursTime ours, Caller caller) {
        return Primitive.ours(ours.breaker, caller, true);
    }

    @Benchmark
    public long r4jCount(Contenders.R4jCount r4j, Caller caller) {
        return Primitive.r4j(r4j.breaker, caller, true);
    }

    @Benchmark
    public long r4jCountLockFree(Contenders.R4jCountLockFree r4j, Caller caller) {
        return Primitive.r4j(r4j.breaker, caller, true);
    }

    @Benchmark
    public long r4jTime(Contenders.R4jTime r4j, Caller caller) {
        return Primitive.r4j(r4j.breaker, caller, true);
    }

    @Benchmark
    public long failsafe(Contenders.Failsafe failsafe, Caller caller) {
        return Primitive.failsafe(failsafe.breaker, caller, true);
    }
}
