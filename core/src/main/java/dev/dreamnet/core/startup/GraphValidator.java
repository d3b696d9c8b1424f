package dev.dreamnet.core.startup;

import dev.dreamnet.core.text.DidYouMean;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Checks the structure of a startup graph without any component present: names, edges, cycles
 * and settings. Iterative throughout. Not thread-safe; one instance per validation.
 */
final class GraphValidator {

    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");
    private static final int MAX_RETRIES = 100;

    private final String source;
    private final List<ServiceSpec> services;
    private final List<GraphProblem> problems = new ArrayList<>();

    GraphValidator(String source, List<ServiceSpec> services) {
        this.source = source;
        this.services = services;
    }

    /** Fills {@code indexByName} with the first index of each name and returns the problems found. */
    List<GraphProblem> validate(Map<String, Integer> indexByName) {
        if (services.isEmpty()) {
            problems.add(new GraphProblem(source, null, "services", "must list at least one service"));
        }
        checkNames(indexByName);
        checkSettings();
        checkEdges(indexByName);
        if (problems.isEmpty()) {
            checkCycles(indexByName);
        }
        return problems;
    }

    private void checkNames(Map<String, Integer> indexByName) {
        for (int i = 0; i < services.size(); i++) {
            String name = services.get(i).name();
            if (!NAME.matcher(name).matches()) {
                problems.add(new GraphProblem(source, null, "services[" + i + "].name",
                        "\"" + name + "\" is not a valid name (letters, digits, '.', '_' and '-', at most 64)"));
            }
            Integer first = indexByName.putIfAbsent(name, i);
            if (first != null) {
                problems.add(problem(name, "name", "duplicate service name (also declared at services[" + first + "])"));
            }
        }
    }

    private void checkSettings() {
        for (ServiceSpec service : services) {
            if (service.startTimeout().isNegative() || service.startTimeout().isZero()) {
                problems.add(problem(service.name(), "startTimeout", "must be > 0, was " + service.startTimeout()));
            } else if (service.startTimeout().compareTo(ServiceSpec.MAX_START_TIMEOUT) > 0) {
                problems.add(problem(service.name(), "startTimeout", "is out of range (at most "
                        + ServiceSpec.MAX_START_TIMEOUT + "), was " + service.startTimeout()));
            }
            if (service.retries() < 0 || service.retries() > MAX_RETRIES) {
                problems.add(problem(service.name(), "retries",
                        "must be between 0 and " + MAX_RETRIES + ", was " + service.retries()));
            }
            if (service.kind().isBlank()) {
                problems.add(problem(service.name(), "kind", "must not be blank"));
            }
        }
    }

    private void checkEdges(Map<String, Integer> indexByName) {
        for (ServiceSpec service : services) {
            Set<String> seen = new HashSet<>();
            for (String dependency : service.dependsOn()) {
                if (dependency.equals(service.name())) {
                    problems.add(problem(service.name(), "dependsOn", "a service cannot depend on itself"));
                } else if (!indexByName.containsKey(dependency)) {
                    problems.add(problem(service.name(), "dependsOn", "unknown service \"" + dependency + "\""
                            + DidYouMean.suggest(dependency, indexByName.keySet())));
                } else if (!seen.add(dependency)) {
                    problems.add(problem(service.name(), "dependsOn", "\"" + dependency + "\" is listed twice"));
                }
            }
        }
    }

    /** Depth-first search with an explicit stack; each back edge found is reported as its full cycle. */
    private void checkCycles(Map<String, Integer> indexByName) {
        int n = services.size();
        byte[] colour = new byte[n]; // 0 unvisited, 1 on the current path, 2 done
        int[] nextEdge = new int[n];
        Deque<Integer> path = new ArrayDeque<>();
        for (int root = 0; root < n; root++) {
            if (colour[root] != 0) {
                continue;
            }
            path.push(root);
            colour[root] = 1;
            while (!path.isEmpty()) {
                int node = path.peek();
                List<String> deps = services.get(node).dependsOn();
                if (nextEdge[node] == deps.size()) {
                    colour[node] = 2;
                    path.pop();
                    continue;
                }
                int next = indexByName.get(deps.get(nextEdge[node]++));
                if (colour[next] == 0) {
                    colour[next] = 1;
                    path.push(next);
                } else if (colour[next] == 1) {
                    reportCycle(path, next);
                }
            }
        }
    }

    private void reportCycle(Deque<Integer> path, int start) {
        List<String> cycle = new ArrayList<>();
        var iterator = path.descendingIterator();
        boolean inCycle = false;
        while (iterator.hasNext()) {
            int node = iterator.next();
            inCycle |= node == start;
            if (inCycle) {
                cycle.add(services.get(node).name());
            }
        }
        cycle.add(services.get(start).name());
        problems.add(problem(services.get(start).name(), "dependsOn",
                "dependency cycle: " + String.join(" -> ", cycle)));
    }

    private GraphProblem problem(String service, String field, String message) {
        return new GraphProblem(source, service, field, message);
    }
}
