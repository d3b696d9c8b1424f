package dev.dreamnet.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * Regression: out of heap at the default {@code -Xmx128m}, the server stayed up for more than 10 minutes unable to
 * serve or stop. The launcher (and the tests' real server process) now run the JVM with
 * {@code -XX:+ExitOnOutOfMemoryError}, so such a process dies at once and is restarted.
 */
class LauncherJvmFlagsTest {

    private static final String EXIT_ON_OOM = "-XX:+ExitOnOutOfMemoryError";

    @Test
    void theLauncherAlwaysPassesExitOnOutOfMemoryErrorBeforeJavaOpts() throws IOException {
        String exec = Files.readAllLines(Path.of("..", "dreamnet")).stream()
                .filter(line -> line.startsWith("exec java")).findFirst().orElseThrow();

        assertThat(exec).contains(EXIT_ON_OOM);
        assertThat(exec.indexOf(EXIT_ON_OOM)).as("JAVA_OPTS can still override it").isLessThan(exec.indexOf("JAVA_OPTS"));
        assertThat(exec).contains("${JAVA_OPTS:--Xmx128m}");
    }

    @Test
    void theTestsRealServerProcessRunsWithTheLaunchersFlags() {
        assertThat(ServerProcess.JVM_FLAGS).containsExactly("-Xmx128m", EXIT_ON_OOM);
    }
}
