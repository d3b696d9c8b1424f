package dev.dreamnet.reference.support;

import com.fasterxml.jackson.databind.JsonNode;
import dev.dreamnet.reference.DreamnetServer;
import dev.dreamnet.runtime.auth.AccessControl;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * The reference service as shipped: {@code deploy/graph.json} and a copy of
 * {@code config/feature-flags.yaml} in the test's directory (so the test may edit it), with one
 * admin and one read token. Clients for no token, the admin and the reader. Not thread-safe to start;
 * its clients are.
 */
public final class FlagServer implements AutoCloseable {

    public static final String ADMIN_TOKEN = "admin-secret-7f3a";
    public static final String READ_TOKEN = "reader-secret-91bc";
    public static final Path SHIPPED_FLAGS = Path.of("..", "config", "feature-flags.yaml");
    public static final Path SHIPPED_GRAPH = Path.of("..", "deploy", "graph.json");
    public static final Path SHIPPED_QUEUES = Path.of("..", "config", "queues.yaml");
    public static final String FLAGS = "/api/integration-flags";

    public final DreamnetServer server;
    public final Path flagsFile;
    public final Http anonymous;
    public final Http admin;
    public final Http reader;

    private FlagServer(DreamnetServer server, Path flagsFile) {
        this.server = server;
        this.flagsFile = flagsFile;
        this.anonymous = new Http(server.port());
        this.admin = anonymous.bearer(ADMIN_TOKEN).with("X-Dreamnet-Actor", "test-operator");
        this.reader = anonymous.bearer(READ_TOKEN);
    }

    /** Starts the shipped service with the tokens and {@code environment} added, and waits until it is ready. */
    public static FlagServer start(Path dir, Map<String, String> environment) throws Exception {
        Path flags = Files.copy(SHIPPED_FLAGS, dir.resolve("feature-flags.yaml"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        Map<String, String> env = new HashMap<>(Map.of(AccessControl.ADMIN_TOKENS, ADMIN_TOKEN,
                AccessControl.READ_TOKENS, READ_TOKEN));
        env.putAll(environment);
        DreamnetServer server = DreamnetServer.start(Servers.config(dir, SHIPPED_GRAPH).flagsFile(flags)
                .queuesFile(SHIPPED_QUEUES).environment(env).build());
        FlagServer started = new FlagServer(server, flags);
        Servers.awaitReady(started.anonymous);
        return started;
    }

    public static FlagServer start(Path dir) throws Exception {
        return start(dir, Map.of());
    }

    /** {@code GET /api/integration-flags} as the admin. */
    public JsonNode flags() {
        Reply reply = admin.get(FLAGS);
        if (reply.status() != 200) {
            throw new AssertionError("GET " + FLAGS + " answered " + reply.status() + ": " + reply.body());
        }
        return reply.json();
    }

    /** The entry of flag {@code name} at the flags endpoint. */
    public JsonNode flag(String name) {
        return DagJson.entry(flags(), "flags", name);
    }

    /** An admin write under {@code /api/integration-flags}, e.g. {@code "/brownout/enable"}. */
    public Reply adminPost(String path, String body) {
        return admin.post(FLAGS + path, body);
    }

    /** Creates a dream and returns its id. */
    public long createDream(String title) {
        Reply created = anonymous.post("/api/dreams", "{\"title\": \"" + title + "\", \"body\": \"b\"}");
        if (created.status() != 201) {
            throw new AssertionError("POST /api/dreams answered " + created.status() + ": " + created.body());
        }
        return created.json().get("id").asLong();
    }

    /** Replaces the watched flags file's content. */
    public void writeFlags(String yaml) throws IOException {
        Files.writeString(flagsFile, yaml);
    }

    @Override
    public void close() {
        server.shutdown();
    }
}
