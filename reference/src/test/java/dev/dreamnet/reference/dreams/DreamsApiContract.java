package dev.dreamnet.reference.dreams;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.dreamnet.reference.DreamnetServer;
import dev.dreamnet.reference.support.GraphJson;
import dev.dreamnet.reference.support.Http;
import dev.dreamnet.reference.support.Reply;
import dev.dreamnet.reference.support.Servers;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What {@code /api/dreams} promises, whatever the database: run against H2 and the real PostgreSQL.
 * Tests share the database of their subclass, so none assumes the table is empty.
 */
abstract class DreamsApiContract {

    @TempDir
    Path dir;

    private DreamnetServer server;
    Http http;

    /** The JDBC URL to run against; null for the embedded H2 under the test's data directory. */
    abstract String jdbcUrl();

    @BeforeEach
    void start() throws Exception {
        server = DreamnetServer.start(Servers.config(dir, GraphJson.reference().writeTo(dir)).jdbcUrl(jdbcUrl())
                .build());
        http = new Http(server.port());
        Servers.awaitReady(http);
    }

    @AfterEach
    void stop() {
        server.shutdown();
    }

    @Test
    void creatingADreamAnswers201WithItsLocationAndTheStoredDream() {
        Reply created = http.post("/api/dreams", "{\"title\": \"a lighthouse\", \"body\": \"it was singing\"}");

        assertThat(created.status()).isEqualTo(201);
        JsonNode dream = created.json();
        assertThat(created.header("Location")).isEqualTo("/api/dreams/" + dream.get("id").asLong());
        assertThat(dream.get("title").asText()).isEqualTo("a lighthouse");
        assertThat(dream.get("body").asText()).isEqualTo("it was singing");
        assertThat(dream.get("createdAt").asText()).endsWith("Z");
    }

    @Test
    void aCreatedDreamReadsBackExactlyIncludingUnicodeAndAMissingBody() {
        String title = "Träume von 夢 and 🌙, \"quoted\" \\ back";
        Reply created = http.post("/api/dreams", "{\"title\": \"Träume von 夢 and 🌙, \\\"quoted\\\" \\\\ back\"}");

        Reply read = http.get(created.header("Location"));

        assertThat(read.status()).isEqualTo(200);
        assertThat(read.text("title")).isEqualTo(title);
        assertThat(read.json().get("body").isNull()).isTrue();
        assertThat(read.json().get("createdAt").asText()).isEqualTo(created.json().get("createdAt").asText());
    }

    @Test
    void titlesAndBodiesAtTheirLimitsAreStoredWhole() {
        String title = "t".repeat(200);
        String body = "b".repeat(4000);

        Reply read = http.get(http.post("/api/dreams", "{\"title\": \"" + title + "\", \"body\": \"" + body + "\"}")
                .header("Location"));

        assertThat(read.text("title")).isEqualTo(title);
        assertThat(read.text("body")).isEqualTo(body);
    }

    @Test
    void theListIsNewestFirstAndPagesWithLimitAndBefore() {
        long first = create("first");
        long second = create("second");
        long third = create("third");

        JsonNode page = http.get("/api/dreams?limit=2&before=" + (third + 1)).json();
        assertThat(page.get("count").asInt()).isEqualTo(2);
        assertThat(ids(page)).containsExactly(third, second);
        JsonNode next = http.get("/api/dreams?limit=2&before=" + second).json();
        assertThat(ids(next).get(0)).isEqualTo(first);
        assertThat(ids(http.get("/api/dreams").json())).startsWith(third, second, first);
    }

    // Regression: on PostgreSQL a NUL in the title failed as 503 "database unavailable" with Retry-After.
    @Test
    void aNulCharacterInTheTitleOrBodyIs400OnEveryDatabase() {
        Reply title = http.post("/api/dreams", "{\"title\": \"nul\\u0000byte\"}");
        Reply body = http.post("/api/dreams", "{\"title\": \"ok\", \"body\": \"\\u0000\"}");

        assertThat(title.status()).as(title.body()).isEqualTo(400);
        assertThat(title.text("detail")).isEqualTo("title must not contain the NUL character (\\u0000)");
        assertThat(body.status()).as(body.body()).isEqualTo(400);
        assertThat(body.text("detail")).startsWith("body must not contain");
    }

    @Test
    void anUnknownIdIs404Json() {
        Reply missing = http.get("/api/dreams/" + Long.MAX_VALUE);

        assertThat(missing.status()).isEqualTo(404);
        assertThat(missing.text("error")).isEqualTo("not found");
        assertThat(missing.text("detail")).isEqualTo("no dream with id " + Long.MAX_VALUE);
    }

    @Test
    void concurrentWritersGetDistinctIdsThatAllReadBack() throws Exception {
        int writers = 4;
        int each = 10;
        ExecutorService pool = Executors.newFixedThreadPool(writers);
        CountDownLatch go = new CountDownLatch(1);
        Set<Long> ids = ConcurrentHashMap.newKeySet();
        List<Future<?>> done = new ArrayList<>();
        for (int w = 0; w < writers; w++) {
            int writer = w;
            done.add(pool.submit(() -> {
                go.await();
                for (int i = 0; i < each; i++) {
                    ids.add(create("writer " + writer + " dream " + i));
                }
                return null;
            }));
        }
        go.countDown();
        for (Future<?> writer : done) {
            writer.get(Servers.DEADLINE.toMillis(), TimeUnit.MILLISECONDS);
        }
        pool.shutdown();

        assertThat(ids).hasSize(writers * each);
        assertThat(ids).allSatisfy(id -> assertThat(http.get("/api/dreams/" + id).status()).isEqualTo(200));
    }

    long create(String title) {
        Reply created = http.post("/api/dreams", "{\"title\": \"" + title + "\"}");
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return created.json().get("id").asLong();
    }

    private static List<Long> ids(JsonNode page) {
        List<Long> ids = new ArrayList<>();
        page.get("dreams").forEach(dream -> ids.add(dream.get("id").asLong()));
        return ids;
    }
}
