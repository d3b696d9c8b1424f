package dev.dreamnet.cli;

import dev.dreamnet.reference.DreamnetServer;
import dev.dreamnet.reference.ServerConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** A small in-process server for the CLI's client commands to talk to: {@code graph} in {@code dir}, port 0. */
final class LiveServer {

    /** database, schema, core, api: no migrations. */
    static final String SCHEMA_GRAPH = "{\"services\": ["
            + "{\"name\": \"database\", \"kind\": \"database\", \"readiness\": {\"query\": \"SELECT 1\"}},"
            + "{\"name\": \"schema\", \"dependsOn\": [\"database\"]},"
            + "{\"name\": \"core\", \"dependsOn\": [\"schema\"]},"
            + "{\"name\": \"api\", \"dependsOn\": [\"core\"]}]}";

    private LiveServer() {
    }

    /** Starts the server with {@code environment} and waits until its startup is done (not until it is ready). */
    static DreamnetServer start(Path dir, String graph, Map<String, String> environment) throws Exception {
        Path file = Files.writeString(dir.resolve("graph.json"), graph);
        DreamnetServer server = DreamnetServer.start(ServerConfig.builder().host("127.0.0.1").port(0)
                .dataDir(dir.resolve("data")).graphFile(file).environment(environment).build());
        server.started().get(20, TimeUnit.SECONDS);
        return server;
    }

    static String url(DreamnetServer server) {
        return "http://127.0.0.1:" + server.port();
    }
}
