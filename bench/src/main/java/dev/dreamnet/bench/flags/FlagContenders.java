package dev.dreamnet.bench.flags;

import dev.dreamnet.core.flags.Flags;
import dev.openfeature.sdk.Client;
import dev.openfeature.sdk.ImmutableContext;
import dev.openfeature.sdk.OpenFeatureAPI;
import dev.openfeature.sdk.providers.memory.Flag;
import dev.openfeature.sdk.providers.memory.InMemoryProvider;
import io.getunleash.DefaultUnleash;
import io.getunleash.Unleash;
import io.getunleash.util.UnleashConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.togglz.core.manager.FeatureManager;
import org.togglz.core.manager.FeatureManagerBuilder;
import org.togglz.core.repository.FeatureState;
import org.togglz.core.repository.mem.InMemoryStateRepository;
import org.togglz.core.user.NoOpUserProvider;

/**
 * One JMH state per contender, each holding {@link FlagSettings#FLAGS}. Every setup checks that
 * its contender answers true for the evaluated flag, so no contender is timed on a wrong answer.
 */
public final class FlagContenders {

    private FlagContenders() {
    }

    private static void requireOn(String contender, boolean answer) {
        if (!answer) {
            throw new IllegalStateException(contender + " says " + FlagSettings.EVALUATED + " is off");
        }
    }

    /** The name every contender evaluates, read from a field so that the JIT cannot fold it. */
    @State(Scope.Thread)
    public static class Name {
        public String value = FlagSettings.EVALUATED;
    }

    /** A plain {@code HashMap<String, Boolean>}, as a field and behind a volatile reference: the floors. */
    @State(Scope.Benchmark)
    public static class PlainMap {
        final Map<String, Boolean> flags = new HashMap<>(FlagSettings.FLAGS);
        volatile Map<String, Boolean> swappable = new HashMap<>(FlagSettings.FLAGS);
    }

    @State(Scope.Benchmark)
    public static class Ours {
        Flags flags;

        @Setup(Level.Trial)
        public void setUp() {
            flags = Flags.of(FlagSettings.ours());
            requireOn("ours", flags.isEnabled(FlagSettings.EVALUATED));
        }
    }

    /** OpenFeature SDK with its in-memory provider, in a domain of its own. */
    @State(Scope.Benchmark)
    public static class OpenFeature {
        InMemoryProvider provider;
        Client client;
        final ImmutableContext context = new ImmutableContext();

        @Setup(Level.Trial)
        public void setUp() {
            Map<String, Flag<?>> flags = new HashMap<>();
            FlagSettings.FLAGS.forEach((name, enabled) -> flags.put(name, Flag.<Boolean>builder()
                    .variant("on", true).variant("off", false).defaultVariant(enabled ? "on" : "off").build()));
            provider = new InMemoryProvider(flags);
            OpenFeatureAPI.getInstance().setProviderAndWait("bench", provider);
            client = OpenFeatureAPI.getInstance().getClient("bench");
            requireOn("openfeature", client.getBooleanValue(FlagSettings.EVALUATED, false));
        }
    }

    /**
     * The Unleash client bootstrapped from a features document, offline: polling and metrics are
     * disabled (a fetch interval of 0 alone would still schedule one fetch) and the API points at
     * a closed local port, so nothing leaves the machine.
     */
    @State(Scope.Benchmark)
    public static class Unleash9 {
        Unleash unleash;

        @Setup(Level.Trial)
        public void setUp() throws Exception {
            Path backup = Files.createTempDirectory("dreamnet-bench-unleash").resolve("backup.json");
            String toggles = FlagSettings.unleashToggles();
            UnleashConfig config = UnleashConfig.builder().appName("dreamnet-bench").instanceId("bench")
                    .unleashAPI("http://127.0.0.1:9").toggleBootstrapProvider(() -> toggles)
                    .fetchTogglesInterval(0).disablePolling().disableMetrics()
                    .backupFile(backup.toString()).build();
            unleash = new DefaultUnleash(config);
            requireOn("unleash", unleash.isEnabled(FlagSettings.EVALUATED));
        }

        @TearDown(Level.Trial)
        public void tearDown() {
            unleash.shutdown();
        }
    }

    /** Togglz with an in-memory state repository and no user. */
    @State(Scope.Benchmark)
    public static class Togglz {
        FeatureManager manager;
        BenchFeature feature = BenchFeature.SEARCH_SEMANTIC;

        @Setup(Level.Trial)
        public void setUp() {
            InMemoryStateRepository states = new InMemoryStateRepository();
            BenchFeature[] features = BenchFeature.values();
            Boolean[] values = FlagSettings.FLAGS.values().toArray(new Boolean[0]);
            for (int i = 0; i < features.length; i++) {
                states.setFeatureState(new FeatureState(features[i], values[i]));
            }
            manager = new FeatureManagerBuilder().featureEnum(BenchFeature.class).stateRepository(states)
                    .userProvider(new NoOpUserProvider()).build();
            requireOn("togglz", manager.isActive(feature));
        }
    }
}
