package dev.dreamnet.core.startup;

import dev.dreamnet.core.time.ManualScheduler;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executor;

/** Builds graphs and runs them on a manual scheduler, recording every start and stop in order. */
final class GraphFixture {

    final ManualScheduler time = new ManualScheduler();
    final List<String> log = Collections.synchronizedList(new ArrayList<>());
    final List<ServiceSpec> services = new ArrayList<>();
    final Map<String, ScriptedComponent> components = new HashMap<>();
    final List<NodeTransition> transitions = Collections.synchronizedList(new ArrayList<>());

    /** A service that starts at the first attempt. */
    ScriptedComponent service(ServiceSpec.Builder spec) {
        return service(spec, 0);
    }

    /** A service whose first {@code failures} attempts fail. */
    ScriptedComponent service(ServiceSpec.Builder spec, int failures) {
        ServiceSpec built = spec.build();
        services.add(built);
        ScriptedComponent component = new ScriptedComponent(built.name(), log, failures);
        components.put(built.name(), component);
        return component;
    }

    StartupDag build(Executor executor) throws GraphValidationException {
        return StartupDag.builder(StartupGraph.of("test-graph.json", services), spec -> components.get(spec.name()))
                .executor(executor)
                .scheduler(time)
                .clock(time)
                .listener(transitions::add)
                .build();
    }

    StartupDag startDirect() throws GraphValidationException {
        return build(Runnable::run).start();
    }

    NodeSnapshot node(StartupDag dag, String name) {
        return dag.snapshot().nodes().stream().filter(n -> n.name().equals(name)).findFirst().orElseThrow();
    }

    static ServiceSpec.Builder spec(String name, String... dependsOn) {
        return ServiceSpec.builder(name).dependsOn(dependsOn);
    }
}
