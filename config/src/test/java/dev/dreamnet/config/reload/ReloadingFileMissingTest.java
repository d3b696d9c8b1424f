package dev.dreamnet.config.reload;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dreamnet.config.yaml.ConfigException;
import dev.dreamnet.core.time.ManualScheduler;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A file whose absence means something ({@code missingAs}), and a look on demand ({@code refresh}). No sleeps. */
class ReloadingFileMissingTest {

    private static final String NONE = "<none>";

    @TempDir
    Path dir;
    private final ManualScheduler scheduler = new ManualScheduler();
    private final List<String> heard = new CopyOnWriteArrayList<>();

    @Test
    void aFileMissingAtStartStandsForTheMissingValue() throws ConfigException {
        ReloadingFile<String> reloading = reloading(dir.resolve("tokens"));

        reloading.start();

        assertThat(reloading.current()).isEqualTo(NONE);
        assertThat(reloading.lastError()).isEmpty();
    }

    @Test
    void aDeletionIsAValidChangeToTheMissingValueAndAWriteBringsTheFileBack() throws Exception {
        Path file = Files.writeString(dir.resolve("tokens"), "a");
        ReloadingFile<String> reloading = reloading(file);
        reloading.start();

        Files.delete(file);
        reloading.refresh();
        assertThat(reloading.current()).isEqualTo(NONE);
        assertThat(reloading.lastError()).as("a deletion is not an error here").isEmpty();

        Files.writeString(file, "a");
        reloading.refresh();
        assertThat(reloading.current()).isEqualTo("a");
        assertThat(heard).containsExactly(NONE, "a");
    }

    @Test
    void refreshSeesAChangeBeforeAnyPoll() throws Exception {
        Path file = Files.writeString(dir.resolve("tokens"), "a");
        ReloadingFile<String> reloading = reloading(file);
        reloading.start();

        Files.writeString(file, "b");
        reloading.refresh();

        assertThat(reloading.current()).isEqualTo("b");
        assertThat(heard).containsExactly("b");
        assertThat(scheduler.pendingTasks()).as("still one poll pending, no extra one").isEqualTo(1);
    }

    @Test
    void refreshBeforeLoadOrStartIsRefusedByName() {
        ReloadingFile<String> reloading = reloading(dir.resolve("tokens"));

        assertThatThrownBy(reloading::refresh).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("not loaded").hasMessageContaining(dir.resolve("tokens").toString());
    }

    @Test
    void withoutMissingAsAMissingFirstFileStillFailsStart() {
        ReloadingFile<String> reloading = ReloadingFile.builder(dir.resolve("tokens"), ReloadingFileMissingTest::read)
                .scheduler(scheduler).build();

        assertThatThrownBy(reloading::start).isInstanceOf(ConfigException.class)
                .hasMessageContaining("No such file or directory");
    }

    private ReloadingFile<String> reloading(Path file) {
        ReloadingFile<String> reloading = ReloadingFile.builder(file, ReloadingFileMissingTest::read)
                .scheduler(scheduler).clock(scheduler).missingAs(NONE).build();
        reloading.addListener(heard::add);
        return reloading;
    }

    private static String read(Path file) throws ConfigException {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new ConfigException(List.of());
        }
    }
}
