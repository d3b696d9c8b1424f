package dev.dreamnet.reference.support;

import static org.awaitility.Awaitility.await;

import dev.dreamnet.reference.Customizer;
import dev.dreamnet.reference.DreamnetServer;
import dev.dreamnet.reference.ServerConfig;
import java.nio.file.Path;
import java.time.Duration;

/** Starts real servers for tests: loopback, a free port, data and graph under the test's own directory. */
public final class Servers {

    /** How long a test waits for anything the server does. */
    public static final Duration DEADLINE = Duration.ofSeconds(20);

    private Servers() {
    }

    /** Loopback, port 0, H2 under {@code dir/data}, fast health gates. */
    public static ServerConfig.Builder config(Path dir, Path graphFile) {
        return ServerConfig.builder().host("127.0.0.1").port(0).dataDir(dir.resolve("data")).graphFile(graphFile)
                .gateStartupInterval(Duration.ofMillis(50)).gateInterval(Duration.ofMillis(100))
                .shutdownGrace(Duration.ofSeconds(10));
    }

    public static DreamnetServer start(Path dir, GraphJson graph, Customizer customizer) throws Exception {
        return DreamnetServer.start(config(dir, graph.writeTo(dir)).build(), customizer);
    }

    public static DreamnetServer start(Path dir, GraphJson graph) throws Exception {
        return start(dir, graph, Customizer.none());
    }

    /** Waits until {@code /health/ready} answers 200. */
    public static void awaitReady(Http http) {
        await("/health/ready answers 200").atMost(DEADLINE).until(() -> http.get("/health/ready").status() == 200);
    }
}
