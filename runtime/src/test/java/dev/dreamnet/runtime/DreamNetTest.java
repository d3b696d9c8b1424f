package dev.dreamnet.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.dreamnet.core.health.GateConfig;
import dev.dreamnet.core.rollout.RolloutConfig;
import dev.dreamnet.core.startup.GraphValidationException;
import dev.dreamnet.core.startup.ServiceSpec;
import dev.dreamnet.core.startup.StartupStatus;
import dev.dreamnet.core.time.ManualScheduler;
import dev.dreamnet.testing.SwitchableComponent;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The runtime an application builds, driven on a fake clock: its graph starts, its health gates decide readiness as
 * the test moves time, and shutdown drains, stops the web layer, then the services in reverse order.
 */
class DreamNetTest {

    private final ManualScheduler time = new ManualScheduler();
    private final SwitchableComponent catalog = new SwitchableComponent();
    private final List<String> events = new CopyOnWriteArrayList<>();
    private DreamNet dreamnet;

    @AfterEach
    void stop() {
        if (dreamnet != null) {
            dreamnet.shutdown();
        }
    }

    private DreamNetBuilder builder() {
        return DreamNet.builder().clock(time).scheduler(time).environment(Map.of())
                .database("jdbc:h2:mem:dreamnet_" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1")
                .shutdownGrace(Duration.ofSeconds(1));
    }

    private DreamNet catalogService() throws Exception {
        return builder()
                .services(ServiceSpec.builder("catalog").kind("catalog").build(),
                        ServiceSpec.builder("api").kind("api").dependsOn("catalog").build())
                .kind("catalog", spec -> catalog)
                .kind("api", spec -> new dev.dreamnet.core.startup.Component() {
                    @Override
                    public void start() {
                        events.add("api started");
                    }

                    @Override
                    public void stop() {
                        events.add("api stopped");
                    }
                })
                .build();
    }

    @Test
    void readinessWaitsForTheGatesAsTheClockMoves() throws Exception {
        dreamnet = catalogService().start();

        assertThat(dreamnet.started().get(10, TimeUnit.SECONDS).status()).isEqualTo(StartupStatus.READY);
        assertThat(dreamnet.state().readiness().ready()).as("no gate has passed yet").isFalse();

        // A gate needs three passing checks in a row, one per startup interval.
        await().atMost(Duration.ofSeconds(10)).until(() -> {
            time.advance(GateConfig.DEFAULT_STARTUP_INTERVAL);
            return dreamnet.state().readiness().ready();
        });
        assertThat(catalog.checks()).isGreaterThanOrEqualTo(GateConfig.DEFAULT_PASSES_TO_READY);

        catalog.failChecks("catalog index is corrupt");
        await().atMost(Duration.ofSeconds(10)).until(() -> {
            time.advance(GateConfig.DEFAULT_INTERVAL);
            return !dreamnet.state().readiness().ready();
        });
        assertThat(dreamnet.state().readiness().reason()).isEqualTo("critical health gates not ready: catalog");
    }

    @Test
    void shutdownStopsTheWebLayerBeforeTheServicesAndTheServicesInReverseOrder() throws Exception {
        dreamnet = catalogService();
        dreamnet.afterDrain("stop the HTTP server", () -> events.add("http stopped"));
        dreamnet.start().started().get(10, TimeUnit.SECONDS);

        dreamnet.shutdown();

        assertThat(dreamnet.state().readiness().reason()).startsWith("shutting down");
        assertThat(events).containsExactly("api started", "http stopped", "api stopped");
    }

    @Test
    void withoutAGraphTheApplicationIsOneServiceReadyAtOnce() throws Exception {
        dreamnet = builder().build().start();

        assertThat(dreamnet.started().get(10, TimeUnit.SECONDS).status()).isEqualTo(StartupStatus.READY);
        assertThat(dreamnet.state().readiness().ready()).isTrue();
        assertThat(dreamnet.state().dag().snapshot().nodes()).extracting(n -> n.name())
                .containsExactly(DreamNet.APPLICATION);
    }

    @Test
    void prepareCreatesTheToolkitsTablesInItsOwnDatabaseBeforeStart() throws Exception {
        dreamnet = builder().build();

        dreamnet.prepare();

        await().atMost(Duration.ofSeconds(10)).until(() -> auditTableExists(dreamnet));
        assertThat(dreamnet.state().startupStatus()).as("nothing else started").isEqualTo(StartupStatus.NEW);
        dreamnet.start();
        assertThat(dreamnet.started().get(10, TimeUnit.SECONDS).status()).isEqualTo(StartupStatus.READY);
        dreamnet.audit().record("tester", "prepared", "tables", null, null, "the tables were there before start");
        assertThat(dreamnet.audit().recent(10)).extracting(e -> e.action()).contains("prepared");
    }

    @Test
    void aShutdownRightAfterPrepareWaitsForItAndClosesTheDatabase() throws Exception {
        dreamnet = builder().build();
        dreamnet.prepare();

        dreamnet.shutdown();

        dreamnet.prepare(); // after shutdown: does nothing, opens nothing
        assertThatThrownBy(() -> dreamnet.store().getConnection()).as("the pool was closed, not left open")
                .isInstanceOf(Exception.class);
    }

    @Test
    void aNewDatabaseFileOpensAtItsFirstWriteNotBeforeAndTheRegistryWritesItsRowOnceItHas(@TempDir Path dir)
            throws Exception {
        Path file = dir.resolve("state.mv.db");
        dreamnet = builder().database("jdbc:h2:file:" + dir.resolve("state")).build();
        dreamnet.prepare(); // as the Spring starter does: with nothing stored, nothing to open ahead of time
        assertThat(file).doesNotExist();

        dreamnet.start();

        assertThat(dreamnet.started().get(10, TimeUnit.SECONDS).status()).isEqualTo(StartupStatus.READY);
        assertThat(dreamnet.state().readiness().ready()).isTrue();
        assertThat(dreamnet.fleet().live()).as("this instance, from memory").hasSize(1);
        assertThat(file).as("nothing was written, so nothing was opened").doesNotExist();

        dreamnet.audit().record("tester", "opened", "store", null, null, "the first write");

        assertThat(file).exists();
        assertThat(dreamnet.audit().recent(10)).extracting(e -> e.action()).contains("opened");
        time.advance(Duration.ofSeconds(2)); // the registry's next heartbeat
        await().atMost(Duration.ofSeconds(10)).until(() -> instanceRows(dreamnet) == 1);
    }

    @Test
    void theAddressTheWebLayerLearnsOnceItsPortIsOpenReachesTheFleetBeforeTheNextHeartbeat() throws Exception {
        dreamnet = builder().build().start();
        assertThat(dreamnet.started().get(10, TimeUnit.SECONDS).status()).isEqualTo(StartupStatus.READY);
        assertThat(dreamnet.fleet().live()).extracting(dev.dreamnet.runtime.fleet.InstanceRegistry.Instance::address).containsExactly("unknown");

        dreamnet.address(() -> "http://shop-1:8080");

        // The fake clock does not move, so no periodic heartbeat runs: only the one the new address asked for.
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(dreamnet.fleet().live())
                .extracting(dev.dreamnet.runtime.fleet.InstanceRegistry.Instance::address).containsExactly("http://shop-1:8080"));
    }

