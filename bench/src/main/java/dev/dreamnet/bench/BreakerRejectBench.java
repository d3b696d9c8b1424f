package dev.dreamnet.bench;

import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;

/**
 * The rejection path: each breaker is OPEN with its reset timeout far ahead, so every call is
 * turned away. The plain call is the baseline. Threads share one breaker per contender (-t).
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class BreakerRejectBench {

    @Benchmark
    public long plain(Caller caller) {
        return caller.work();
    }

    @Benchmark
    public long oursCount(Contenders.OursCountOpen ours, Caller caller) {
        return Primitive.ours(ours.breaker, caller, false);
    }

    @Benchmark
    public long oursTime(Contenders.OursTimeOpen ours, Caller caller) {
        return Primitive.ours(ours.breaker, caller, false);
    }

    @Benchmark
    public Object oursCountFallback(Contenders.OursCountOpen ours, Caller caller) {
        return ours.breaker.get(caller, caller.fallback);
    }

    @Benchmark
    public long r4jCount(Contenders.R4jCountOpen r4j, Caller caller) {
        return Primitive.r4j(r4j.breaker, caller, false);
    }

    @Benchmark
    public long r4jCountLockFree(Contenders.R4jCountLockFreeOpen r4j, Caller caller) {
        return Primitive.r4j(r4j.breaker, caller, false);
    }

    @Benchmark
    public long failsafe(Contenders.FailsafeOpen failsafe, Caller caller) {
        return Primitive.failsafe(failsafe.breaker, caller, false);
    }
}
