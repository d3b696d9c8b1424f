package dev.dreamnet.cli;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Whatever {@code --url} points at, played by a real HTTP server on a free port: it answers every request with one
 * status, {@code Location} and body, and records each request it was sent. Thread-safe.
 */
final class ScriptedServer implements AutoCloseable {

    /** One request as the server received it. */
    record Request(String method, String path, Headers headers) {
    }

    private final HttpServer server;
    private final List<Request> requests = new CopyOnWriteArrayList<>();

    private ScriptedServer(int status, String location, byte[] body) throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", exchange -> {
            requests.add(new Request(exchange.getRequestMethod(), exchange.getRequestURI().getRawPath(),
                    exchange.getRequestHeaders()));
            if (location != null) {
                exchange.getResponseHeaders().add("Location", location);
            }
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(status, body.length == 0 ? -1 : 0);
            try (OutputStream out = exchange.getResponseBody()) {
                for (int at = 0; at < body.length; at += 1 << 20) {
                    out.write(body, at, Math.min(1 << 20, body.length - at));
                }
            }
        });
        server.start();
    }

    /** The flags document an operator's change is answered with, in {@code mode}. */
    static String flagsView(String mode) {
        return "{\"configVersion\": \"sha256:1\", \"state\": {\"mode\": \"" + mode + "\", \"safeMode\": false, "
                + "\"writeDrain\": false, \"quarantinedAgents\": []}, \"flags\": []}";
    }

    /** A server that answers {@code status} with {@code body} (none when empty). */
    static ScriptedServer answering(int status, String body) throws IOException {
        return new ScriptedServer(status, null, body.getBytes(StandardCharsets.UTF_8));
    }

    /** A server that answers {@code status} with a {@code Location} header (when not null) and {@code body}. */
    static ScriptedServer answering(int status, String location, byte[] body) throws IOException {
        return new ScriptedServer(status, location, body);
    }

    /** Its URL, without a trailing slash: {@code http://127.0.0.1:PORT}. */
    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** The requests received so far, oldest first. */
    List<Request> requests() {
        return List.copyOf(requests);
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
