package dev.dreamnet.config.graph;

import com.fasterxml.jackson.databind.JsonNode;
import dev.dreamnet.config.internal.SmallFile;
import dev.dreamnet.core.startup.GraphValidationException;
import dev.dreamnet.core.startup.StartupGraph;
import java.nio.file.Path;
import java.util.Objects;

/**
 * Loads a startup graph file such as {@code deploy/graph.json}:
 * {@code {"services": [{"name": "queues", "dependsOn": ["database"], ...}, ...]}}.
 *
 * <p>Every field of every service is checked first and every problem found is reported at once,
 * each as one line naming the file, the service and the field; only a file whose fields are all
 * valid goes on to the structural checks of {@link StartupGraph#of}. Nothing but a
 * {@link GraphValidationException} leaves this class, whatever the input. Stateless and
 * thread-safe.
 */
public final class GraphFile {

    /** Files larger than this (10 MB) are refused: no startup graph is that big. */
    public static final int MAX_BYTES = 10 * 1024 * 1024;

    private GraphFile() {
    }

    /**
     * Reads and validates the graph file at {@code file}; messages name it as given.
     *
     * @throws GraphValidationException listing every problem found, including a file that
     *                                  cannot be read or is too large
     */
    public static StartupGraph load(Path file) throws GraphValidationException {
        String source = file.toString();
        Problems problems = new Problems(source);
        byte[] bytes = readBytes(file, problems);
        problems.throwIfAny();
        return build(source, JsonDocument.read(factory -> factory.createParser(bytes), problems), problems);
    }

    /**
     * Validates graph JSON read from {@code source}, which every message names.
     *
     * @throws GraphValidationException listing every problem found
     */
    public static StartupGraph parse(String source, String json) throws GraphValidationException {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(json, "json");
        Problems problems = new Problems(source);
        if (json.length() > MAX_BYTES) {
            problems.add(null, null, tooLarge());
            problems.throwIfAny();
        }
        // Editors may save a byte order mark; it is not JSON, and the byte parser of load() skips it too.
        String text = json.startsWith("\uFEFF") ? json.substring(1) : json;
        return build(source, JsonDocument.read(factory -> factory.createParser(text), problems), problems);
    }

    private static StartupGraph build(String source, JsonNode root, Problems problems)
            throws GraphValidationException {
        problems.throwIfAny();
        var services = GraphReader.read(root, problems);
        problems.throwIfAny();
        try {
            return StartupGraph.of(source, services);
        } catch (GraphValidationException e) {
            throw Problems.oneLine(e);
        }
    }

    private static byte[] readBytes(Path file, Problems problems) {
        try {
            return SmallFile.read(file, MAX_BYTES, "10 MB");
        } catch (SmallFile.UnreadableException e) {
            problems.add(null, null, e.getMessage());
            return new byte[0];
        }
    }

    private static String tooLarge() {
        return SmallFile.tooLarge("10 MB");
    }
}
