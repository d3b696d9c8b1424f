package dev.dreamnet.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dreamnet.core.time.ManualScheduler;
import dev.dreamnet.config.reload.ReloadingFile;
import dev.dreamnet.runtime.slo.SloViews;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A resilience file given to the builder is watched: a valid change is in force without a restart, a bad one is not. */
class ResilienceFileReloadTest {

    private final ManualScheduler time = new ManualScheduler();
    private DreamNet dreamnet;

    @TempDir
    Path dir;

    @AfterEach
    void stop() {
        if (dreamnet != null) {
            dreamnet.shutdown();
        }
    }

    private static String yaml(int failures) {
        return "services:\n  provider:\n    breaker:\n      consecutiveFailures: " + failures + "\n";
    }

    @Test
    void aChangedFileChangesTheBreakerAndABadOneKeepsTheLastGood() throws Exception {
        Path file = dir.resolve("resilience.yaml");
        Files.writeString(file, yaml(5));
        dreamnet = DreamNet.builder().clock(time).scheduler(time).environment(Map.of())
                .database("jdbc:h2:mem:dreamnet_" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1")
                .resilience(file).build().start();
        assertThat(dreamnet.downstreams().breaker("provider").config().consecutiveFailures()).isEqualTo(5);

        Files.writeString(file, yaml(2));
        time.advance(ReloadingFile.DEFAULT_INTERVAL);
        assertThat(dreamnet.downstreams().breaker("provider").config().consecutiveFailures()).isEqualTo(2);
        assertThat(dreamnet.downstreams().breaker("database").config().consecutiveFailures())
                .as("the toolkit's own downstreams keep their defaults").isEqualTo(20);

        assertThat(dreamnet.attention()).isEmpty();

        Files.writeString(file, "services:\n  provider:\n    breaker:\n      consecutiveFailures: -1\n");
        time.advance(ReloadingFile.DEFAULT_INTERVAL);
        assertThat(dreamnet.downstreams().breaker("provider").config().consecutiveFailures()).isEqualTo(2);
        assertThat(dreamnet.attention()).as("the refusal is in the summary's attention list, not in the log only")
                .singleElement().asString().startsWith(file + " was not reloaded: ").contains("consecutiveFailures")
                .endsWith("; the last good version stays in force");

        Files.writeString(file, yaml(3));
        time.advance(ReloadingFile.DEFAULT_INTERVAL);
        assertThat(dreamnet.attention()).isEmpty();
    }

    @Test
    void aVersionThatAddsADownstreamIsRefusedWhereOperatorsLookAndItsOtherChangesAreNotHalfApplied() throws Exception {
        // Bug: it was taken as the file's last good version and refused in a log line only; attention stayed empty.
        Path file = dir.resolve("resilience.yaml");
        Files.writeString(file, yaml(5));
        dreamnet = DreamNet.builder().clock(time).scheduler(time).environment(Map.of())
                .database("jdbc:h2:mem:dreamnet_" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1")
                .resilience(file).build().start();

        Files.writeString(file, yaml(2) + "  pricing:\n    timeout: 1s\n");
        time.advance(ReloadingFile.DEFAULT_INTERVAL);

        assertThat(dreamnet.downstreams().names()).doesNotContain("pricing");
        assertThat(dreamnet.downstreams().breaker("provider").config().consecutiveFailures()).isEqualTo(5);
        assertThat(dreamnet.attention()).singleElement().asString().startsWith(file + " was not reloaded: ")
                .contains("downstreams cannot be added or removed without a restart (added: [pricing], removed: [])");

        Files.writeString(file, yaml(2));
        time.advance(ReloadingFile.DEFAULT_INTERVAL);
        assertThat(dreamnet.attention()).isEmpty();
        assertThat(dreamnet.downstreams().breaker("provider").config().consecutiveFailures()).isEqualTo(2);
    }

    @Test
    void aRefusedSloFileIsShownInTheObjectivesOwnView() throws Exception {
        // Bug: /api/observability/slos (and the actuator's slos) said "error": null; only the summary told.
        Path file = dir.resolve("slos.yaml");
        Files.writeString(file, "slos:\n  reads:\n    routes: [\"GET /api/x\"]\n    objective: 99.9\n");
        dreamnet = DreamNet.builder().clock(time).scheduler(time).environment(Map.of())
                .database("jdbc:h2:mem:dreamnet_" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1")
                .slos(file).build().start();
        SloViews.SlosView before = SloViews.of(dreamnet.slos());
        assertThat(before.reloadError()).isNull();

        Files.writeString(file, "window: banana\nslos: {}\n");
        time.advance(ReloadingFile.DEFAULT_INTERVAL);

        SloViews.SlosView view = SloViews.of(dreamnet.slos());
        assertThat(view.reloadError()).startsWith(file + " was not reloaded: ").contains("window");
        assertThat(view.configVersion()).as("the last good version stays").isEqualTo(before.configVersion());
    }

    @Test
    void readinessListenersHearTheServiceTurnNotReadyWhenItDrains() throws Exception {
        dreamnet = DreamNet.builder().clock(time).scheduler(time).environment(Map.of())
                .database("jdbc:h2:mem:dreamnet_" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1")
                .shutdownGrace(Duration.ofMillis(10)).build();
        java.util.List<Boolean> heard = new java.util.concurrent.CopyOnWriteArrayList<>();
        dreamnet.state().addListener(readiness -> heard.add(readiness.ready()));
        dreamnet.start().started().get(10, java.util.concurrent.TimeUnit.SECONDS);

        dreamnet.shutdown();

        assertThat(heard).containsExactly(true, false);
    }
}
