package dev.dreamnet.cli;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * The machine's real PostgreSQL server, stopped and started with its own command
 * ({@code pg_ctlcluster --skip-systemctl-redirect VERSION main stop|start}, as {@code .ci/run} starts
 * it), for tests of what a database outage does. Only one test class may use it at a time.
 */
final class PostgresServer {

    private static final Duration COMMAND = Duration.ofSeconds(60);

    private PostgresServer() {
    }

    /** Stops the server at once (fast mode: sessions are ended, nothing committed is lost). */
    static void stop() throws Exception {
        run("stop", "-m", "fast");
        await("PostgreSQL down").atMost(COMMAND).until(() -> !listening());
    }

    static void start() throws Exception {
        run("start");
        await("PostgreSQL up").atMost(COMMAND).until(PostgresServer::listening);
    }

    /** Starts the server if a test left it stopped. */
    static void ensureRunning() throws Exception {
        if (!listening()) {
            start();
        }
    }

    private static void run(String... action) throws Exception {
        List<String> command = new java.util.ArrayList<>(List.of("pg_ctlcluster", "--skip-systemctl-redirect",
                version(), "main"));
        command.addAll(List.of(action));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        if (!process.waitFor(COMMAND.toSeconds(), TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new IllegalStateException(String.join(" ", command) + " did not finish in " + COMMAND.toSeconds() + " s");
        }
        String output = new String(process.getInputStream().readAllBytes());
        if (process.exitValue() != 0 && !output.contains("already running") && !output.contains("is not running")) {
            throw new IllegalStateException(String.join(" ", command) + " failed with " + process.exitValue() + ": "
                    + output);
        }
    }

    private static String version() throws IOException {
        try (Stream<Path> versions = Files.list(Path.of("/etc/postgresql"))) {
            return versions.map(p -> p.getFileName().toString()).sorted().reduce((a, b) -> b)
                    .orElseThrow(() -> new IllegalStateException("no cluster under /etc/postgresql"));
        }
    }

    private static boolean listening() {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", 5432), 500);
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
