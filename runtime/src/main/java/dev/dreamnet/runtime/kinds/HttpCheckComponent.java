package dev.dreamnet.runtime.kinds;

import dev.dreamnet.core.health.CheckResult;
import dev.dreamnet.core.health.HealthCheck;
import dev.dreamnet.core.startup.Component;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** The {@code http} kind: ready when a GET of the URL answers with the expected status. Thread-safe. */
final class HttpCheckComponent implements Component, HealthCheck {

    private final URI url;
    private final int expectStatus;
    private final Duration timeout;
    private final HttpClient client;

    HttpCheckComponent(URI url, int expectStatus, Duration timeout) {
        this.url = url;
        this.expectStatus = expectStatus;
        this.timeout = timeout;
        this.client = HttpClient.newBuilder().connectTimeout(timeout).build();
    }

    @Override
    public void start() throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(url).timeout(timeout).GET().build();
        int status = client.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
        if (status != expectStatus) {
            throw new IOException("GET " + url + " answered " + status + ", expected " + expectStatus);
        }
    }

    /** The same probe as {@link #start()}, repeated by its health gate. */
    @Override
    public CheckResult check() throws Exception {
        start();
        return CheckResult.pass("reachable");
    }
}
