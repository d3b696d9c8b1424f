package dev.dreamnet.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.dreamnet.testing.PostgresTestDatabase;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A 201 means durable, whatever kills the process. Regression: H2 wrote commits to its file up to
 * 500 ms late, so after {@code kill -9} 479 of 52,997 acknowledged dreams were gone and their ids were
 * handed out again to other dreams. Writers POST dreams to the real jar, which is SIGKILLed mid-write,
 * restarted on the same data, and killed again, for several rounds: every acknowledged dream must be
 * there with its own content, and no id may be acknowledged twice.
 */
class ServeSigkillIT {

    private static final Duration DEADLINE = Duration.ofSeconds(60);
    private static final int ROUNDS = 3;
    private static final int WRITERS = 4;
    private static final int ACKNOWLEDGED_PER_ROUND = 150;

    @TempDir
    Path dir;

    private final Map<Long, String> acknowledged = new ConcurrentHashMap<>();
    private final List<String> failures = new ArrayList<>();

    @Test
    void embeddedDefaultKeepsEveryAcknowledgedWriteThroughRepeatedSigkills() throws Exception {
        crashAndRestart(List.of(), 20261204L);
    }

    @Test
    void postgresKeepsEveryAcknowledgedWriteThroughRepeatedSigkills() throws Exception {
        try (PostgresTestDatabase database = PostgresTestDatabase.create("dreamnet_sigkill_it")) {
            crashAndRestart(List.of("--db", database.jdbcUrl()), 20261205L);
        }
    }

    private void crashAndRestart(List<String> options, long seed) throws Exception {
        Random random = new Random(seed);
        Path data = Files.createDirectory(dir.resolve("data"));
        for (int round = 1; round <= ROUNDS; round++) {
            try (ServerProcess server = ServerProcess.start(data, dir, "round-" + round, options, Map.of())
                    .awaitReady(DEADLINE)) {
                assertEveryAcknowledgedDreamIsThere(server, "after " + (round - 1) + " SIGKILLs (seed " + seed + ")");
                writeUntilKilled(server, acknowledged.size() + ACKNOWLEDGED_PER_ROUND, random.nextInt(250));
            }
        }
        try (ServerProcess last = ServerProcess.start(data, dir, "last", options, Map.of()).awaitReady(DEADLINE)) {
            assertEveryAcknowledgedDreamIsThere(last, "after " + ROUNDS + " SIGKILLs (seed " + seed + ")");
        }
        assertThat(acknowledged).hasSizeGreaterThanOrEqualTo(ROUNDS * ACKNOWLEDGED_PER_ROUND);
    }

    /** Writers POST until the server is killed, {@code extraMillis} after {@code target} acknowledgements. */
    private void writeUntilKilled(ServerProcess server, int target, int extraMillis) throws Exception {
        AtomicBoolean killed = new AtomicBoolean();
        ExecutorService writers = Executors.newFixedThreadPool(WRITERS);
        try {
            List<Future<?>> running = new ArrayList<>();
            for (int w = 0; w < WRITERS; w++) {
                int writer = w;
                running.add(writers.submit(() -> write(server, writer, killed)));
            }
            await("writes acknowledged").atMost(DEADLINE).until(() -> acknowledged.size() >= target);
            await().pollDelay(Duration.ofMillis(extraMillis)).until(() -> true);
            killed.set(true);
            server.kill();
            for (Future<?> writer : running) {
                writer.get(DEADLINE.toMillis(), TimeUnit.MILLISECONDS);
            }
        } finally {
            writers.shutdownNow();
        }
        assertThat(failures).as("answers other than 201 before SIGKILL, and ids acknowledged twice").isEmpty();
    }

    private Void write(ServerProcess server, int writer, AtomicBoolean killed) throws InterruptedException {
        for (int i = 0; ; i++) {
            String title = "writer " + writer + " dream " + i + " " + System.nanoTime();
            try {
                HttpResponse<String> response = server.post("/api/dreams", "{\"title\": \"" + title + "\"}");
                if (response.statusCode() == 201) {
                    long id = ServerProcess.dreamId(response.body());
                    String earlier = acknowledged.putIfAbsent(id, title);
                    if (earlier != null) {
                        record("id " + id + " acknowledged for \"" + title + "\" was already \"" + earlier + "\"");
                    }
                } else if (!killed.get()) {
                    record(response.statusCode() + " " + response.body());
                }
            } catch (IOException e) {
                if (killed.get()) {
                    return null;
                }
                record("connection error before SIGKILL: " + e);
            }
        }
    }

    private void assertEveryAcknowledgedDreamIsThere(ServerProcess server, String when) throws Exception {
        for (Map.Entry<Long, String> dream : acknowledged.entrySet()) {
            HttpResponse<String> read = server.get("/api/dreams/" + dream.getKey());
            assertThat(read.statusCode()).as("acknowledged dream %d %s", dream.getKey(), when).isEqualTo(200);
            assertThat(read.body()).as("content of dream %d %s", dream.getKey(), when)
                    .contains("\"title\":\"" + dream.getValue() + "\"");
        }
    }

    private synchronized void record(String failure) {
        failures.add(failure);
    }
}
