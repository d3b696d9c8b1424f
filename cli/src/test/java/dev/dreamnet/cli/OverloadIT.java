package dev.dreamnet.cli;

import static org.assertj.core.api.Assertions.assertThat;

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
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Regression: at the default {@code -Xmx128m}, a flood of {@code GET /api/dreams} ran the heap out (each full page was
 * built as one JSON string of up to 12 MB, on up to 250 workers at once) and the process stayed up for minutes
 * unable to answer even {@code /health/live}. The real jar must now answer every request, 200 or 503, and stay up.
 */
class OverloadIT {

    private static final Duration DEADLINE = Duration.ofSeconds(60);
    private static final int DREAMS = 500;
    private static final int CONCURRENT = 200;
    /** 4,000 characters, the most a body may have, each a control character that JSON escapes to six bytes. */
    private static final String WORST_BODY = "\\u0001".repeat(4000);

    @TempDir
    Path dir;

    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10)).build();

    @Test
    void aFloodOfFullPagesIsAnswered200Or503WhileLivenessKeepsAnsweringAndTheHeapHolds() throws Exception {
        try (ServerProcess server = ServerProcess.start(Files.createDirectory(dir.resolve("data")), dir, "overload")
                .awaitReady(DEADLINE)) {
            for (int i = 0; i < DREAMS; i++) {
                assertThat(server.post("/api/dreams", "{\"title\":\"dream " + i + "\",\"body\":\"" + WORST_BODY + "\"}")
                        .statusCode()).isEqualTo(201);
            }

            List<CompletableFuture<HttpResponse<Void>>> flood = new ArrayList<>();
            for (int i = 0; i < CONCURRENT; i++) {
                flood.add(client.sendAsync(request(server, "/api/dreams?limit=500"), HttpResponse.BodyHandlers.discarding()));
            }
            int liveDuringFlood = server.get("/health/live").statusCode();
            Map<String, Integer> outcomes = new TreeMap<>();
            for (CompletableFuture<HttpResponse<Void>> each : flood) {
                outcomes.merge(outcome(each), 1, Integer::sum);
            }

            assertThat(outcomes.keySet()).as("every request answered 200 or 503, by a process still up: " + outcomes)
                    .isSubsetOf("200", "503").contains("200");
            assertThat(liveDuringFlood).isEqualTo(200);
            assertThat(server.get("/health/live").statusCode()).isEqualTo(200);
            assertThat(server.output()).doesNotContain("OutOfMemoryError");
        }
    }

    private static HttpRequest request(ServerProcess server, String path) {
        return HttpRequest.newBuilder(URI.create(server.url() + path)).timeout(DEADLINE).GET().build();
    }

    private static String outcome(CompletableFuture<HttpResponse<Void>> response) {
        try {
            return Integer.toString(response.join().statusCode());
        } catch (RuntimeException e) {
            return "failed: " + e.getCause();
        }
    }
}