    @Test
    void aDatabaseFileHoldingARolloutIsOpenedAndTheRolloutRestoredBeforeReadiness(@TempDir Path dir)
            throws Exception {
        String url = "jdbc:h2:file:" + dir.resolve("state");
        DreamNet first = builder().database(url).build().start();
        first.started().get(10, TimeUnit.SECONDS);
        first.rollouts().start(RolloutConfig.builder("search-v2").build(), "tester", "before the restart");
        first.shutdown();
        assertThat(dir.resolve("state" + ToolkitStore.NO_ROLLOUTS)).as("it holds a rollout").doesNotExist();

        dreamnet = builder().database(url).build().start();

        assertThat(dreamnet.started().get(10, TimeUnit.SECONDS).status()).isEqualTo(StartupStatus.READY);
        assertThat(dreamnet.rollouts().find("search-v2")).as("restored before readiness").isPresent();
        assertThat(dreamnet.fleet().live()).as("registered before readiness: the store was open").hasSize(1);
    }

    @Test
    void aDatabaseFileClosedHoldingNoRolloutIsMarkedSoAndNotOpenedAtTheNextStartUntilItsFirstUse(@TempDir Path dir)
            throws Exception {
        String url = "jdbc:h2:file:" + dir.resolve("state");
        Path marker = dir.resolve("state" + ToolkitStore.NO_ROLLOUTS);
        DreamNet first = builder().database(url).build().start();
        first.started().get(10, TimeUnit.SECONDS);
        first.audit().record("tester", "remembered", "store", null, null, "before the restart");
        assertThat(marker).as("never while the file is open: a crash now must leave it read at the next start")
                .doesNotExist();
        first.shutdown();
        assertThat(marker).as("a clean close, no rollout").exists();

        dreamnet = builder().database(url).build().start();

        assertThat(dreamnet.started().get(10, TimeUnit.SECONDS).status()).isEqualTo(StartupStatus.READY);
        assertThat(marker).as("the file was not opened to start").exists();
        assertThat(dreamnet.audit().recent(10)).as("opened at its first read").extracting(e -> e.action())
                .contains("remembered");
        assertThat(marker).as("removed as the file opened").doesNotExist();
        dreamnet.rollouts().start(RolloutConfig.builder("search-v2").build(), "tester", "written after the marker");
        dreamnet.shutdown();
        assertThat(marker).as("the file holds a rollout now").doesNotExist();

        dreamnet = builder().database(url).build().start();

        assertThat(dreamnet.started().get(10, TimeUnit.SECONDS).status()).isEqualTo(StartupStatus.READY);
        assertThat(dreamnet.rollouts().find("search-v2")).as("restored before readiness").isPresent();
    }

