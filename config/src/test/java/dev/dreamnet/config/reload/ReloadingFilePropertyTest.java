package dev.dreamnet.config.reload;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dreamnet.config.flags.FlagsConfig;
import dev.dreamnet.config.flags.FlagsFile;
import dev.dreamnet.config.flags.FlagsFileEdits;
import dev.dreamnet.config.yaml.ConfigException;
import dev.dreamnet.core.time.ManualScheduler;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Three hundred random edits of the shipped flags file, written one after another to the watched
 * file (some with the modification time set back): after each poll {@link ReloadingFile#current()}
 * is the new config if the edit is valid and the previous good one if not, never anything else,
 * and nothing escapes the poller. A failure names the seed, the step and the text written.
 */
class ReloadingFilePropertyTest {

    private static final int SEEDS = 3;
    private static final int MUTATIONS = 300;

    @TempDir
    Path dir;

    @Test
    void currentIsAlwaysTheLastGoodConfigThroughRandomEdits() throws IOException, ConfigException {
        List<String> shipped = Files.readAllLines(Path.of("..", "config", "feature-flags.yaml"));
        for (long seed = 0; seed < SEEDS; seed++) {
            Path file = Files.write(dir.resolve("flags-" + seed + ".yaml"), shipped);
            ManualScheduler scheduler = new ManualScheduler();
            ReloadingFile<FlagsConfig> reloading =
                    ReloadingFile.builder(file, FlagsFile::load).scheduler(scheduler).clock(scheduler).build();
            List<FlagsConfig> heard = new CopyOnWriteArrayList<>();
            reloading.addListener(heard::add);
            reloading.start();
            runMutations(seed, file, shipped, scheduler, reloading, heard);
        }
    }

    private static void runMutations(long seed, Path file, List<String> shipped, ManualScheduler scheduler,
                                     ReloadingFile<FlagsConfig> reloading, List<FlagsConfig> heard) throws IOException {
        Random random = new Random(seed);
        FlagsConfig good = reloading.current();
        int changes = 0;
        int refused = 0;
        for (int step = 0; step < MUTATIONS; step++) {
            List<String> lines = new ArrayList<>(shipped);
            for (int edits = random.nextInt(3); edits > 0 && !lines.isEmpty(); edits--) {
                FlagsFileEdits.edit(lines, random);
            }
            String yaml = String.join("\n", lines);
            Optional<FlagsConfig> expected = parse(file, yaml);
            refused += expected.isEmpty() ? 1 : 0;
            try {
                FileTime before = Files.getLastModifiedTime(file);
                Files.writeString(file, yaml);
                if (random.nextBoolean()) {
                    Files.setLastModifiedTime(file, before);
                }
                scheduler.advance(ReloadingFile.DEFAULT_INTERVAL);

                FlagsConfig now = expected.orElse(good);
                changes += now.equals(good) ? 0 : 1;
                good = now;
                assertThat(reloading.current()).isEqualTo(good);
                assertThat(reloading.lastError().isPresent()).isEqualTo(expected.isEmpty());
                reloading.lastError().ifPresent(error ->
                        assertThat(error.attemptedVersion()).hasValue(ReloadingFileTest.version(yaml)));
                assertThat(heard).hasSize(changes);
                assertThat(scheduler.pendingTasks()).as("polling goes on").isEqualTo(1);
            } catch (RuntimeException | AssertionError e) {
                throw new AssertionError("seed " + seed + ", step " + step + ", written:\n" + yaml, e);
            }
        }
        assertThat(refused).as("seed " + seed + ": edits refused").isBetween(MUTATIONS / 10, MUTATIONS * 9 / 10);
        assertThat(changes).as("seed " + seed + ": valid changes").isGreaterThan(MUTATIONS / 10);
    }

    private static Optional<FlagsConfig> parse(Path file, String yaml) {
        try {
            return Optional.of(FlagsFile.parse(file.toString(), yaml));
        } catch (ConfigException e) {
            return Optional.empty();
        }
    }
}
