package dev.dreamnet.core.startup;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** The chain of dependencies with the largest total start duration. Pure; one pass in topological order. */
record CriticalPath(List<String> services, long nanos) {

    static CriticalPath of(StartupGraph graph, long[] durationNanos) {
        int n = graph.size();
        long[] total = new long[n];
        int[] previous = new int[n];
        int end = -1;
        for (String name : graph.topologicalOrder()) {
            int node = graph.indexOf(name);
            previous[node] = -1;
            for (int parent : graph.parentsOf(node)) {
                if (previous[node] < 0 || total[parent] > total[previous[node]]) {
                    previous[node] = parent;
                }
            }
            total[node] = durationNanos[node] + (previous[node] < 0 ? 0 : total[previous[node]]);
            if (end < 0 || total[node] > total[end]) {
                end = node;
            }
        }
        List<String> path = new ArrayList<>();
        for (int node = end; node >= 0; node = previous[node]) {
            path.add(graph.services().get(node).name());
        }
        Collections.reverse(path);
        return new CriticalPath(List.copyOf(path), end < 0 ? 0 : total[end]);
    }
}
