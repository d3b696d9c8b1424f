package dev.dreamnet.bench.startup;

import dev.dreamnet.config.graph.GraphFile;
import dev.dreamnet.core.startup.ServiceSpec;
import dev.dreamnet.core.startup.StartupGraph;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/** Validating a 10,000-service graph: a chain, a random DAG, and the whole JSON file path. */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class GraphValidationBenchmark {

    private static final int SIZE = 10_000;

    private List<ServiceSpec> chain;
    private List<ServiceSpec> randomDag;
    private String chainJson;

    @Setup
    public void setUp() {
        chain = new ArrayList<>();
        StringBuilder json = new StringBuilder("{\"services\": [");
        for (int i = 0; i < SIZE; i++) {
            List<String> deps = i == 0 ? List.of() : List.of("s" + (i - 1));
            chain.add(ServiceSpec.builder("s" + i).dependsOn(deps).build());
            json.append(i == 0 ? "" : ",").append("{\"name\": \"s").append(i).append('"')
                    .append(i == 0 ? "" : ", \"dependsOn\": [\"s" + (i - 1) + "\"]").append('}');
        }
        chainJson = json.append("]}").toString();
        Random random = new Random(7);
        randomDag = new ArrayList<>();
        for (int i = 0; i < SIZE; i++) {
            List<String> deps = new ArrayList<>();
            for (int p = i == 0 ? 0 : random.nextInt(4); p > 0; p--) {
                String parent = "s" + random.nextInt(i);
                if (!deps.contains(parent)) {
                    deps.add(parent);
                }
            }
            randomDag.add(ServiceSpec.builder("s" + i).dependsOn(deps).build());
        }
    }

    @Benchmark
    public StartupGraph validateChain() throws Exception {
        return StartupGraph.of("bench", chain);
    }

    @Benchmark
    public StartupGraph validateRandomDag() throws Exception {
        return StartupGraph.of("bench", randomDag);
    }

    @Benchmark
    public StartupGraph parseAndValidateChainJson() throws Exception {
        return GraphFile.parse("bench.json", chainJson);
    }
}
