package dev.dreamnet.spring.autoconfigure;

import dev.dreamnet.core.startup.NodeSnapshot;
import dev.dreamnet.core.startup.NodeState;
import dev.dreamnet.core.startup.StartupSnapshot;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Says why startup failed, as the path from the first critical service that is not running down to the service that
 * failed: {@code checkout -> catalog -> database: database failed: Connection refused}. Stateless.
 */
final class StartupFailure {

    private StartupFailure() {
    }

    static String describe(StartupSnapshot result) {
        Map<String, NodeSnapshot> nodes = new HashMap<>();
        result.nodes().forEach(node -> nodes.put(node.name(), node));
        Optional<NodeSnapshot> failed = result.nodes().stream().filter(node -> node.state() == NodeState.FAILED)
                .min(java.util.Comparator.comparing(node -> !node.critical()));
        if (failed.isEmpty()) {
            return "DreamNet startup failed: " + result.reason();
        }
        String culprit = failed.get().name();
        // The longest chain from a critical service that could not start down to the failure says the most.
        List<String> path = result.nodes().stream()
                .filter(node -> node.critical() && node.state() == NodeState.BLOCKED)
                .map(node -> path(node.name(), culprit, nodes)).filter(chain -> chain.size() > 1)
                .max(java.util.Comparator.comparingInt(List::size)).orElse(List.of(culprit));
        return "DreamNet startup failed: " + String.join(" -> ", path) + ": " + culprit + " failed: "
                + failed.get().error();
    }

    /**
     * The chain of dependencies from {@code from} to {@code to}, both included (breadth first: the shortest); just
     * {@code from} when {@code to} cannot be reached.
     */
    private static List<String> path(String from, String to, Map<String, NodeSnapshot> nodes) {
        Map<String, String> reachedFrom = new HashMap<>();
        Deque<String> queue = new ArrayDeque<>(List.of(from));
        reachedFrom.put(from, from);
        while (!queue.isEmpty() && !reachedFrom.containsKey(to)) {
            String name = queue.removeFirst();
            for (String dependency : nodes.get(name).dependsOn()) {
                if (reachedFrom.putIfAbsent(dependency, name) == null) {
                    queue.addLast(dependency);
                }
            }
        }
        if (!reachedFrom.containsKey(to)) {
            return List.of(from);
        }
        List<String> path = new ArrayList<>();
        for (String at = to; !at.equals(from); at = reachedFrom.getOrDefault(at, from)) {
            path.add(0, at);
        }
        path.add(0, from);
        return path;
    }
}
