package dev.dreamnet.bench;

import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;

/**
 * The success path: a closed breaker, every call succeeds. The primitive forms (acquire, call,
 * report a duration the caller measured) are compared like for like; the decorated forms add each
 * library's own timing of the call. Threads share one breaker per contender; pick them with -t.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class BreakerSuccessBench {

    @Benchmark
    public long plain(Caller caller) {
        return caller.work();
    }

    /** The plain call plus one read of the system clock: the floor for anything that must read the time. */
    @Benchmark
    public long plainWithClockRead(Caller caller) {
        return caller.work() + System.nanoTime();
    }

    @Benchmark
    public long oursCount(Contenders.OursCount ours, Caller caller) {
        return Primitive.ours(ours.breaker, caller, false);
    }

    @Benchmark
    public long oursTime(Contenders.OursTime ours, Caller caller) {
        return Primitive.ours(ours.breaker, caller, false);
    }

    @Benchmark
    public Object oursCountDecorated(Contenders.OursCount ours, Caller caller) throws Exception {
        return ours.breaker.call(caller);
    }

    @Benchmark
    public long r4jCount(Contenders.R4jCount r4j, Caller caller) {
        return Primitive.r4j(r4j.breaker, caller, false);
    }

    @Benchmark
    public long r4jCountLockFree(Contenders.R4jCountLockFree r4j, Caller caller) {
        return Primitive.r4j(r4j.breaker, caller, false);
    }

    @Benchmark
    public long r4jTime(Contenders.R4jTime r4j, Caller caller) {
        return Primitive.r4j(r4j.breaker, caller, false);
    }

    @Benchmark
    public Object r4jCountDecorated(Contenders.R4jCount r4j, Caller caller) throws Exception {
        return r4j.breaker.executeCallable(caller);
    }

    @Benchmark
    public long failsafe(Contenders.Failsafe failsafe, Caller caller) {
        return Primitive.failsafe(failsafe.breaker, caller, false);
    }

    @Benchmark
    public Object failsafeDecorated(Contenders.Failsafe failsafe, Caller caller) {
        return failsafe.executor.get(caller);
    }
}
