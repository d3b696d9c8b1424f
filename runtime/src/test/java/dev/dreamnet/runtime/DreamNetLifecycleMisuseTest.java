package dev.dreamnet.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dreamnet.config.reload.ReloadingFile;
import dev.dreamnet.config.resilience.ResilienceFile;
import dev.dreamnet.config.yaml.ConfigException;
import dev.dreamnet.core.time.ManualScheduler;
import dev.dreamnet.runtime.resilience.Downstreams;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Starting and stopping out of order: refused with what to do, and nothing left running or scheduled twice. */
class DreamNetLifecycleMisuseTest {

    @TempDir
    Path dir;
    private final ManualScheduler time = new ManualScheduler();
    private DreamNet dreamnet;

    @AfterEach
    void stop() {
        if (dreamnet != null) {
            dreamnet.shutdown();
        }
    }

    private DreamNetBuilder builder() {
        return DreamNet.builder().clock(time).scheduler(time).environment(Map.of())
                .database("jdbc:h2:mem:lifecycle_" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1")
                .shutdownGrace(Duration.ofSeconds(1));
    }

    @Test
    void aSecondStartIsRefusedAndSchedulesNothingMore() throws Exception {
        dreamnet = builder().build().start();
        // The graph runs on a real pool and cancels its own timer task when it is done: count once it is.
        dreamnet.started().get(10, java.util.concurrent.TimeUnit.SECONDS);
        int scheduled = time.pendingTasks();

        // It threw "startup already began, status STARTING", but only after starting the metrics slots, the watchdog
        // samples and the brownout ticks a second time: every one then ran twice per period.
        assertThatThrownBy(dreamnet::start).isInstanceOf(IllegalStateException.class)
                .hasMessage("DreamNet was already started: start() is called once");
        assertThat(time.pendingTasks()).isEqualTo(scheduled);
    }

    @Test
    void startAfterShutdownIsRefusedAndSchedulesNothing() throws Exception {
        dreamnet = builder().build();
        dreamnet.shutdown();

        // It threw "startup already began, status STOPPED", a graph that had never begun, after scheduling again.
        assertThatThrownBy(dreamnet::start).isInstanceOf(IllegalStateException.class)
                .hasMessage("DreamNet was shut down and cannot start again: build a new one");
        assertThat(time.pendingTasks()).isZero();
    }

    @Test
    void shutdownBeforeStartAndCloseAfterShutdownAreHarmless() throws Exception {
        dreamnet = builder().build();

        assertThatCode(() -> {
            dreamnet.shutdown();
            dreamnet.close();
            dreamnet.shutdown();
        }).doesNotThrowAnyException();
    }

    @Test
    void aFlagsOverloadOrSloFileThatIsMissingOrADirectoryIsRefusedByBuildNamingIt() {
        // They were refused only by start(), after the application had built, wired and perhaps evaluated against a
        // runtime whose flags were not the file's.
        Path missing = dir.resolve("flags.yaml");

        assertThatThrownBy(() -> builder().flags(missing).build()).isInstanceOf(ConfigException.class)
                .hasMessageContaining(missing.toString()).hasMessageContaining("cannot read file");
        assertThatThrownBy(() -> builder().overload(dir).build()).isInstanceOf(ConfigException.class)
                .hasMessageContaining(dir.toString());
        assertThatThrownBy(() -> builder().slos(dir.resolve("slos.yaml")).build()).isInstanceOf(ConfigException.class)
                .hasMessageContaining(dir.resolve("slos.yaml").toString()).hasMessageContaining("cannot read file");
    }

    @Test
    void theFlagsAreTheFilesOnceBuiltBeforeStart() throws Exception {
        Path file = Files.writeString(dir.resolve("flags.yaml"), """
                flags:
                  recommendations:
                    enabled: false
                    owner: shop-team
                    description: Recommendations
                """);

        dreamnet = builder().flags(file).build();

        assertThat(dreamnet.flags().snapshot().contains("recommendations")).isTrue();
        assertThat(dreamnet.flags().allows("recommendations")).isFalse();
        Files.writeString(file, Files.readString(file).replace("enabled: false", "enabled: true"));
        time.advance(ReloadingFile.DEFAULT_INTERVAL.multipliedBy(2));
        assertThat(dreamnet.flags().allows("recommendations")).as("not watched before start").isFalse();
        dreamnet.start();
        time.advance(ReloadingFile.DEFAULT_INTERVAL);
        assertThat(dreamnet.flags().allows("recommendations")).as("watched from start on").isTrue();
    }

    @Test
    void anAfterDrainStepWithoutANameOrBodyIsRefused() throws Exception {
        dreamnet = builder().build();

        // It was taken, and shutdown then logged "could not null cleanly".
        assertThatThrownBy(() -> dreamnet.afterDrain(null, () -> { })).hasMessage("what");
        assertThatThrownBy(() -> dreamnet.afterDrain("stop", null)).hasMessage("step");
    }

    @Test
    void shutdownStopsTheThreadsThatRanHedgedCalls() throws Exception {
        dreamnet = builder().resilience(ResilienceFile.parse("resilience.yaml", """
                services:
                  pricing:
                    retry: {maxAttempts: 1}
                    timeout: 5s
                    hedge: {after: 20ms, maxExtra: 5%, burst: 10}
                """)).build().start();
        Set<Thread> before = Thread.getAllStackTraces().keySet();

        Downstreams.BoundedCall<String> call = timeLeft -> "ok";
        assertThat(dreamnet.downstreams().hedged("pricing", call)).isEqualTo("ok");
        List<Thread> hedging = Thread.getAllStackTraces().keySet().stream().filter(t -> !before.contains(t))
                .filter(t -> t.getName().startsWith("dreamnet-hedge-")).toList();
        assertThat(hedging).as("the hedged call ran on the hedge pool").isNotEmpty();
        dreamnet.shutdown();

        // They were left idling for a minute after shutdown, for as long as the JVM lived if calls kept coming.
        for (Thread thread : hedging) {
            thread.join(5_000);
            assertThat(thread.isAlive()).as(thread.getName() + " after shutdown").isFalse();
        }
        assertThatThrownBy(() -> dreamnet.downstreams().hedged("pricing", call))
                .as("a hedged call after shutdown, as docs/EMBEDDING.md says")
                .isInstanceOf(java.util.concurrent.RejectedExecutionException.class);
        assertThat(dreamnet.downstreams().call("pricing", () -> "ok")).as("an unhedged call still answers")
                .isEqualTo("ok");
    }
}
