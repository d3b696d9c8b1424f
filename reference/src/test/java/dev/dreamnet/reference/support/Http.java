package dev.dreamnet.reference.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;

/**
 * A real HTTP client (OkHttp) pointed at one server on 127.0.0.1. Never retries on its own, so
 * every request the test makes is sent exactly once. Thread-safe.
 */
public final class Http {

    private static final MediaType JSON = MediaType.get("application/json");

    private final String base;
    private final OkHttpClient client;
    private final Map<String, String> headers;

    public Http(int port) {
        this(port, Duration.ofSeconds(30));
    }

    /** A client whose requests fail once the server has not answered for {@code readTimeout}. */
    public Http(int port, Duration readTimeout) {
        this("http://127.0.0.1:" + port, new OkHttpClient.Builder().retryOnConnectionFailure(false)
                .connectTimeout(Duration.ofSeconds(5)).readTimeout(readTimeout).build(), Map.of());
    }

    private Http(String base, OkHttpClient client, Map<String, String> headers) {
        this.base = base;
        this.client = client;
        this.headers = headers;
    }

    /** The same client, sending {@code name: value} with every request as well. */
    public Http with(String name, String value) {
        Map<String, String> more = new LinkedHashMap<>(headers);
        more.put(name, value);
        return new Http(base, client, Map.copyOf(more));
    }

    /** The same client, sending {@code Authorization: Bearer token}. */
    public Http bearer(String token) {
        return with("Authorization", "Bearer " + token);
    }

    public Reply get(String path) {
        return send(request(path).get().build());
    }

    /** POSTs {@code body} as {@code application/json}. */
    public Reply post(String path, String body) {
        return post(path, body.getBytes(StandardCharsets.UTF_8));
    }

    public Reply post(String path, byte[] body) {
        return send(request(path).post(RequestBody.create(body, JSON)).build());
    }

    private Request.Builder request(String path) {
        Request.Builder request = new Request.Builder().url(base + path);
        headers.forEach(request::header);
        return request;
    }

    private Reply send(Request request) {
        if (!headers.isEmpty()) {
            Request.Builder builder = request.newBuilder();
            headers.forEach(builder::header);
            request = builder.build();
        }
        try (Response response = client.newCall(request).execute()) {
            return new Reply(response.code(), response.headers().toMultimap(), response.body().string());
        } catch (IOException e) {
            throw new UncheckedIOException(request.method() + " " + request.url() + " failed", e);
        }
    }

    /** Whether something accepts TCP connections on the port. */
    public static boolean portOpen(int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 1000);
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
