package dev.dreamnet.reference.startup;

import static dev.dreamnet.reference.support.GraphJson.service;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.dreamnet.reference.Customizer;
import dev.dreamnet.reference.DreamnetServer;
import dev.dreamnet.reference.Preflight;
import dev.dreamnet.reference.PreflightException;
import dev.dreamnet.reference.support.DagJson;
import dev.dreamnet.reference.support.GraphJson;
import dev.dreamnet.reference.support.Http;
import dev.dreamnet.reference.support.Servers;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A graph that cannot start is refused before the port opens, with one line naming the culprit. */
class BrokenGraphTest {

    @TempDir
    Path dir;

    private final int port = DagJson.closedPort();

    @Test
    void aCycleIsRefusedWithItsFullPathAndNoPortOpens() throws Exception {
        Path graph = GraphJson.reference(service("a").dependsOn("c"), service("b").dependsOn("a"),
                service("c").dependsOn("b")).writeTo(dir);

        PreflightException refused = startExpectingRefusal(graph);

        assertThat(refused.getMessage()).isEqualTo(graph + ": service \"a\": dependsOn: dependency cycle: a -> c -> b -> a");
        assertThat(Http.portOpen(port)).isFalse();
    }

    @Test
    void anUnknownKindIsRefusedWithADidYouMeanAndNoPortOpens() throws Exception {
        Path graph = GraphJson.of(service("database").kind("databse")).writeTo(dir);

        PreflightException refused = startExpectingRefusal(graph);

        assertThat(refused.getMessage()).startsWith(graph + ": service \"database\": kind: unknown kind \"databse\" "
                + "(did you mean \"database\"?); known kinds: ").doesNotContain("\n");
        assertThat(Http.portOpen(port)).isFalse();
    }

    /** A graph whose migrations had no database service validated, and failed only after the port was bound. */
    @Test
    void aKindThatNeedsTheDatabaseWithoutADatabaseServiceIsRefusedAndNoPortOpens() throws Exception {
        Path graph = GraphJson.of(service("migrations").kind("migrations")).writeTo(dir);

        assertThat(startExpectingRefusal(graph).getMessage()).isEqualTo(graph + ": services: no service of kind"
                + " \"database\"; these services need its connection pool: migrations");
        assertThat(Http.portOpen(port)).isFalse();
    }

    @Test
    void aGraphOfKindsThatNeedNoDatabaseNeedsNoDatabaseService() throws Exception {
        Path graph = GraphJson.of(service("payments").kind("tcp").readiness("host", "127.0.0.1")
                .readiness("port", port)).writeTo(dir);

        assertThat(Preflight.graph(graph, Customizer.none()).size()).isEqualTo(1);
    }

    @Test
    void anUnknownDependencyIsRefusedWithADidYouMean() throws Exception {
        Path graph = GraphJson.reference(service("search").dependsOn("databse")).writeTo(dir);

        assertThat(startExpectingRefusal(graph).getMessage()).isEqualTo(graph
                + ": service \"search\": dependsOn: unknown service \"databse\" (did you mean \"database\"?)");
    }

    @Test
    void aFileThatIsNotJsonIsRefusedNamingTheLine() throws Exception {
        Path graph = Files.writeString(dir.resolve("graph.json"), "{\"services\": [\n  {\"name\": }\n]}");

        assertThat(startExpectingRefusal(graph).getMessage()).startsWith(graph + ": line 2, column ")
                .doesNotContain("\n");
    }

    @Test
    void nothingIsWrittenToTheDataDirectoryOfARefusedGraph() throws Exception {
        Path graph = GraphJson.of(service("database").kind("databse")).writeTo(dir);

        startExpectingRefusal(graph);

        assertThat(dir.resolve("data").resolve("dreamnet.mv.db")).doesNotExist();
    }

    private PreflightException startExpectingRefusal(Path graph) {
        return catchThrowableOfType(PreflightException.class,
                () -> DreamnetServer.start(Servers.config(dir, graph).port(port).build()).shutdown());
    }
}
