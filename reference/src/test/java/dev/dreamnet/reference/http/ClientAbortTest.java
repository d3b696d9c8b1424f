package dev.dreamnet.reference.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.fasterxml.jackson.databind.JsonNode;
import dev.dreamnet.reference.DreamnetServer;
import dev.dreamnet.reference.support.DagJson;
import dev.dreamnet.reference.support.GraphJson;
import dev.dreamnet.reference.support.Http;
import dev.dreamnet.reference.support.RawClient;
import dev.dreamnet.reference.support.Servers;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

/**
 * Regression: a client that hung up in the middle of its request body was counted as a 5xx and logged at ERROR with
 * a 65-line stack trace, so 20 such clients made the summary say "91% of requests failed with 5xx".
 */
class ClientAbortTest {

    @TempDir
    Path dir;

    private final ListAppender<ILoggingEvent> logs = new ListAppender<>();
    private final Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
    private DreamnetServer server;
    private Http http;

    @BeforeEach
    void start() throws Exception {
        server = Servers.start(dir, GraphJson.reference());
        http = new Http(server.port());
        Servers.awaitReady(http);
        logs.start();
        root.addAppender(logs);
    }

    @AfterEach
    void stop() {
        root.detachAppender(logs);
        server.shutdown();
    }

    @Test
    void aClientThatClosesMidBodyIsCountedAsAClientAbortNotA5xxAndLogsNoError() {
        try (RawClient client = new RawClient(server.port())) {
            client.send("POST /api/dreams HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n"
                    + "Content-Length: 1000\r\n\r\n{\"title\":");
        }

        await("the abort is counted").atMost(Servers.DEADLINE).untilAsserted(() ->
                assertThat(errors("POST /api/dreams").get("clientAborts").asLong()).isEqualTo(1));
        JsonNode route = errors("POST /api/dreams");
        assertThat(route.get("serverErrors").asLong()).isZero();
        assertThat(route.get("clientErrors").asLong()).as("not the client's mistake either").isZero();
        JsonNode summary = http.get("/api/observability/summary").json();
        assertThat(summary.get("goldenSignals").get("1m").get("errors").get("serverErrors").asLong()).isZero();
        assertThat(summary.get("goldenSignals").get("1m").get("errors").get("clientAborts").asLong()).isEqualTo(1);
        assertThat(summary.get("attention").toString()).doesNotContain("5xx");
        assertThat(http.get("/metrics").body()).contains("outcome=\"CLIENT_ABORT\",route=\"/api/dreams\"");
        assertThat(logs.list).filteredOn(event -> event.getLevel().isGreaterOrEqual(Level.WARN))
                .extracting(ILoggingEvent::getFormattedMessage).isEmpty();
    }

    private JsonNode errors(String template) {
        JsonNode signals = http.get("/api/observability/golden-signals").json();
        return DagJson.entry(signals, "routes", template, "route").get("windows").get("1m").get("errors");
    }
}