    @Test
    void aNewDatabaseFileNeverWrittenIsNeitherOpenedByTheShutdownNorAfterIt(@TempDir Path dir) throws Exception {
        dreamnet = builder().database("jdbc:h2:file:" + dir.resolve("state")).build().start();
        dreamnet.started().get(10, TimeUnit.SECONDS);

        dreamnet.shutdown();

        assertThatThrownBy(() -> dreamnet.store().getConnection()).as("closed, and not opened again")
                .hasMessageContaining("closed");
        assertThat(dir.resolve("state.mv.db")).doesNotExist();
    }

    @Test
    void anH2FileWritesEveryCommitBeforeItReturnsUnlessTheUrlSaysOtherwise() {
        assertThat(DreamNet.builder().databaseUrl).contains("dreamnet-data").endsWith(";WRITE_DELAY=0");
        assertThat(DreamNet.builder().database("jdbc:h2:file:/srv/state").databaseUrl)
                .isEqualTo("jdbc:h2:file:/srv/state;WRITE_DELAY=0");
        assertThat(DreamNet.builder().database("jdbc:h2:file:/srv/state;WRITE_DELAY=300").databaseUrl)
                .as("the user's informed choice").isEqualTo("jdbc:h2:file:/srv/state;WRITE_DELAY=300");
        assertThat(DreamNet.builder().database("jdbc:h2:mem:x").databaseUrl).isEqualTo("jdbc:h2:mem:x");
    }

    private static int instanceRows(DreamNet dreamnet) throws java.sql.SQLException {
        try (java.sql.Connection c = dreamnet.store().getConnection();
             java.sql.ResultSet rows = c.createStatement().executeQuery("SELECT COUNT(*) FROM instances")) {
            rows.next();
            return rows.getInt(1);
        }
    }

    private static boolean auditTableExists(DreamNet dreamnet) {
        try (java.sql.Connection c = dreamnet.store().getConnection();
             java.sql.ResultSet tables = c.getMetaData().getTables(null, null, "%", null)) {
            while (tables.next()) {
                if (tables.getString("TABLE_NAME").equalsIgnoreCase("audit_log")) {
                    return true;
                }
            }
            return false;
        } catch (java.sql.SQLException e) {
            return false;
        }
    }

    @Test
    void aServiceOfAnUnknownKindIsRefusedAtBuildNamingIt() {
        assertThatThrownBy(() -> builder().services(ServiceSpec.builder("search").kind("serach").build()).build())
                .isInstanceOf(GraphValidationException.class).hasMessageContaining("serach");
    }

    @Test
    void theToolkitDefaultsItsOwnDownstreamsAndKeepsTheApplications() throws Exception {
        dreamnet = builder().build();

        assertThat(dreamnet.downstreams().breakers()).extracting(b -> b.name())
                .containsExactlyInAnyOrder("database", "queue");
    }
}
