package dev.dreamnet.javalin.http;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import java.util.Optional;

/**
 * Finds strings in a JSON tree that are not Unicode text: JSON's {@code \ud800} escape alone gives half of a
 * UTF-16 surrogate pair, which Java strings hold but no database or UTF-8 writer can store (it came back as
 * {@code ?}). Checked once for every request body, so no field can forget it. Stateless.
 */
final class JsonText {

    private JsonText() {
    }

    /** The first field holding an unpaired surrogate, named as in {@link FieldPath}. */
    static Optional<String> unpairedSurrogate(JsonNode tree) {
        return Optional.ofNullable(find(tree, ""));
    }

    private static String find(JsonNode node, String path) {
        if (node.isTextual()) {
            return wellFormed(node.textValue()) ? null : path.isEmpty() ? "the whole body" : path;
        }
        if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                String found = find(node.get(i), FieldPath.index(path, i));
                if (found != null) {
                    return found;
                }
            }
        }
        for (Map.Entry<String, JsonNode> field : node.properties()) {
            // Field names need no check: Jackson's parser refuses half a surrogate pair in a name itself.
            String found = find(field.getValue(), FieldPath.field(path, field.getKey()));
            if (found != null) {
                return found;
            }
        }
        return null;
    }

    private static boolean wellFormed(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                return false;
            }
        }
        return true;
    }
}
