package dev.dreamnet.config.graph;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.dreamnet.core.startup.GraphProblem;
import dev.dreamnet.core.startup.GraphValidationException;
import dev.dreamnet.core.startup.ServiceSpec;
import dev.dreamnet.core.startup.StartupGraph;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** What {@link GraphFile#parse} makes of well-formed files, and how it reports several problems. */
class GraphFileTest {

    private static final String SOURCE = "deploy/graph.json";

    @Test
    void reportsEveryProblemInTheFileAtOnceInFileOrder() {
        GraphValidationException e = failure("""
                {"services": [
                  {"name": "database", "critical": "yes"},
                  {"kind": 5},
                  {"name": "api", "dependOn": ["database"], "retries": 2.5}
                ], "servics": []}""");

        assertThat(e.problems()).extracting(GraphProblem::toString).containsExactly(
                "deploy/graph.json: service \"database\": critical: must be true or false, was \"yes\"",
                "deploy/graph.json: services[1]: missing required field \"name\"",
                "deploy/graph.json: services[1].kind: must be a string, was 5",
                "deploy/graph.json: service \"api\": dependOn: unknown field (did you mean \"dependsOn\"?)",
                "deploy/graph.json: service \"api\": retries: must be a whole number >= 0, was 2.5",
                "deploy/graph.json: servics: unknown field (did you mean \"services\"?)");
    }

    @Test
    void checksDependenciesOnlyOnceEveryFieldIsValid() {
        GraphValidationException e = failure("""
                {"services": [{"name": "api", "dependsOn": ["qeues"], "critical": "no"}]}""");

        assertThat(e).hasMessage("deploy/graph.json: service \"api\": critical: must be true or false, was \"no\"");
    }

    @Test
    void problemsNameTheServiceAndTheField() {
        GraphProblem problem = failure("""
                {"services": [{"name": "api", "startTimeout": 30}]}""").problems().get(0);

        assertThat(problem).isEqualTo(new GraphProblem(SOURCE, "api", "startTimeout",
                "must have a unit, such as \"30s\" or \"500ms\", was 30"));
    }

    @Test
    void onlyTheNameIsRequiredAndTheRestTakesTheDocumentedDefaults() throws Exception {
        ServiceSpec api = GraphFile.parse(SOURCE, "{\"services\": [{\"name\": \"api\"}]}").service("api");

        assertThat(api).isEqualTo(ServiceSpec.builder("api").build());
        assertThat(api.dependsOn()).isEmpty();
        assertThat(api.critical()).isTrue();
        assertThat(api.kind()).isEqualTo("api");
        assertThat(api.startTimeout()).isEqualTo(Duration.ofSeconds(30));
        assertThat(api.retries()).isEqualTo(3);
        assertThat(api.readiness()).isEmpty();
    }

    @Test
    void readsEveryFieldAsWritten() throws Exception {
        StartupGraph graph = GraphFile.parse(SOURCE, """
                {"$schema": "https://dreamnet.dev/graph.schema.json", "description": "two services",
                 "services": [
                   {"name": "database"},
                   {"name": "queues", "dependsOn": ["database"], "kind": "rabbitmq", "critical": false,
                    "startTimeout": "PT1M30S", "retries": 0, "readiness": {"queue": "dreams"}}]}""");

        assertThat(graph.service("queues")).isEqualTo(ServiceSpec.builder("queues").dependsOn("database")
                .kind("rabbitmq").critical(false).startTimeout(Duration.ofSeconds(90)).retries(0)
                .readiness(Map.of("queue", "dreams")).build());
    }

    @Test
    void keepsReadinessAsPlainUnmodifiableJavaValues() throws Exception {
        Map<String, Object> readiness = GraphFile.parse(SOURCE, """
                {"services": [{"name": "web", "readiness":
                  {"url": "http://localhost/health", "status": 200, "ratio": 0.5, "tls": false,
                   "headers": [{"name": "Accept"}]}}]}""").service("web").readiness();

        assertThat(readiness).containsOnly(Map.entry("url", "http://localhost/health"), Map.entry("status", 200),
                Map.entry("ratio", 0.5), Map.entry("tls", false),
                Map.entry("headers", List.of(Map.of("name", "Accept"))));
        assertThatThrownBy(() -> readiness.put("x", 1)).isInstanceOf(UnsupportedOperationException.class);
        List<?> headers = (List<?>) readiness.get("headers");
        assertThatThrownBy(headers::clear).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> ((Map<?, ?>) headers.get(0)).clear())
                .isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void acceptsTheDurationFormatsOfTheDocumentation() throws Exception {
        StartupGraph graph = GraphFile.parse(SOURCE, """
                {"services": [{"name": "a", "startTimeout": "500ms"}, {"name": "b", "startTimeout": "30s"},
                              {"name": "c", "startTimeout": "2m"}, {"name": "d", "startTimeout": "PT30S"}]}""");

        assertThat(graph.services()).extracting(ServiceSpec::startTimeout).containsExactly(Duration.ofMillis(500),
                Duration.ofSeconds(30), Duration.ofMinutes(2), Duration.ofSeconds(30));
    }

    @Test
    void skipsAByteOrderMarkAsEditorsWriteIt() throws Exception {
        assertThat(GraphFile.parse(SOURCE, "\uFEFF{\"services\": [{\"name\": \"api\"}]}").size()).isEqualTo(1);
    }

    @Test
    void keepsEveryProblemOnOneLineWhateverTheFileContains() {
        GraphValidationException e = failure("{\"services\": [{\"name\": \"a\\u2028b\", \"x\\ry\": 1}]}");

        assertThat(e).hasMessage("deploy/graph.json: service \"a\\u2028b\": x\\ry: unknown field"
                + " (known fields: name, dependsOn, kind, critical, startTimeout, retries, readiness)");
    }

    @Test
    void reportsAnInvalidNameFromTheStructuralChecksOnOneLineToo() {
        GraphValidationException e = failure("{\"services\": [{\"name\": \"a\\nb\"}]}");

        assertThat(e.getMessage()).doesNotContain("\n").contains("services[0].name: \"a\\nb\" is not a valid name");
    }

    @Test
    void clipsLongValuesItRepeats() {
        GraphValidationException e = failure("{\"services\": [{\"name\": \"api\", \"kind\": [], \"critical\": \""
                + "y".repeat(1000) + "\"}]}");

        assertThat(e.problems().get(1).message()).isEqualTo("must be true or false, was \"" + "y".repeat(60) + "...\"");
    }

    @Test
    void parsesAndValidatesATenThousandServiceChainWithoutOverflowingTheStack() throws Exception {
        StringBuilder json = new StringBuilder("{\"services\": [{\"name\": \"s0\"}");
        for (int i = 1; i < 10_000; i++) {
            json.append(",\n{\"name\": \"s").append(i).append("\", \"dependsOn\": [\"s").append(i - 1).append("\"]}");
        }
        StartupGraph graph = GraphFile.parse(SOURCE, json.append("]}").toString());

        assertThat(graph.size()).isEqualTo(10_000);
        assertThat(graph.longestChain()).hasSize(10_000).startsWith("s0").endsWith("s9999");
    }

    private static GraphValidationException failure(String json) {
        return catchThrowableOfType(GraphValidationException.class, () -> GraphFile.parse(SOURCE, json));
    }
}
