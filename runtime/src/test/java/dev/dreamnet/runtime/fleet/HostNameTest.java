package dev.dreamnet.runtime.fleet;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Where the runtime takes this machine's name from, for its instance id and the address it gives the fleet. */
class HostNameTest {

    @TempDir
    Path dir;

    @Test
    void theContainersVariableComesFirst() throws IOException {
        Path kernel = Files.writeString(dir.resolve("hostname"), "kernel-name\n");
        assertThat(InstanceRegistry.hostName(" pod-7f9c ", kernel)).isEqualTo("pod-7f9c");
    }

    @Test
    void theKernelsNameWhenTheVariableIsMissingOrNotAName() throws IOException {
        Path kernel = Files.writeString(dir.resolve("hostname"), "kernel-name\n");
        assertThat(InstanceRegistry.hostName(null, kernel)).isEqualTo("kernel-name");
        assertThat(InstanceRegistry.hostName("  ", kernel)).isEqualTo("kernel-name");
        assertThat(InstanceRegistry.hostName("two words", kernel)).isEqualTo("kernel-name");
    }

    @Test
    void javasOwnAnswerWhenNeitherTellsIt() throws IOException {
        String java = InetAddress.getLocalHost().getHostName();
        assertThat(InstanceRegistry.hostName(null, dir.resolve("absent"))).isEqualTo(java);
        Path empty = Files.writeString(dir.resolve("empty"), "\n");
        assertThat(InstanceRegistry.hostName("", empty)).isEqualTo(java);
    }

    @Test
    void onThisMachineTheKernelsNameIsJavasName() throws IOException {
        Path kernel = Path.of("/proc/sys/kernel/hostname");
        if (Files.isReadable(kernel)) {
            assertThat(InstanceRegistry.hostName(null, kernel)).isEqualTo(InetAddress.getLocalHost().getHostName());
        } else {
            assertThat(InstanceRegistry.hostName(null, kernel)).isNotBlank();
        }
    }
}
