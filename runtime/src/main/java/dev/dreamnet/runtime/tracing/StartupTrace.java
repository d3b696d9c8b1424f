package dev.dreamnet.runtime.tracing;

import dev.dreamnet.core.startup.NodeSnapshot;
import dev.dreamnet.core.startup.StartupSnapshot;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanBuilder;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Context;
import java.time.Instant;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One trace of a finished startup: a root span {@code startup} and a span per service from when it started to when it
 * was ready. A service's parent is the dependency it waited for longest (the one ready last: its critical-path edge),
 * or the root; its other dependencies are links. So a trace viewer shows the startup's critical path as the deepest
 * chain. Stateless.
 */
public final class StartupTrace {

    private StartupTrace() {
    }

    /** Records the trace of {@code startup} after the fact, with its own timestamps. */
    public static void record(Tracer tracer, StartupSnapshot startup) {
        Instant start = startup.startedAt();
        Instant end = start.plus(startup.elapsed());
        Span root = tracer.spanBuilder("startup").setNoParent().setStartTimestamp(start)
                .setAttribute("dreamnet.startup.status", startup.status().name())
                .setAttribute("dreamnet.startup.critical_path", String.join(" -> ", startup.criticalPath()))
                .startSpan();
        Map<String, NodeSnapshot> nodes = new HashMap<>();
        startup.nodes().forEach(node -> nodes.put(node.name(), node));
        Map<String, Span> spans = new HashMap<>();
        for (NodeSnapshot node : startup.nodes()) {
            span(tracer, node, nodes, spans, root, end);
        }
        if (!startup.status().isUp()) {
            root.setStatus(StatusCode.ERROR, Objects.toString(startup.reason(), "startup failed"));
        }
        root.end(end);
    }

    private static Span span(Tracer tracer, NodeSnapshot node, Map<String, NodeSnapshot> nodes, Map<String, Span> spans,
                             Span root, Instant end) {
        Span known = spans.get(node.name());
        if (known != null) {
            return known;
        }
        List<NodeSnapshot> dependencies = node.dependsOn().stream().map(nodes::get).filter(Objects::nonNull).toList();
        // Ready last; on a tie (clock resolution), the deeper one, which itself waited for the other.
        NodeSnapshot waitedFor = dependencies.stream().max(Comparator.<NodeSnapshot, Instant>comparing(d -> readyOr(d, end))
                .thenComparingInt(d -> depth(d, nodes))).orElse(null);
        Span parent = waitedFor == null ? root : span(tracer, waitedFor, nodes, spans, root, end);
        Instant started = node.startedAt() != null ? node.startedAt() : end;
        SpanBuilder builder = tracer.spanBuilder("start " + node.name()).setParent(Context.root().with(parent))
                .setStartTimestamp(started).setAttribute("dreamnet.service", node.name())
                .setAttribute("dreamnet.service.kind", Objects.toString(node.kind(), ""))
                .setAttribute("dreamnet.service.critical", node.critical())
                .setAttribute("dreamnet.service.state", node.state().name())
                .setAttribute("dreamnet.service.attempts", node.attempts());
        for (NodeSnapshot other : dependencies) {
            if (other != waitedFor) {
                builder.addLink(span(tracer, other, nodes, spans, root, end).getSpanContext());
            }
        }
        Span span = builder.startSpan();
        if (node.error() != null) {
            span.setStatus(StatusCode.ERROR, node.error());
        }
        span.end(readyOr(node, end).isBefore(started) ? started : readyOr(node, end));
        spans.put(node.name(), span);
        return span;
    }

    private static int depth(NodeSnapshot node, Map<String, NodeSnapshot> nodes) {
        int deepest = 0;
        for (String dependency : node.dependsOn()) {
            NodeSnapshot other = nodes.get(dependency);
            deepest = other == null ? deepest : Math.max(deepest, 1 + depth(other, nodes));
        }
        return deepest;
    }

    private static Instant readyOr(NodeSnapshot node, Instant end) {
        return node.readyAt() != null ? node.readyAt() : end;
    }
}
