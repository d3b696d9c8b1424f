package dev.dreamnet.config.graph;

import dev.dreamnet.config.internal.Text;
import com.fasterxml.jackson.databind.JsonNode;
import dev.dreamnet.core.startup.GraphProblem;
import dev.dreamnet.core.startup.GraphValidationException;
import java.util.ArrayList;
import java.util.List;

/** The problems found in one graph file, in the order found, each one line long. Not thread-safe. */
final class Problems {

    private final String source;
    private final List<GraphProblem> found = new ArrayList<>();

    Problems(String source) {
        this.source = source;
    }

    /** Records a problem; {@code service} and {@code field} may be null when not known. */
    void add(String service, String field, String message) {
        found.add(new GraphProblem(Text.oneLine(source), Text.oneLine(service), Text.oneLine(field),
                Text.oneLine(message)));
    }

    int count() {
        return found.size();
    }

    /** Throws every problem recorded so far at once, if there is any. */
    void throwIfAny() throws GraphValidationException {
        if (!found.isEmpty()) {
            throw new GraphValidationException(found);
        }
    }

    /** The same exception with every problem made one line long, whoever reported it. */
    static GraphValidationException oneLine(GraphValidationException e) {
        return new GraphValidationException(e.problems().stream()
                .map(p -> new GraphProblem(Text.oneLine(p.source()), Text.oneLine(p.service()),
                        Text.oneLine(p.field()), Text.oneLine(p.message())))
                .toList());
    }

    /** How a value found in the file reads in a message: {@code "yes"}, {@code 2.5}, {@code a list}. */
    static String describe(JsonNode value) {
        if (value.isTextual()) {
            return Text.quote(value.textValue());
        }
        if (value.isArray()) {
            return "a list";
        }
        if (value.isObject()) {
            return "an object";
        }
        return Text.clip(value.asText());
    }
}
