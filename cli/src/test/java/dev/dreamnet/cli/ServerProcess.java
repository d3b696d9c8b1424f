package dev.dreamnet.cli;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The real {@code dreamnet.jar} running {@code serve} as a separate process on a free port, its
 * output captured to files. Not thread-safe, except {@link #post} and {@link #get}.
 */
final class ServerProcess implements AutoCloseable {

    static final Path JAR = Path.of("target", "dreamnet.jar");
    static final Path SHIPPED_GRAPH = Path.of("..", "deploy", "graph.json");
    static final Path SHIPPED_QUEUES = Path.of("..", "config", "queues.yaml");
    /** The JVM flags of the launcher's default JAVA_OPTS: the heap operators get, and exit (to be restarted) when it runs out. */
    static final List<String> JVM_FLAGS = List.of("-Xmx128m", "-XX:+ExitOnOutOfMemoryError");
    private static final Pattern DREAM_ID = Pattern.compile("\"id\":(\\d+)");
    private static final Pattern LISTENING = Pattern.compile("DreamNet listening on http://127\\.0\\.0\\.1:(\\d+)");

    private final Process process;
    private final Path out;
    private final Path err;
    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(2)).build();
    private int port;

    private ServerProcess(Process process, Path out, Path err) {
        this.process = process;
        this.out = out;
        this.err = err;
    }

    /** Starts {@code java -Xmx128m -XX:+ExitOnOutOfMemoryError -jar target/dreamnet.jar serve} on port 0 with {@code dataDir}; logs go to {@code logs}. */
    static ServerProcess start(Path dataDir, Path logs, String name) throws IOException {
        return start(dataDir, logs, name, List.of(), Map.of());
    }

    /** As {@link #start(Path, Path, String)}, with more {@code serve} options and environment variables. */
    static ServerProcess start(Path dataDir, Path logs, String name, List<String> options, Map<String, String> env)
            throws IOException {
        Path out = logs.resolve(name + ".out");
        Path err = logs.resolve(name + ".err");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> command = new ArrayList<>(List.of(java));
        command.addAll(JVM_FLAGS);
        command.addAll(List.of("-jar", JAR.toString(), "serve",
                "--host", "127.0.0.1", "--port", "0", "--data-dir", dataDir.toString(),
                "--graph", SHIPPED_GRAPH.toString(), "--queues", SHIPPED_QUEUES.toString()));
        command.addAll(options);
        ProcessBuilder builder = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile());
        builder.environment().putAll(env);
        return new ServerProcess(builder.start(), out, err);
    }

    /** Waits for the announced port, then for {@code /health/ready} to answer 200. */
    ServerProcess awaitReady(Duration deadline) {
        await("port announced").atMost(deadline).until(() -> {
            if (!process.isAlive()) {
                throw new IllegalStateException("dreamnet exited with " + process.exitValue() + ": " + output());
            }
            Matcher matcher = LISTENING.matcher(Files.readString(out));
            return matcher.find() && (port = Integer.parseInt(matcher.group(1))) > 0;
        });
        try {
            await("/health/ready 200").atMost(deadline).ignoreExceptions().until(() -> {
                if (!process.isAlive()) {
                    throw new IllegalStateException("dreamnet exited with " + process.exitValue() + ": " + output());
                }
                return get("/health/ready").statusCode() == 200;
            });
        } catch (org.awaitility.core.ConditionTimeoutException e) {
            throw new IllegalStateException("not ready after " + deadline.toSeconds() + " s; alive: " + process.isAlive()
                    + "; output:\n" + outputOrNothing(), e);
        }
        return this;
    }

    HttpResponse<String> post(String path, String json) throws IOException, InterruptedException {
        return client.send(HttpRequest.newBuilder(uri(path)).timeout(Duration.ofSeconds(10))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /** POST with {@code Authorization: Bearer token}. */
    HttpResponse<String> post(String path, String json, String token) throws IOException, InterruptedException {
        return client.send(HttpRequest.newBuilder(uri(path)).timeout(Duration.ofSeconds(10))
                .header("Content-Type", "application/json").header("Authorization", "Bearer " + token)
                .POST(HttpRequest.BodyPublishers.ofString(json)).build(), HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return client.send(HttpRequest.newBuilder(uri(path)).timeout(Duration.ofSeconds(10)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /** Where the server answers, for the CLI's {@code --url}. */
    String url() {
        return "http://127.0.0.1:" + port;
    }

    /** Sends SIGTERM. */
    void terminate() {
        process.destroy();
    }

    /** The {@code id} of the dream in a {@code POST /api/dreams} answer's body. */
    static long dreamId(String body) {
        Matcher matcher = DREAM_ID.matcher(body);
        if (!matcher.find()) {
            throw new AssertionError("no id in " + body);
        }
        return Long.parseLong(matcher.group(1));
    }

    /** Sends SIGKILL: the process dies at once, with no shutdown of any kind. */
    void kill() throws InterruptedException {
        process.destroyForcibly();
        if (!process.waitFor(10, TimeUnit.SECONDS)) {
            throw new AssertionError("dreamnet still running 10 s after SIGKILL");
        }
    }

    /** Waits for the process to exit; returns its exit code, or throws if it is still running at the deadline. */
    int awaitExit(Duration deadline) throws InterruptedException, IOException {
        if (!process.waitFor(deadline.toMillis(), TimeUnit.MILLISECONDS)) {
            throw new AssertionError("dreamnet still running " + deadline.toSeconds() + " s after SIGTERM: " + output());
        }
        return process.exitValue();
    }

    /** Everything the process printed so far, stdout then stderr. */
    String output() throws IOException {
        return Files.readString(out) + Files.readString(err);
    }

    private String outputOrNothing() {
        try {
            return output();
        } catch (IOException e) {
            return "(cannot read the output: " + e.getMessage() + ")";
        }
    }

    String stderr() throws IOException {
        return Files.readString(err);
    }

    private URI uri(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }

    @Override
    public void close() throws InterruptedException {
        if (process.isAlive()) {
            process.destroyForcibly();
            process.waitFor(10, TimeUnit.SECONDS);
        }
    }
}
