package dev.dreamnet.config.graph;

import dev.dreamnet.config.internal.Text;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;

/**
 * Turns JSON settings into plain, unmodifiable Java values: String, Number, Boolean, List and
 * Map. A JSON null is reported, not kept. Recursion is safe here: the parser refuses documents
 * nested deeper than {@link JsonDocument#MAX_NESTING}. Stateless.
 */
final class PlainValues {

    private PlainValues() {
    }

    /**
     * Converts a JSON object whose place in the file is {@code path} (for example
     * {@code readiness}); each null found is passed to {@code problem} as (path, message).
     */
    static Map<String, Object> map(JsonNode object, String path, BiConsumer<String, String> problem) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> entry : object.properties()) {
            String key = entry.getKey();
            map.put(key, value(entry.getValue(), path + "." + Text.clip(key), problem));
        }
        return Collections.unmodifiableMap(map);
    }

    private static Object value(JsonNode node, String path, BiConsumer<String, String> problem) {
        if (node.isObject()) {
            return map(node, path, problem);
        }
        if (node.isArray()) {
            List<Object> list = new ArrayList<>(node.size());
            for (int i = 0; i < node.size(); i++) {
                list.add(value(node.get(i), path + "[" + i + "]", problem));
            }
            return Collections.unmodifiableList(list);
        }
        if (node.isTextual()) {
            return node.textValue();
        }
        if (node.isNumber()) {
            return node.numberValue();
        }
        if (node.isBoolean()) {
            return node.booleanValue();
        }
        problem.accept(path, "must not be null; leave the setting out instead");
        return null;
    }
}
