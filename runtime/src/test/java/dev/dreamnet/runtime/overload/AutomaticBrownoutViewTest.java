package dev.dreamnet.runtime.overload;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dreamnet.core.time.ManualScheduler;
import dev.dreamnet.runtime.DreamNet;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What operators see of automatic brownout is the configuration in force. */
class AutomaticBrownoutViewTest {

    @TempDir
    Path dir;

    /** Regression: until the first tick (a second after start) the view said automatic brownout was off. */
    @Test
    void rightAfterStartTheViewShowsTheFilesSettingsBeforeAnyTick() throws Exception {
        Path file = Files.writeString(dir.resolve("overload.yaml"),
                "enabled: true\nautoBrownout:\n  enabled: true\n  enterAfter: 7s\n  exitAfter: 40s\n");
        DreamNet dreamnet = DreamNet.builder().clock(new ManualScheduler()).scheduler(new ManualScheduler())
                .environment(Map.of()).database("jdbc:h2:mem:view_" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1")
                .overload(file).build().start();
        try {
            AutomaticBrownout.View view = dreamnet.automaticBrownout().view();

            assertThat(view.enabled()).isTrue();
            assertThat(view.enterAfterMs()).isEqualTo(7000);
            assertThat(view.exitAfterMs()).isEqualTo(40_000);
        } finally {
            dreamnet.shutdown();
        }
    }
}
