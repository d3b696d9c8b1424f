package dev.dreamnet.reference.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * A real HTTP client (the JDK's) that sends the path exactly as written: doubled slashes, percent escapes
 * and case reach the server untouched, for tests about how the server reads odd request lines. Thread-safe.
 */
public final class RawHttp {

    private final int port;
    private final String base;
    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();

    public RawHttp(int port) {
        this.port = port;
        this.base = "http://127.0.0.1:" + port;
    }

    /** Sends {@code method rawPath} with the headers given as name, value pairs and no body. */
    public Reply send(String method, String rawPath, String... headers) {
        return send(method, rawPath, new byte[0], headers);
    }

    /** Sends {@code method rawPath} with {@code body} and the headers given as name, value pairs. */
    public Reply send(String method, String rawPath, byte[] body, String... headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + rawPath)).timeout(Duration.ofSeconds(30))
                .method(method, body.length == 0 ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofByteArray(body));
        for (int i = 0; i < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        try {
            HttpResponse<String> response = client.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Reply(response.statusCode(), response.headers().map(), response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(method + " " + rawPath + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while sending " + method + " " + rawPath, e);
        }
    }

    /**
     * Writes {@code requestHead} (request line and headers, without the blank line that ends them) on a new
     * connection, asking the server to close it, and returns everything the server answered, for requests that no
     * HTTP client would send.
     */
    public String exchange(String requestHead) {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(30_000);
            socket.getOutputStream().write((requestHead + "\r\nConnection: close\r\n\r\n")
                    .getBytes(StandardCharsets.ISO_8859_1));
            return new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("raw exchange with port " + port + " failed", e);
        }
    }
}
