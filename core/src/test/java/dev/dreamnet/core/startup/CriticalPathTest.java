package dev.dreamnet.core.startup;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class CriticalPathTest {

    @Test
    void followsTheChainWhoseDurationsAddUpToTheMost() throws Exception {
        StartupGraph graph = StartupGraph.of("g", List.of(
                ServiceSpec.builder("database").build(),
                ServiceSpec.builder("queues").dependsOn("database").build(),
                ServiceSpec.builder("cache").dependsOn("database").build(),
                ServiceSpec.builder("api").dependsOn("queues", "cache").build()));

        CriticalPath path = CriticalPath.of(graph, new long[] {300, 50, 400, 100});

        assertThat(path.services()).containsExactly("database", "cache", "api");
        assertThat(path.nanos()).isEqualTo(800);
    }

    @Test
    void aWideGraphsCriticalPathIsItsSlowestSingleService() throws Exception {
        StartupGraph graph = StartupGraph.of("g", List.of(
                ServiceSpec.builder("a").build(), ServiceSpec.builder("b").build(), ServiceSpec.builder("c").build()));

        CriticalPath path = CriticalPath.of(graph, new long[] {10, 30, 20});

        assertThat(path.services()).containsExactly("b");
        assertThat(path.nanos()).isEqualTo(30);
    }
}
