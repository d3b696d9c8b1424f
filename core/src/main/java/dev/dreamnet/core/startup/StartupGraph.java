package dev.dreamnet.core.startup;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;

/**
 * A validated, immutable startup graph: names are unique, every dependency exists and there is no
 * cycle. Orders are deterministic (ties broken by declaration order). Built with {@link #of};
 * every algorithm here is iterative, so a 10,000-service chain cannot overflow the stack.
 * Thread-safe.
 */
public final class StartupGraph {

    private final String source;
    private final List<ServiceSpec> services;
    private final Map<String, Integer> indexByName;
    private final int[][] parents;
    private final int[][] children;
    private final int[] topological;
    private final int[] level;

    private StartupGraph(String source, List<ServiceSpec> services, Map<String, Integer> indexByName) {
        this.source = source;
        this.services = List.copyOf(services);
        this.indexByName = indexByName;
        int n = services.size();
        this.parents = new int[n][];
        List<List<Integer>> childLists = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            childLists.add(new ArrayList<>());
        }
        for (int i = 0; i < n; i++) {
            List<String> deps = services.get(i).dependsOn();
            parents[i] = new int[deps.size()];
            for (int d = 0; d < deps.size(); d++) {
                parents[i][d] = indexByName.get(deps.get(d));
                childLists.get(parents[i][d]).add(i);
            }
        }
        this.children = new int[n][];
        for (int i = 0; i < n; i++) {
            children[i] = childLists.get(i).stream().mapToInt(Integer::intValue).toArray();
        }
        this.topological = kahn();
        this.level = levels();
    }

    /**
     * Validates {@code services} and builds the graph.
     *
     * @param source where the services were read from, used in every error message
     * @throws GraphValidationException listing every problem found, one per line
     */
    public static StartupGraph of(String source, List<ServiceSpec> services) throws GraphValidationException {
        Map<String, Integer> indexByName = new LinkedHashMap<>();
        List<GraphProblem> problems = new GraphValidator(source, services).validate(indexByName);
        if (!problems.isEmpty()) {
            throw new GraphValidationException(problems);
        }
        return new StartupGraph(source, services, Collections.unmodifiableMap(indexByName));
    }

    public String source() {
        return source;
    }

    /** Every service in declaration order. */
    public List<ServiceSpec> services() {
        return services;
    }

    public int size() {
        return services.size();
    }

    public ServiceSpec service(String name) {
        Integer index = indexByName.get(name);
        if (index == null) {
            throw new IllegalArgumentException("no service named \"" + name + "\" in " + source);
        }
        return services.get(index);
    }

    /** Services that depend directly on {@code name}, in declaration order. */
    public List<String> dependents(String name) {
        return names(children[indexOf(name)]);
    }

    /** Every service, each after all of its dependencies. */
    public List<String> topologicalOrder() {
        return names(topological);
    }

    /**
     * Services grouped by depth: wave 0 has no dependencies, wave k depends on something in wave
     * k-1. Services of one wave can start in parallel.
     */
    public List<List<String>> waves() {
        List<List<String>> waves = new ArrayList<>();
        for (int i : topological) {
            while (waves.size() <= level[i]) {
                waves.add(new ArrayList<>());
            }
            waves.get(level[i]).add(services.get(i).name());
        }
        waves.replaceAll(List::copyOf);
        return List.copyOf(waves);
    }

    /** The longest chain of dependencies, root first: what bounds startup time when every start costs the same. */
    public List<String> longestChain() {
        if (services.isEmpty()) {
            return List.of();
        }
        int deepest = topological[0];
        for (int i : topological) {
            if (level[i] > level[deepest]) {
                deepest = i;
            }
        }
        List<String> chain = new ArrayList<>();
        for (int node = deepest; node >= 0; node = deepestParent(node)) {
            chain.add(services.get(node).name());
        }
        Collections.reverse(chain);
        return List.copyOf(chain);
    }

    int indexOf(String name) {
        Integer index = indexByName.get(name);
        if (index == null) {
            throw new IllegalArgumentException("no service named \"" + name + "\" in " + source);
        }
        return index;
    }

    int[] parentsOf(int index) {
        return parents[index];
    }

    int[] childrenOf(int index) {
        return children[index];
    }

    private int deepestParent(int node) {
        int best = -1;
        for (int parent : parents[node]) {
            if (best < 0 || level[parent] > level[best]) {
                best = parent;
            }
        }
        return best;
    }

    private int[] kahn() {
        int n = services.size();
        int[] waiting = new int[n];
        PriorityQueue<Integer> ready = new PriorityQueue<>();
        for (int i = 0; i < n; i++) {
            waiting[i] = parents[i].length;
            if (waiting[i] == 0) {
                ready.add(i);
            }
        }
        int[] order = new int[n];
        int count = 0;
        while (!ready.isEmpty()) {
            int node = ready.poll();
            order[count++] = node;
            for (int child : children[node]) {
                if (--waiting[child] == 0) {
                    ready.add(child);
                }
            }
        }
        return order;
    }

    private int[] levels() {
        int[] levels = new int[services.size()];
        for (int node : topological) {
            for (int parent : parents[node]) {
                levels[node] = Math.max(levels[node], levels[parent] + 1);
            }
        }
        return levels;
    }

    private List<String> names(int[] indexes) {
        List<String> names = new ArrayList<>(indexes.length);
        for (int i : indexes) {
            names.add(services.get(i).name());
        }
        return Collections.unmodifiableList(names);
    }
}
