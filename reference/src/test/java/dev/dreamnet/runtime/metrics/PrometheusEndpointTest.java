package dev.dreamnet.runtime.metrics;

import dev.dreamnet.runtime.metrics.DreamnetCollector;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dreamnet.reference.DreamnetServer;
import dev.dreamnet.reference.support.GraphJson;
import dev.dreamnet.reference.support.Http;
import dev.dreamnet.reference.support.Reply;
import dev.dreamnet.reference.support.Servers;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code /metrics} in the Prometheus text format: JVM and process meters, DreamNet's own, latency as
 * cumulative buckets per route template, and the Prometheus project's own {@code promtool} accepts
 * it. CI sets {@code DREAMNET_REQUIRE_PROMTOOL=1} (after installing it), so there the check cannot be skipped.
 */
class PrometheusEndpointTest {

    @TempDir
    Path dir;

    private DreamnetServer server;
    private Http http;

    @BeforeEach
    void start() throws Exception {
        server = Servers.start(dir, GraphJson.reference());
        http = new Http(server.port());
        Servers.awaitReady(http);
        for (int i = 0; i < 3; i++) {
            http.get("/api/dreams");
            http.get("/api/dreams/" + (900 + i));
        }
    }

    @AfterEach
    void stop() {
        server.shutdown();
    }

    @Test
    void exposesJvmProcessAndDreamnetMetersUnderConsistentNames() {
        Reply metrics = http.get("/metrics");

        assertThat(metrics.status()).isEqualTo(200);
        assertThat(metrics.header("Content-Type")).startsWith("text/plain");
        assertThat(metrics.body())
                .contains("jvm_memory_used_bytes{", "jvm_threads_live_threads", "process_uptime_seconds",
                        "jvm_gc_live_data_size_bytes")
                .contains("dreamnet_http_server_requests_seconds_count{method=\"GET\",outcome=\"SUCCESS\",route=\"/api/dreams\"} 3")
                .contains("dreamnet_http_server_requests_seconds_count{method=\"GET\",outcome=\"CLIENT_ERROR\",route=\"/api/dreams/{id}\"} 3")
                .contains("dreamnet_circuit_breaker_state{name=\"database\",state=\"CLOSED\"} 1.0")
                .contains("dreamnet_health_gate_ready{critical=\"true\",gate=\"database\"} 1.0")
                .contains("dreamnet_mode{mode=\"NORMAL\"} 1.0")
                .contains("dreamnet_kill_switch_on{switch=\"WRITE_DRAIN\"} 0.0")
                .contains("dreamnet_watchdog_level{watchdog=\"deadlocks\"} 0.0");
    }

    @Test
    void latencyBucketsAreCumulativeAndEndWithEverything() {
        List<String> buckets = Arrays.stream(http.get("/metrics").body().split("\n"))
                .filter(line -> line.startsWith("dreamnet_http_server_requests_seconds_bucket{method=\"GET\",outcome=\"SUCCESS\",route=\"/api/dreams\""))
                .toList();

        assertThat(buckets).hasSize(DreamnetCollector.BOUNDS.length);
        long previous = 0;
        for (String bucket : buckets) {
            long count = (long) Double.parseDouble(bucket.substring(bucket.lastIndexOf(' ') + 1));
            assertThat(count).isGreaterThanOrEqualTo(previous);
            previous = count;
        }
        assertThat(buckets.get(buckets.size() - 1)).contains("le=\"+Inf\"").endsWith(" 3");
    }

    @Test
    void promtoolAcceptsTheExposition() throws Exception {
        File promtool = promtool();
        boolean required = "1".equals(System.getenv("DREAMNET_REQUIRE_PROMTOOL"));
        assertThat(promtool != null || !required).as("promtool is required here but not on the PATH").isTrue();
        Assumptions.assumeTrue(promtool != null, "promtool is not installed (Debian package prometheus); CI installs it");
        Path scraped = dir.resolve("metrics.txt");
        java.nio.file.Files.writeString(scraped, http.get("/metrics").body());

        Process check = new ProcessBuilder(promtool.getPath(), "check", "metrics").redirectInput(scraped.toFile())
                .redirectErrorStream(true).start();
        assertThat(check.waitFor(60, TimeUnit.SECONDS)).isTrue();
        String output = new String(check.getInputStream().readAllBytes(), StandardCharsets.UTF_8);

        assertThat(output).isEmpty();
        assertThat(check.exitValue()).isZero();
    }

    private static File promtool() {
        for (String entry : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            File candidate = new File(entry, "promtool");
            if (candidate.canExecute()) {
                return candidate;
            }
        }
        return null;
    }
}
