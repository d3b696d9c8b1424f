package dev.dreamnet.cli;

import dev.dreamnet.core.text.Redaction;
import dev.dreamnet.reference.ServerConfig;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/** The reachability checks of {@code dreamnet doctor}: database, broker, provider, running server. Stateless. */
final class DoctorReach {

    private static final Duration TIMEOUT = Duration.ofSeconds(3);

    private DoctorReach() {
    }

    /** The database at {@code --db} answers, or the embedded one's directory is writable and its file not locked. */
    static DoctorCheck database(String db, Path dataDir) {
        if (db == null && !Files.exists(dataDir.resolve("dreamnet.mv.db"))) {
            Path existing = dataDir.toAbsolutePath();
            while (existing != null && !Files.exists(existing)) {
                existing = existing.getParent();
            }
            return existing != null && Files.isWritable(existing)
                    ? DoctorCheck.ok("database", "embedded H2 will be created under " + dataDir)
                    : DoctorCheck.fail("database", dataDir + " cannot be created: " + existing + " is not writable");
        }
        String url = db != null ? db : ServerConfig.builder().dataDir(dataDir).build().effectiveJdbcUrl() + ";IFEXISTS=TRUE";
        try (MigrationDatabase database = MigrationDatabase.open(url)) {
            return DoctorCheck.ok("database", database.url() + " answers");
        } catch (MigrationDatabase.Unavailable e) {
            if (db == null && e.heldByAnotherProcess()) {
                // The file exists and a process holds it open: on a live box that is the server itself.
                return DoctorCheck.ok("database", "embedded H2 under " + dataDir
                        + " is open in a running process (dreamnet serve?); not opened from here");
            }
            return DoctorCheck.fail("database", e.getMessage());
        }
    }

    /** RabbitMQ at an {@code amqp://} URI accepts a TCP connection. */
    static DoctorCheck broker(String queue) {
        URI uri;
        try {
            uri = URI.create(queue);
        } catch (IllegalArgumentException e) {
            return DoctorCheck.fail("rabbitmq", "--queue is not a URI: " + Redaction.url(queue));
        }
        if (!"amqp".equals(uri.getScheme()) && !"amqps".equals(uri.getScheme()) || uri.getHost() == null) {
            return DoctorCheck.fail("rabbitmq", "--queue must look like amqp://user:pass@host:5672/vhost");
        }
        int port = uri.getPort() > 0 ? uri.getPort() : "amqps".equals(uri.getScheme()) ? 5671 : 5672;
        return tcp("rabbitmq", uri.getHost(), port);
    }

    /** The provider's host accepts a TCP connection. */
    static DoctorCheck provider(URI baseUrl) {
        int port = baseUrl.getPort() > 0 ? baseUrl.getPort() : "https".equals(baseUrl.getScheme()) ? 443 : 80;
        return tcp("provider " + baseUrl, baseUrl.getHost(), port);
    }

    private static DoctorCheck tcp(String subject, String host, int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(host, port), (int) TIMEOUT.toMillis());
            return DoctorCheck.ok(subject, host + ":" + port + " accepts connections");
        } catch (IOException e) {
            return DoctorCheck.fail(subject, "cannot connect to " + host + ":" + port + ": "
                    + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage()));
        }
    }

    /**
     * A running server at {@code url} answers 200 on {@code /health/ready}, or, for a Spring Boot application's actuator
     * ({@code http://host:8080/actuator}), on its {@code /health/readiness}.
     */
    static DoctorCheck server(String url) {
        String base = url.endsWith("/") ? url : url + "/";
        String ready = base + (base.endsWith("/actuator/") ? "health/readiness" : "health/ready");
        try {
            HttpResponse<String> response = HttpClient.newBuilder().connectTimeout(TIMEOUT).build().send(
                    HttpRequest.newBuilder(URI.create(ready)).timeout(TIMEOUT).build(), HttpResponse.BodyHandlers.ofString());
            return response.statusCode() == 200 ? DoctorCheck.ok("server", ready + " answers 200")
                    : DoctorCheck.fail("server", ready + " answers " + response.statusCode() + ": "
                    + MigrationDatabase.firstLine(response.body()));
        } catch (java.net.ConnectException e) {
            return DoctorCheck.fail("server", "cannot reach " + ready + ": connection refused (is the server running?)");
        } catch (IOException | IllegalArgumentException e) {
            return DoctorCheck.fail("server", "cannot reach " + ready + ": "
                    + (e.getMessage() == null ? e.getClass().getSimpleName() : MigrationDatabase.firstLine(e.getMessage())));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return DoctorCheck.fail("server", "interrupted");
        }
    }
}
