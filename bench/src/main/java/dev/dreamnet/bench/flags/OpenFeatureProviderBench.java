package dev.dreamnet.bench.flags;

import dev.dreamnet.openfeature.DreamNetFeatureProvider;
import dev.openfeature.contrib.providers.unleash.UnleashProvider;
import dev.openfeature.contrib.providers.unleash.UnleashProviderConfig;
import dev.dreamnet.runtime.DreamNet;
import dev.dreamnet.runtime.flags.FlagService;
import dev.openfeature.sdk.Client;
import dev.openfeature.sdk.ImmutableContext;
import dev.openfeature.sdk.OpenFeatureAPI;
import dev.openfeature.sdk.providers.memory.Flag;
import dev.openfeature.sdk.providers.memory.InMemoryProvider;
import io.getunleash.util.UnleashConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
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
import org.openjdk.jmh.annotations.TearDown;

/**
 * One boolean evaluation of {@value FlagSettings#EVALUATED} (on) among the eight
 * {@link FlagSettings} flags, through DreamNet's OpenFeature provider, against the SDK's in-memory
 * provider, Unleash's OpenFeature provider (contrib, over the Unleash client; {@code unleashDirect}
 * is that client's own {@code isEnabled}) and the direct calls: {@code direct*} asks DreamNet's {@link FlagService} itself,
 * {@code *Provider} calls a provider below the client (its own cost), {@code *Client} goes through
 * the OpenFeature {@link Client} with its hooks and context merging, as applications do. Our
 * provider runs over a started DreamNet runtime (embedded database, a flags file).
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class OpenFeatureProviderBench {

    @Benchmark
    public boolean directAllows(Contenders c, FlagContenders.Name name) {
        return c.flags.allows(name.value);
    }

    @Benchmark
    public boolean directSnapshot(Contenders c, FlagContenders.Name name) {
        return c.flags.snapshot().isEnabled(name.value);
    }

    @Benchmark
    public boolean dreamnetProvider(Contenders c, FlagContenders.Name name) {
        return c.ours.getBooleanEvaluation(name.value, false, c.context).getValue();
    }

    @Benchmark
    public boolean inMemoryProvider(Contenders c, FlagContenders.Name name) {
        return c.inMemory.getBooleanEvaluation(name.value, false, c.context).getValue();
    }

    @Benchmark
    public boolean unleashProvider(Contenders c, FlagContenders.Name name) {
        return c.unleashProvider.getBooleanEvaluation(name.value, false, c.context).getValue();
    }

    @Benchmark
    public boolean unleashDirect(Contenders c, FlagContenders.Name name) {
        return c.unleashProvider.getUnleash().isEnabled(name.value);
    }

    @Benchmark
    public boolean dreamnetClient(Contenders c, FlagContenders.Name name) {
        return c.oursClient.getBooleanValue(name.value, false);
    }

    @Benchmark
    public boolean inMemoryClient(Contenders c, FlagContenders.Name name) {
        return c.inMemoryClient.getBooleanValue(name.value, false);
    }

    @Benchmark
    public boolean unleashClient(Contenders c, FlagContenders.Name name) {
        return c.unleashClient.getBooleanValue(name.value, false);
    }

    /**
     * The three providers, each in its own OpenFeature domain, and the runtime under ours. Unleash's provider builds
     * its client from a configuration bootstrapped from a features document, offline (no polling, no metrics, the API
     * at a closed local port), as {@link FlagContenders.Unleash9} does.
     */
    @State(Scope.Benchmark)
    public static class Contenders {
        DreamNet dreamnet;
        FlagService flags;
        DreamNetFeatureProvider ours;
        InMemoryProvider inMemory;
        Client oursClient;
        Client inMemoryClient;
        UnleashProvider unleashProvider;
        Client unleashClient;
        final ImmutableContext context = new ImmutableContext();

        @Setup(Level.Trial)
        public void setUp() throws Exception {
            StringBuilder yaml = new StringBuilder("flags:\n");
            FlagSettings.FLAGS.forEach((flag, enabled) -> yaml.append("  ").append(flag).append(":\n    enabled: ")
                    .append(enabled).append("\n    owner: bench\n    description: bench\n    degradation: brownout\n"));
            Path file = Files.writeString(Files.createTempDirectory("dreamnet-bench-openfeature").resolve("flags.yaml"),
                    yaml);
            dreamnet = DreamNet.builder().flags(file).environment(Map.of())
                    .database("jdbc:h2:mem:bench_" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1")
                    .shutdownGrace(Duration.ofSeconds(1)).build().start();
            dreamnet.started().get(30, TimeUnit.SECONDS);
            flags = dreamnet.flags();
            ours = new DreamNetFeatureProvider(flags);
            OpenFeatureAPI.getInstance().setProviderAndWait("bench-dreamnet", ours);
            oursClient = OpenFeatureAPI.getInstance().getClient("bench-dreamnet");

            Map<String, Flag<?>> memory = new HashMap<>();
            FlagSettings.FLAGS.forEach((flag, enabled) -> memory.put(flag, Flag.<Boolean>builder()
                    .variant("on", true).variant("off", false).defaultVariant(enabled ? "on" : "off").build()));
            inMemory = new InMemoryProvider(memory);
            OpenFeatureAPI.getInstance().setProviderAndWait("bench-in-memory", inMemory);
            inMemoryClient = OpenFeatureAPI.getInstance().getClient("bench-in-memory");

            Path backup = Files.createTempDirectory("dreamnet-bench-unleash-openfeature").resolve("backup.json");
            String toggles = FlagSettings.unleashToggles();
            unleashProvider = new UnleashProvider(UnleashProviderConfig.builder().unleashConfigBuilder(
                    UnleashConfig.builder().appName("dreamnet-bench").instanceId("bench")
                            .unleashAPI("http://127.0.0.1:9").toggleBootstrapProvider(() -> toggles)
                            .fetchTogglesInterval(0).disablePolling().disableMetrics()
                            .backupFile(backup.toString())).build());
            OpenFeatureAPI.getInstance().setProviderAndWait("bench-unleash", unleashProvider);
            unleashClient = OpenFeatureAPI.getInstance().getClient("bench-unleash");

            for (boolean answer : new boolean[] {flags.allows(FlagSettings.EVALUATED),
                    oursClient.getBooleanValue(FlagSettings.EVALUATED, false),
                    inMemoryClient.getBooleanValue(FlagSettings.EVALUATED, false),
                    unleashProvider.getUnleash().isEnabled(FlagSettings.EVALUATED),
                    unleashClient.getBooleanValue(FlagSettings.EVALUATED, false)}) {
                if (!answer) {
                    throw new IllegalStateException("a contender says " + FlagSettings.EVALUATED + " is off");
                }
            }
        }

        @TearDown(Level.Trial)
        public void tearDown() {
            OpenFeatureAPI.getInstance().shutdown();
            dreamnet.shutdown();
        }
    }
}
