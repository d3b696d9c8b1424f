package dev.dreamnet.reference.resilience;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.dreamnet.reference.DreamnetServer;
import dev.dreamnet.reference.support.GraphJson;
import dev.dreamnet.reference.support.Http;
import dev.dreamnet.reference.support.Servers;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The reference service watches its {@code resilience.yaml}: a changed breaker threshold and a new bulkhead for the
 * provider take effect without a restart, shown in {@code /api/observability/overload}; a bad edit is refused and
 * the last good settings stay.
 */
class ResilienceFileReloadServeTest {

    private static final String FILE = """
            services:
              provider:
                breaker: {consecutiveFailures: 5}
            """;

    @TempDir
    Path dir;
    private DreamnetServer server;

    @AfterEach
    void stop() {
        if (server != null) {
            server.shutdown();
        }
    }

    @Test
    void aChangedFileTakesEffectWithoutARestartAndABadOneIsRefused() throws Exception {
        Path resilience = Files.writeString(dir.resolve("resilience.yaml"), FILE);
        server = DreamnetServer.start(Servers.config(dir, GraphJson.reference().writeTo(dir)).resilienceFile(resilience)
                .build());
        Http http = new Http(server.port());
        Servers.awaitReady(http);
        assertThat(server.dreamnet().downstreams().settings("provider").breaker().consecutiveFailures()).isEqualTo(5);

        Files.writeString(resilience, FILE.replace("consecutiveFailures: 5}",
                "consecutiveFailures: 2}\n    bulkhead: {maxConcurrent: 3}"));
        await().atMost(Duration.ofSeconds(20)).until(() -> server.dreamnet().downstreams().settings("provider")
                .breaker().consecutiveFailures() == 2);
        assertThat(http.get("/api/observability/overload").json().get("outbound").get("provider").get("bulkhead")
                .get("maxConcurrent").asInt()).isEqualTo(3);

        Files.writeString(resilience, FILE.replace("consecutiveFailures: 5", "consecutiveFailures: -1"));
        await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(10)).until(() -> server.dreamnet()
                .downstreams().settings("provider").breaker().consecutiveFailures() == 2);
    }
}
