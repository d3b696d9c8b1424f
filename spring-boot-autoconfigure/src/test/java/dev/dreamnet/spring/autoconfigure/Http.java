package dev.dreamnet.spring.autoconfigure;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;

/** A real HTTP client on the application's random port. */
final class Http {

    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final int port;

    Http(int port) {
        this.port = port;
    }

    HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return send(request(path).GET().build());
    }

    /** {@code GET path} on another thread: for a request the test holds in flight. */
    CompletableFuture<HttpResponse<String>> getLater(String path) {
        return CompletableFuture.supplyAsync(() -> {
            try {
                return get(path);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        });
    }

    HttpResponse<String> get(String path, String token) throws IOException, InterruptedException {
        return send(request(path).header("Authorization", "Bearer " + token).GET().build());
    }

    HttpResponse<String> post(String path, String json, String token) throws IOException, InterruptedException {
        HttpRequest.Builder request = request(path).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return send(request.build());
    }

    /** A POST with no body and no content type, as {@code curl -X POST} sends it. */
    HttpResponse<String> postNothing(String path, String token) throws IOException, InterruptedException {
        return send(request(path).header("Authorization", "Bearer " + token).POST(HttpRequest.BodyPublishers.noBody())
                .build());
    }

    HttpResponse<String> delete(String path, String token) throws IOException, InterruptedException {
        return send(request(path).header("Authorization", "Bearer " + token).DELETE().build());
    }

    private HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).timeout(Duration.ofSeconds(10));
    }

    private HttpResponse<String> send(HttpRequest request) throws IOException, InterruptedException {
        return client.send(request, HttpResponse.BodyHandlers.ofString());
    }
}
