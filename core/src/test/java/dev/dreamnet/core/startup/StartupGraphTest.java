package dev.dreamnet.core.startup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

class StartupGraphTest {

    private static final String FILE = "deploy/graph.json";

    private static ServiceSpec service(String name, String... dependsOn) {
        return ServiceSpec.builder(name).dependsOn(dependsOn).build();
    }

    private static String problemsOf(ServiceSpec... services) {
        try {
            StartupGraph.of(FILE, List.of(services));
            throw new AssertionError("expected the graph to be rejected");
        } catch (GraphValidationException e) {
            return e.getMessage();
        }
    }

    @Test
    void unknownDependencyIsNamedWithASuggestion() {
        assertThat(problemsOf(service("queues"), service("api", "qeues")))
                .isEqualTo(FILE + ": service \"api\": dependsOn: unknown service \"qeues\" (did you mean \"queues\"?)");
    }

    @Test
    void unknownDependencyFarFromAnyNameGetsNoSuggestion() {
        assertThat(problemsOf(service("queues"), service("api", "zzzzzzz")))
                .isEqualTo(FILE + ": service \"api\": dependsOn: unknown service \"zzzzzzz\"");
    }

    @Test
    void duplicateNameSaysWhereTheFirstOneIs() {
        assertThat(problemsOf(service("api"), service("database"), service("api")))
                .isEqualTo(FILE + ": service \"api\": name: duplicate service name (also declared at services[0])");
    }

    @Test
    void selfDependencyIsRejected() {
        assertThat(problemsOf(service("api", "api")))
                .isEqualTo(FILE + ": service \"api\": dependsOn: a service cannot depend on itself");
    }

    @Test
    void cycleIsReportedWithItsFullPath() {
        assertThat(problemsOf(service("a", "b"), service("b", "c"), service("c", "a"), service("d")))
                .isEqualTo(FILE + ": service \"a\": dependsOn: dependency cycle: a -> b -> c -> a");
    }

    @Test
    void cycleReportIsTheSameEveryTime() {
        String first = problemsOf(service("x", "y"), service("y", "z"), service("z", "y"));
        for (int i = 0; i < 20; i++) {
            assertThat(problemsOf(service("x", "y"), service("y", "z"), service("z", "y"))).isEqualTo(first);
        }
        assertThat(first).endsWith("dependency cycle: y -> z -> y");
    }

    @Test
    void everyProblemIsReportedAtOnceOnePerLine() {
        String message = problemsOf(service("api", "api", "nope"), service("bad name!"),
                ServiceSpec.builder("slow").startTimeout(Duration.ZERO).retries(-1).build());

        assertThat(message.lines()).containsExactly(
                FILE + ": services[1].name: \"bad name!\" is not a valid name (letters, digits, '.', '_' and '-', at most 64)",
                FILE + ": service \"slow\": startTimeout: must be > 0, was PT0S",
                FILE + ": service \"slow\": retries: must be between 0 and 100, was -1",
                FILE + ": service \"api\": dependsOn: a service cannot depend on itself",
                FILE + ": service \"api\": dependsOn: unknown service \"nope\"");
    }

    /** A startTimeout of 99999999h was accepted and overflowed a long of nanoseconds when the service started. */
    @Test
    void startTimeoutBeyondADayIsRefusedBeforeItCanOverflow() {
        assertThat(problemsOf(ServiceSpec.builder("api").startTimeout(Duration.ofHours(99_999_999)).build()))
                .isEqualTo(FILE + ": service \"api\": startTimeout: is out of range (at most PT24H), was PT99999999H");
    }

    @Test
    void dependencyListedTwiceIsRejected() {
        assertThat(problemsOf(service("db"), service("api", "db", "db")))
                .isEqualTo(FILE + ": service \"api\": dependsOn: \"db\" is listed twice");
    }

    @Test
    void emptyGraphIsRejected() {
        assertThat(problemsOf()).isEqualTo(FILE + ": services: must list at least one service");
    }

    @Test
    void topologicalOrderWavesAndLongestChainAreDeterministic() throws Exception {
        StartupGraph graph = StartupGraph.of(FILE, List.of(service("api", "core"), service("core", "queues", "migrations"),
                service("queues", "database"), service("migrations", "database"), service("database")));

        assertThat(graph.topologicalOrder()).containsExactly("database", "queues", "migrations", "core", "api");
        assertThat(graph.waves()).containsExactly(List.of("database"), List.of("queues", "migrations"),
                List.of("core"), List.of("api"));
        assertThat(graph.longestChain()).containsExactly("database", "queues", "core", "api");
        assertThat(graph.dependents("database")).containsExactly("queues", "migrations");
    }

    @Test
    void tenThousandServiceChainValidatesWithoutStackOverflow() throws Exception {
        List<ServiceSpec> chain = new ArrayList<>();
        chain.add(service("s0"));
        for (int i = 1; i < 10_000; i++) {
            chain.add(service("s" + i, "s" + (i - 1)));
        }

        StartupGraph graph = StartupGraph.of(FILE, chain);

        assertThat(graph.waves()).hasSize(10_000);
        assertThat(graph.longestChain()).hasSize(10_000).startsWith("s0").endsWith("s9999");
    }

    @Test
    void cycleClosingATenThousandServiceChainIsFoundWithoutStackOverflow() {
        List<ServiceSpec> chain = new ArrayList<>();
        chain.add(service("s0", "s9999"));
        for (int i = 1; i < 10_000; i++) {
            chain.add(service("s" + i, "s" + (i - 1)));
        }

        assertThatThrownBy(() -> StartupGraph.of(FILE, chain))
                .hasMessageStartingWith(FILE + ": service \"s0\": dependsOn: dependency cycle: s0 -> s9999 -> s9998")
                .hasMessageEndingWith("s1 -> s0");
    }

    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS) // a hang guard, not a timing assertion
    void cycleAmongTheLastServicesOfATenThousandServiceChainIsReportedWithItsPath() {
        List<ServiceSpec> chain = new ArrayList<>();
        chain.add(service("s0"));
        for (int i = 1; i < 10_000; i++) {
            chain.add(i == 9_997 ? service("s9997", "s9996", "s9999") : service("s" + i, "s" + (i - 1)));
        }

        assertThatThrownBy(() -> StartupGraph.of(FILE, chain)).hasMessage(
                FILE + ": service \"s9997\": dependsOn: dependency cycle: s9997 -> s9999 -> s9998 -> s9997");
    }
}
