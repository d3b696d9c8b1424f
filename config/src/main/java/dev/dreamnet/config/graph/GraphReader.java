package dev.dreamnet.config.graph;

import dev.dreamnet.config.internal.Text;
import dev.dreamnet.core.text.DidYouMean;
import com.fasterxml.jackson.databind.JsonNode;
import dev.dreamnet.core.startup.ServiceSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Reads the top level of a graph file, {@code {"services": [...]}}, and each service in it,
 * recording every problem rather than stopping at the first. Stateless.
 */
final class GraphReader {

    private static final List<String> FIELDS = List.of("services", "$schema", "description");

    private GraphReader() {
    }

    /** The services read; meaningful only when no problem was recorded. */
    static List<ServiceSpec> read(JsonNode root, Problems problems) {
        if (!root.isObject()) {
            problems.add(null, null, "must be a JSON object with a \"services\" list, was " + Problems.describe(root));
            return List.of();
        }
        List<ServiceSpec> services = new ArrayList<>();
        for (Map.Entry<String, JsonNode> field : root.properties()) {
            String key = field.getKey();
            JsonNode value = field.getValue();
            if (key.equals("services")) {
                readServices(value, problems, services);
            } else if (!FIELDS.contains(key)) {
                problems.add(null, Text.clip(key), "unknown field" + suggestion(key));
            } else if (!value.isTextual()) {
                problems.add(null, key, "must be a string, was " + Problems.describe(value));
            }
        }
        if (!root.has("services")) {
            problems.add(null, "services", "missing required field");
        }
        return services;
    }

    private static void readServices(JsonNode list, Problems problems, List<ServiceSpec> services) {
        if (!list.isArray()) {
            problems.add(null, "services", "must be a list of services, was " + Problems.describe(list));
            return;
        }
        if (list.isEmpty()) {
            problems.add(null, "services", "must list at least one service");
        }
        for (int i = 0; i < list.size(); i++) {
            JsonNode entry = list.get(i);
            if (entry.isObject()) {
                services.add(ServiceReader.read(entry, i, problems));
            } else {
                problems.add(null, "services[" + i + "]",
                        "must be an object with at least a \"name\", was " + Problems.describe(entry));
            }
        }
    }

    private static String suggestion(String key) {
        String suggestion = DidYouMean.suggest(key, FIELDS);
        return suggestion.isEmpty() ? " (allowed: \"services\", \"$schema\" and \"description\")" : suggestion;
    }
}
