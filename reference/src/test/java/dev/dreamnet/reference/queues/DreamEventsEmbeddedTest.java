package dev.dreamnet.reference.queues;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dreamnet.core.startup.StartupSnapshot;
import dev.dreamnet.core.startup.StartupStatus;
import dev.dreamnet.reference.DreamnetServer;
import dev.dreamnet.reference.PreflightException;
import dev.dreamnet.reference.ServerConfig;
import dev.dreamnet.reference.support.FlagServer;
import dev.dreamnet.reference.support.Servers;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The pipeline on the defaults: H2 under the data directory and the embedded database queue. */
class DreamEventsEmbeddedTest extends DreamEventsPipelineContract {

    @Override
    ServerConfig.Builder backend(ServerConfig.Builder config) {
        return config;
    }

    @Test
    void aQueueThatExistsWithOtherSettingsStopsStartupNamingTheDifferenceAndIsLeftAlone() throws Exception {
        start(QUEUES);
        server.shutdown();
        Path changed = Files.writeString(dir.resolve("changed.yaml"), QUEUES.replaceFirst("maxAttempts: 2", "maxAttempts: 3"));

        server = DreamnetServer.start(Servers.config(dir, FlagServer.SHIPPED_GRAPH).queuesFile(changed).build());
        StartupSnapshot result = server.started().get(Servers.DEADLINE.toSeconds(), TimeUnit.SECONDS);

        assertThat(result.status()).isEqualTo(StartupStatus.FAILED);
        assertThat(result.reason()).contains("queues").contains("dream-events.citadel").contains("maxAttempts")
                .contains("2").contains("3");
        server.shutdown();
        server = null;
        start(QUEUES); // the queue was not changed: the original file still matches
    }

    @Test
    void aGraphWhoseAgentsHaveNoQueueIsRefusedBeforeAnythingStarts() {
        ServerConfig config = Servers.config(dir, FlagServer.SHIPPED_GRAPH).build();

        org.assertj.core.api.Assertions.assertThatThrownBy(() -> DreamnetServer.start(config))
                .isInstanceOf(PreflightException.class)
                .hasMessage(FlagServer.SHIPPED_GRAPH + ": service \"citadel\" consumes queue \"dream-events.citadel\", "
                        + "which is not declared: no queues file (--queues, default config/queues.yaml)");
    }
}
