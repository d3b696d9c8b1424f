package dev.dreamnet.bench.flags;

import dev.openfeature.sdk.EvaluationContext;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;

/**
 * Evaluating one enabled flag by name, for DreamNet and its peers, with the same eight flags
 * ({@link FlagSettings}). Two floors: {@code plainMap}, a bare {@code HashMap} lookup whose loads the
 * JIT may hoist out of the loop, and {@code volatileMap}, the same map behind a volatile reference
 * as a naive swappable holder would keep it.
 * {@code openFeatureProvider} calls the in-memory provider directly, below the client's hooks and
 * events, to show where OpenFeature's cost lies. Togglz evaluates a feature constant, its only
 * way. Threads share one contender; pick them with -t.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class FlagEvaluationBench {

    @Benchmark
    public boolean plainMap(FlagContenders.PlainMap map, FlagContenders.Name name) {
        Boolean value = map.flags.get(name.value);
        return value != null && value;
    }

    @Benchmark
    public boolean volatileMap(FlagContenders.PlainMap map, FlagContenders.Name name) {
        Boolean value = map.swappable.get(name.value);
        return value != null && value;
    }

    @Benchmark
    public boolean ours(FlagContenders.Ours ours, FlagContenders.Name name) {
        return ours.flags.isEnabled(name.value);
    }

    @Benchmark
    public boolean openFeatureClient(FlagContenders.OpenFeature openFeature, FlagContenders.Name name) {
        return openFeature.client.getBooleanValue(name.value, false);
    }

    @Benchmark
    public boolean openFeatureProvider(FlagContenders.OpenFeature openFeature, FlagContenders.Name name) {
        EvaluationContext context = openFeature.context;
        return openFeature.provider.getBooleanEvaluation(name.value, false, context).getValue();
    }

    @Benchmark
    public boolean unleash(FlagContenders.Unleash9 unleash, FlagContenders.Name name) {
        return unleash.unleash.isEnabled(name.value);
    }

    @Benchmark
    public boolean togglz(FlagContenders.Togglz togglz) {
        return togglz.manager.isActive(togglz.feature);
    }
}
