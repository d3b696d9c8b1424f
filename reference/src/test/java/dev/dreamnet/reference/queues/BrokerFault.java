package dev.dreamnet.reference.queues;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.dreamnet.reference.DreamnetServer;
import dev.dreamnet.reference.support.DagJson;
import dev.dreamnet.reference.support.FlagServer;
import dev.dreamnet.reference.support.Http;
import dev.dreamnet.reference.support.Reply;
import dev.dreamnet.reference.support.Servers;
import dev.dreamnet.testing.RabbitTestVhost;
import dev.dreamnet.testing.TcpProxy;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.awaitility.core.ConditionTimeoutException;

/**
 * The shipped service on its own RabbitMQ vhost, reached through a {@link TcpProxy} that a test
 * cuts or stalls: what the broker-fault tests share. Dreams go in through the API and are counted
 * per agent at {@code /api/observability/agents}.
 */
final class BrokerFault implements AutoCloseable {

    final TcpProxy proxy;
    final Http http;
    private final RabbitTestVhost vhost;
    private final DreamnetServer server;

    private BrokerFault(RabbitTestVhost vhost, TcpProxy proxy, DreamnetServer server, Http http) {
        this.vhost = vhost;
        this.proxy = proxy;
        this.server = server;
        this.http = http;
    }

    /** Starts the service in {@code dir} on a new vhost named after {@code prefix}; requests time out after {@code answer}. */
    static BrokerFault start(Path dir, String prefix, Duration answer) throws Exception {
        RabbitTestVhost vhost = RabbitTestVhost.create(prefix);
        TcpProxy proxy = TcpProxy.to("127.0.0.1", 5672);
        Path queues = Files.writeString(dir.resolve("queues.yaml"), DreamEventsPipelineContract.QUEUES);
        String uri = "amqp://guest:guest@127.0.0.1:" + proxy.port() + "/" + vhost.name();
        DreamnetServer server = DreamnetServer.start(Servers.config(dir, FlagServer.SHIPPED_GRAPH).queuesFile(queues)
                .queueUrl(uri).build());
        Http http = new Http(server.port(), answer);
        Servers.awaitReady(http);
        return new BrokerFault(vhost, proxy, server, http);
    }

    /** Posts {@code count} dreams titled {@code label i}; each must be accepted. */
    void post(String label, int count) {
        for (int i = 0; i < count; i++) {
            Reply reply = http.post("/api/dreams", "{\"title\": \"" + label + " " + i + "\"}");
            assertThat(reply.status()).as("the API does not need the broker to accept a dream: %s", reply.body())
                    .isEqualTo(201);
        }
    }

    long processed(String agent) {
        return DagJson.entry(http.get("/api/observability/agents").json(), "agents", agent).get("processed").asLong();
    }

    /** Waits until both agents have processed {@code count} dreams; on a timeout, fails with what the service shows. */
    void awaitBothAgentsProcessed(long count, Duration deadline) {
        try {
            await("every dream reached both agents").atMost(deadline)
                    .until(() -> processed("citadel") == count && processed("dronedome") == count);
        } catch (ConditionTimeoutException e) {
            throw new AssertionError(e.getMessage() + "; agents: " + http.get("/api/observability/agents").body()
                    + "; queues: " + http.get("/api/observability/queues").body() + "; breakers: "
                    + http.get("/api/observability/circuit-breakers").body(), e);
        }
    }

    /** Whether the queue breaker has left CLOSED. */
    boolean queueBreakerOpen() {
        return !"CLOSED".equals(DagJson.entry(http.get("/api/observability/circuit-breakers").json(), "breakers",
                "queue").get("state").asText());
    }

    long deadLetterDepth(String queue) {
        return DagJson.entry(http.get("/api/observability/queues").json(), "queues", queue).get("deadLetterDepth")
                .asLong();
    }

    @Override
    public void close() throws Exception {
        proxy.restore();
        server.shutdown();
        proxy.close();
        vhost.close();
    }
}
