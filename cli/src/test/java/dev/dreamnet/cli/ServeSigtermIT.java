package dev.dreamnet.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code dreamnet serve} as operators run it: the real jar in its own JVM with a 128 MB heap, writers
 * POSTing dreams while it gets SIGTERM. Nothing acknowledged may be lost, and nothing may answer 500.
 */
class ServeSigtermIT {

    private static final Duration DEADLINE = Duration.ofSeconds(30);
    private static final Duration TIMELY_EXIT = Duration.ofSeconds(15);
    private static final int WRITERS = 4;
    private static final int ACKNOWLEDGED_BEFORE_SIGTERM = 100;

    @TempDir
    Path dir;

    private final Map<Long, String> acknowledged = new ConcurrentHashMap<>();
    private final List<String> afterSigterm = new ArrayList<>();
    private final List<String> failures = new ArrayList<>();
    private final AtomicBoolean sigtermSent = new AtomicBoolean();
    private final AtomicBoolean stopWriting = new AtomicBoolean();

    @Test
    void acknowledgedWritesSurviveSigtermAndARestartOnTheSameDataDirectory() throws Exception {
        Path data = Files.createDirectory(dir.resolve("data"));
        try (ServerProcess first = ServerProcess.start(data, dir, "first").awaitReady(DEADLINE)) {
            ExecutorService writers = Executors.newFixedThreadPool(WRITERS);
            List<Future<?>> running = new ArrayList<>();
            for (int w = 0; w < WRITERS; w++) {
                int writer = w;
                running.add(writers.submit(() -> write(first, writer)));
            }
            await("writes acknowledged").atMost(DEADLINE).until(() -> acknowledged.size() >= ACKNOWLEDGED_BEFORE_SIGTERM);

            long sent = System.nanoTime();
            sigtermSent.set(true);
            first.terminate();
            int exitCode = first.awaitExit(DEADLINE);
            Duration exitTook = Duration.ofNanos(System.nanoTime() - sent);
            stopWriting.set(true);
            for (Future<?> writer : running) {
                writer.get(DEADLINE.toMillis(), TimeUnit.MILLISECONDS);
            }
            writers.shutdown();

            assertThat(failures).as("responses other than 201 before SIGTERM").isEmpty();
            assertThat(afterSigterm).as("responses after SIGTERM").allMatch(
                    outcome -> outcome.equals("201") || outcome.equals("503") || outcome.equals("connection error"));
            assertThat(exitTook).as("exit after SIGTERM").isLessThan(TIMELY_EXIT);
            assertThat(exitCode).as("exit code after SIGTERM (128 + 15)").isEqualTo(143);
            assertThat(first.output()).as("output of a clean SIGTERM")
                    .doesNotContain("Exception", "\tat ", " ERROR ", "SHUTDOWN of the embedded database failed",
                            "still running 10 s after stop").contains("service database: STOPPING -> STOPPED");
            assertThat(first.stderr()).isEmpty();
        }

        try (ServerProcess second = ServerProcess.start(data, dir, "second").awaitReady(DEADLINE)) {
            for (Map.Entry<Long, String> dream : acknowledged.entrySet()) {
                HttpResponse<String> read = second.get("/api/dreams/" + dream.getKey());
                assertThat(read.statusCode()).as("acknowledged dream %d after restart", dream.getKey()).isEqualTo(200);
                assertThat(read.body()).contains("\"title\":\"" + dream.getValue() + "\"");
            }
            second.terminate();
            assertThat(second.awaitExit(DEADLINE)).isEqualTo(143);
        }
    }

    /** POSTs dreams until told to stop or the server is gone; records every outcome. */
    private Void write(ServerProcess server, int writer) throws InterruptedException {
        for (int i = 0; !stopWriting.get(); i++) {
            String title = "writer " + writer + " dream " + i;
            String outcome;
            String detail;
            try {
                HttpResponse<String> response = server.post("/api/dreams", "{\"title\": \"" + title + "\"}");
                outcome = String.valueOf(response.statusCode());
                detail = outcome + " " + response.body();
                if (response.statusCode() == 201) {
                    acknowledged.put(ServerProcess.dreamId(response.body()), title);
                }
            } catch (IOException e) {
                outcome = "connection error";
                detail = "connection error: " + e;
            }
            // Read after the answer: a request that overlapped the signal counts as after it.
            if (!sigtermSent.get()) {
                if (!outcome.equals("201")) {
                    record(failures, detail);
                }
            } else {
                record(afterSigterm, outcome);
                if (outcome.equals("connection error")) {
                    return null;
                }
            }
        }
        return null;
    }

    private static synchronized void record(List<String> outcomes, String outcome) {
        outcomes.add(outcome);
    }
}
