package dev.dreamnet.spring.autoconfigure.overload;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.dreamnet.runtime.DreamNet;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * Requests to an application whose routes hold each request until released, so that an overload test knows exactly
 * what is in flight: {@link #hold} sends one and does not wait for it, {@link #get} sends one and waits, both with the
 * criticality header and a token when given; {@link #awaitAnswered} checks every held request was answered 200 once
 * released. The overload file both tests use: a fixed limit of 4, {@code /api/critical} critical and
 * {@code /api/sheddable/{id}} sheddable.
 */
final class HeldRequests {

    private final HttpClient client = HttpClient.newHttpClient();
    private final List<CompletableFuture<HttpResponse<String>>> held = new ArrayList<>();
    private final int port;

    HeldRequests(int port) {
        this.port = port;
    }

    /** An {@code overload.yaml} in a new directory, with {@code extra} lines (such as {@code maxWait: 50ms}). */
    static Path overloadFile(String extra) {
        try {
            Path file = Files.createTempDirectory("dreamnet-overload").resolve("overload.yaml");
            Files.writeString(file, """
                    limit: {initial: 4, min: 4, max: 4}
                    criticality:
                      header: X-DreamNet-Criticality
                      routes:
                        GET /api/critical: critical
                        GET /api/sheddable/{id}: sheddable
                    autoBrownout: {enabled: false}
                    """ + extra);
            file.toFile().deleteOnExit();
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    void hold(String path, String criticality, String token) {
        held.add(client.sendAsync(request(path, criticality, token), HttpResponse.BodyHandlers.ofString()));
    }

    HttpResponse<String> get(String path, String criticality, String token) throws Exception {
        return client.send(request(path, criticality, token), HttpResponse.BodyHandlers.ofString());
    }

    /** Checks every held request was answered 200 (call once the routes let them go), and forgets them. */
    void awaitAnswered() throws Exception {
        for (CompletableFuture<HttpResponse<String>> each : held) {
            assertThat(each.get(10, TimeUnit.SECONDS).statusCode()).isEqualTo(200);
        }
        held.clear();
    }

    static void awaitInFlight(DreamNet dreamnet, int count) {
        await().atMost(Duration.ofSeconds(10)).until(() -> dreamnet.overload().limiter().inflight() == count);
    }

    private HttpRequest request(String path, String criticality, String token) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .timeout(Duration.ofSeconds(20));
        if (criticality != null) {
            builder.header("X-DreamNet-Criticality", criticality);
        }
        if (token != null) {
            builder.header("Authorization", "Bearer " + token);
        }
        return builder.GET().build();
    }
}
