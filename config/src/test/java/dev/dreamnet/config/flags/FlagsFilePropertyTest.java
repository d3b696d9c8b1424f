package dev.dreamnet.config.flags;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dreamnet.config.yaml.CleanProblems;
import dev.dreamnet.config.yaml.ConfigException;
import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The shipped file, edited at random a thousand times, either loads into flags that keep every
 * promise of {@link FlagSpec} or fails with clean one-line problems; never any other exception. A
 * failure names the seed and the edited text that reproduce it.
 */
class FlagsFilePropertyTest {

    private static final int TRIES = 1_000;

    @Test
    void randomlyEditedShippedFileLoadsOrFailsWithCleanProblems() throws IOException {
        List<String> shipped = Files.readAllLines(ShippedFlagsFileTest.SHIPPED);
        for (long seed = 0; seed < TRIES; seed++) {
            Random random = new Random(seed);
            List<String> lines = new ArrayList<>(shipped);
            for (int edits = 1 + random.nextInt(3); edits > 0 && !lines.isEmpty(); edits--) {
                FlagsFileEdits.edit(lines, random);
            }
            String yaml = String.join("\n", lines);
            try {
                loadsOrFailsCleanly(yaml);
            } catch (RuntimeException | AssertionError e) {
                throw new AssertionError("seed " + seed + ", input:\n" + yaml, e);
            }
        }
    }

    private static void loadsOrFailsCleanly(String yaml) {
        try {
            FlagsConfig config = FlagsFile.parse("config/feature-flags.yaml", yaml);
            assertThat(config.flags()).isNotEmpty();
            assertThat(config.version()).matches("sha256:[0-9a-f]{12}");
            assertThat(new HashSet<>(config.flags().stream().map(flag -> flag.name().toLowerCase()).toList()))
                    .hasSameSizeAs(config.flags());
            assertThat(config.flags()).allSatisfy(flag -> {
                assertThat(flag.name()).matches("[A-Za-z0-9._-]{1,64}");
                assertThat(flag.owner()).isNotBlank();
                assertThat(flag.description()).isNotBlank();
                assertThat(flag.degradation()).isIn(FlagSpec.DEGRADATIONS);
            });
        } catch (ConfigException e) {
            CleanProblems.assertClean(e);
        }
    }
}
