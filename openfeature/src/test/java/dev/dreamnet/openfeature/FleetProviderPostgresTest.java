package dev.dreamnet.openfeature;

import static dev.dreamnet.testing.PostgresTestDatabase.admin;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.dreamnet.core.flags.Mode;
import dev.dreamnet.runtime.DreamNet;
import dev.dreamnet.runtime.flags.FlagService;
import dev.dreamnet.testing.PostgresTestDatabase;
import dev.openfeature.sdk.Client;
import dev.openfeature.sdk.EventDetails;
import dev.openfeature.sdk.FlagEvaluationDetails;
import dev.openfeature.sdk.OpenFeatureAPI;
import dev.openfeature.sdk.ProviderState;
import dev.openfeature.sdk.Reason;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two instances on one real PostgreSQL database form a fleet: a change made on the second reaches
 * the first instance's OpenFeature client as {@code PROVIDER_CONFIGURATION_CHANGED}, and losing the
 * database makes the first instance's provider {@code STALE} until it follows the fleet again.
 */
class FleetProviderPostgresTest {

    private static final Duration DEADLINE = Duration.ofSeconds(20);

    @TempDir
    Path dir;
    private PostgresTestDatabase database;
    private DreamNet first;
    private DreamNet second;
    private OpenFeatureAPI api;
    private Client client;
    private final List<EventDetails> ready = new CopyOnWriteArrayList<>();
    private final List<EventDetails> changed = new CopyOnWriteArrayList<>();
    private final List<EventDetails> stale = new CopyOnWriteArrayList<>();

    @BeforeEach
    void start() throws Exception {
        database = PostgresTestDatabase.create("dreamnet_openfeature");
        Path flags = Files.writeString(dir.resolve("flags.yaml"), DreamNetFeatureProviderTest.FLAGS);
        first = instance(flags);
        second = instance(flags);
        api = new OpenFeatureAPI() { };
        api.onProviderReady(ready::add);
        api.onProviderConfigurationChanged(changed::add);
        api.onProviderStale(stale::add);
        api.setProviderAndWait(new DreamNetFeatureProvider(first.flags()));
        client = api.getClient();
    }

    private DreamNet instance(Path flags) throws Exception {
        DreamNet dreamnet = DreamNet.builder().flags(flags).environment(Map.of()).database(database.jdbcUrl())
                .shutdownGrace(Duration.ofSeconds(1)).build().start();
        dreamnet.started().get(20, TimeUnit.SECONDS);
        assertThat(dreamnet.fleetMode()).isPresent();
        return dreamnet;
    }

    @AfterEach
    void stop() throws Exception {
        try {
            admin("ALTER DATABASE " + database.name() + " WITH ALLOW_CONNECTIONS true");
            api.shutdown();
            first.shutdown();
            second.shutdown();
        } finally {
            database.close();
        }
    }

    @Test
    void brownoutSetOnAnotherInstanceEmitsConfigurationChangedHere() {
        FlagService other = second.flags();
        other.change(s -> s.withMode(Mode.BROWNOUT), "operator", "mode.enable", "mode",
                FlagService.describe(other.snapshot().state()), "load test on the other instance");

        await().atMost(DEADLINE).until(() -> !changed.isEmpty());
        assertThat(changed).singleElement().satisfies(event ->
                assertThat(event.getFlagsChanged()).containsExactly("llm.calls", "search.semantic"));
        FlagEvaluationDetails<Boolean> shed = client.getBooleanDetails("search.semantic", true);
        assertThat(shed.getValue()).isFalse();
        assertThat(shed.getReason()).isEqualTo(Reason.DISABLED.name());
        assertThat(shed.getFlagMetadata().getString("rule")).isEqualTo("BROWNOUT");
    }

    @Test
    void losingTheDatabaseMakesTheProviderStaleUntilTheInstanceFollowsTheFleetAgain() throws Exception {
        await().atMost(DEADLINE).until(() -> !ready.isEmpty());
        int readyBefore = ready.size();

        admin("ALTER DATABASE " + database.name() + " WITH ALLOW_CONNECTIONS false");
        admin("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = '" + database.name() + "'");

        await().atMost(DEADLINE).until(() -> !stale.isEmpty());
        assertThat(api.getClient().getProviderState()).isEqualTo(ProviderState.STALE);
        assertThat(client.getBooleanValue("checkout", false)).as("answers from the last known flags").isTrue();

        admin("ALTER DATABASE " + database.name() + " WITH ALLOW_CONNECTIONS true");

        await().atMost(DEADLINE).until(() -> ready.size() > readyBefore);
        assertThat(api.getClient().getProviderState()).isEqualTo(ProviderState.READY);
    }

    @Test
    void aProviderSetWhileTheInstanceIsStaleSaysSoAtItsFirstEvaluation() throws Exception {
        // Bug: staleness is announced once per transition, so a provider set after it stayed READY throughout.
        admin("ALTER DATABASE " + database.name() + " WITH ALLOW_CONNECTIONS false");
        admin("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = '" + database.name() + "'");
        await().atMost(DEADLINE).until(() -> !stale.isEmpty());
        OpenFeatureAPI late = new OpenFeatureAPI() { };
        List<EventDetails> lateStale = new CopyOnWriteArrayList<>();
        late.onProviderStale(lateStale::add);
        try {
            late.setProviderAndWait(new DreamNetFeatureProvider(first.flags()));

            assertThat(late.getClient().getBooleanValue("checkout", false)).isTrue();

            await().atMost(DEADLINE).until(() -> !lateStale.isEmpty());
            assertThat(late.getClient().getProviderState()).isEqualTo(ProviderState.STALE);
            admin("ALTER DATABASE " + database.name() + " WITH ALLOW_CONNECTIONS true");
            await().atMost(DEADLINE).until(() -> late.getClient().getProviderState() == ProviderState.READY);
            late.getClient().getBooleanValue("checkout", false);
            assertThat(lateStale).as("said once").hasSize(1);
        } finally {
            late.shutdown();
        }
    }
}
