package dev.dreamnet.runtime.flags;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dreamnet.core.flags.FlagSnapshot;
import dev.dreamnet.core.flags.Mode;
import dev.dreamnet.runtime.DreamNet;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A {@link FlagService.Listener} hears every installed snapshot with the one before it, on the changing thread. */
class FlagServiceListenerTest {

    private static final String FLAGS = """
            flags:
              search.semantic:
                enabled: true
                owner: search-team
                description: Semantic search
                degradation: brownout
            """;

    @TempDir
    Path dir;
    private DreamNet dreamnet;
    private final List<FlagSnapshot[]> heard = new CopyOnWriteArrayList<>();
    private final FlagService.Listener listener = (before, after) -> heard.add(new FlagSnapshot[] {before, after});

    @BeforeEach
    void start() throws Exception {
        Path file = Files.writeString(dir.resolve("flags.yaml"), FLAGS);
        dreamnet = DreamNet.builder().flags(file).environment(Map.of())
                .database("jdbc:h2:mem:flaglisteners_" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1")
                .shutdownGrace(Duration.ofSeconds(1)).build().start();
        dreamnet.started().get(10, TimeUnit.SECONDS);
        dreamnet.flags().addListener(listener);
    }

    @AfterEach
    void stop() {
        dreamnet.shutdown();
    }

    @Test
    void anOperatorChangeIsHeardWithTheSnapshotBeforeIt() {
        FlagSnapshot before = dreamnet.flags().snapshot();

        FlagSnapshot after = dreamnet.flags().change(s -> s.withMode(Mode.BROWNOUT), "test", "mode.enable", "mode",
                "", "test");

        assertThat(heard).singleElement().satisfies(pair -> {
            assertThat(pair[0]).isSameAs(before);
            assertThat(pair[1]).isSameAs(after);
        });
        assertThat(after.explain("search.semantic").enabled()).isFalse();
    }

    @Test
    void aReloadedFileIsHeardAndARemovedListenerHearsNothingMore() throws Exception {
        FlagSnapshot before = dreamnet.flags().snapshot();
        Path file = dreamnet.flags().file().orElseThrow().file();
        Files.writeString(file, FLAGS.replace("enabled: true", "enabled: false"));
        dreamnet.flags().file().orElseThrow().refresh();

        assertThat(heard).singleElement().satisfies(pair -> {
            assertThat(pair[0]).isSameAs(before);
            assertThat(pair[1].explain("search.semantic").enabled()).isFalse();
        });

        dreamnet.flags().removeListener(listener);
        dreamnet.flags().change(s -> s.withMode(Mode.EMERGENCY), "test", "mode.enable", "mode", "", "test");
        assertThat(heard).hasSize(1);
    }
}
