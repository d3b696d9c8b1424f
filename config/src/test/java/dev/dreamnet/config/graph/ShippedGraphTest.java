package dev.dreamnet.config.graph;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dreamnet.core.startup.ServiceSpec;
import dev.dreamnet.core.startup.StartupGraph;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The repository's own {@code deploy/graph.json}, as {@code dreamnet serve} will read it. */
class ShippedGraphTest {

    private static final Path SHIPPED = Path.of("..", "deploy", "graph.json");
    private static final String[] ORDER = {"database", "migrations", "queues", "core", "outbox", "citadel", "dronedome",
        "audit", "api"};

    @Test
    void listsTheNineServicesInStartOrder() throws Exception {
        StartupGraph graph = GraphFile.load(SHIPPED);

        assertThat(graph.services()).extracting(ServiceSpec::name)
                .containsExactly(ORDER);
        assertThat(graph.topologicalOrder()).containsExactly(ORDER);
        assertThat(graph.source()).isEqualTo(SHIPPED.toString());
    }

    @Test
    void databaseThenMigrationsAndQueuesThenCoreThenTheOutboxAgentsAuditAndApi() throws Exception {
        StartupGraph graph = GraphFile.load(SHIPPED);

        assertThat(graph.service("database").dependsOn()).isEmpty();
        assertThat(graph.service("migrations").dependsOn()).containsExactly("database");
        assertThat(graph.service("queues").dependsOn()).containsExactly("database");
        assertThat(graph.service("core").dependsOn()).containsExactly("migrations", "queues");
        assertThat(graph.service("audit").dependsOn()).containsExactly("migrations");
        assertThat(graph.service("outbox").dependsOn()).containsExactly("core", "queues");
        assertThat(graph.service("api").dependsOn()).containsExactly("core", "audit");
        assertThat(graph.service("citadel").dependsOn()).containsExactly("core", "queues");
        assertThat(graph.service("dronedome").dependsOn()).containsExactly("core", "queues");
    }

    @Test
    void eachKindIsTheServiceName() throws Exception {
        StartupGraph graph = GraphFile.load(SHIPPED);

        assertThat(graph.services()).extracting(ServiceSpec::kind).containsExactly(ORDER);
    }

    @Test
    void everyServiceButTheAgentsIsCriticalAndAllHaveThirtySecondsAndThreeRetries() throws Exception {
        List<ServiceSpec> services = GraphFile.load(SHIPPED).services();

        assertThat(services).allSatisfy(service -> {
            assertThat(service.critical()).as(service.name()).isEqualTo(!List.of("citadel", "dronedome").contains(service.name()));
            assertThat(service.startTimeout()).isEqualTo(Duration.ofSeconds(30));
            assertThat(service.retries()).isEqualTo(3);
        });
    }

    @Test
    void databaseIsReadyWhenSelectOneAnswers() throws Exception {
        StartupGraph graph = GraphFile.load(SHIPPED);

        assertThat(graph.service("database").readiness()).isEqualTo(Map.of("query", "SELECT 1"));
        assertThat(graph.service("api").readiness()).isEmpty();
    }
}
