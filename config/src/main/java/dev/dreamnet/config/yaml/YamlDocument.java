package dev.dreamnet.config.yaml;

import com.fasterxml.jackson.databind.JsonNode;
import dev.dreamnet.config.internal.SmallFile;
import dev.dreamnet.config.internal.Text;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalInt;

/**
 * One configuration file read as safe YAML: a tree of plain values (mappings, lists, strings,
 * numbers, booleans, null) and the line of every setting in it, so that validators can say
 * {@code config/resilience.yaml:12: services.provider.breaker.resetTimeout: must be > 0, was 0s}.
 *
 * <p>Refused, each with a one-line problem: files over {@link #MAX_BYTES}, text that is not
 * UTF-8, syntax errors, more than one document, nesting deeper than {@link #MAX_NESTING},
 * duplicate keys, anchors and aliases (so no alias bomb can expand), and every tag but YAML's
 * own scalar, list and mapping tags (so no {@code !!java.lang.Runtime} or {@code !custom}).
 * Immutable and thread-safe.
 */
public final class YamlDocument {

    /** Files larger than this (1 MB) are refused before parsing: no configuration file is that big. */
    public static final int MAX_BYTES = 1 << 20;
    /** Far more than a configuration file needs, far less than could exhaust anything. */
    public static final int MAX_NESTING = 64;

    private final String source;
    private final JsonNode root;
    private final Map<String, Integer> lines;

    private YamlDocument(String source, JsonNode root, Map<String, Integer> lines) {
        this.source = source;
        this.root = root;
        this.lines = Map.copyOf(lines);
    }

    /**
     * Reads the file at {@code file}; problems name it as given.
     *
     * @throws ConfigException if it cannot be read, is too large or is not safe, valid YAML
     */
    public static YamlDocument load(Path file) throws ConfigException {
        return parse(file.toString(), read(file));
    }

    /**
     * The bytes of the file at {@code file}, for a loader that also needs them (to hash them, say)
     * and parses them with {@link #parse(String, byte[])}, so that both see the same content.
     *
     * @throws ConfigException if it cannot be read or is larger than {@link #MAX_BYTES}
     */
    public static byte[] read(Path file) throws ConfigException {
        try {
            return SmallFile.read(file, MAX_BYTES, "1 MB");
        } catch (SmallFile.UnreadableException e) {
            throw fileProblem(file.toString(), e.getMessage());
        }
    }

    /**
     * Reads UTF-8 bytes that came from {@code source}, which every problem names.
     *
     * @throws ConfigException if they are not UTF-8 text or not safe, valid YAML
     */
    public static YamlDocument parse(String source, byte[] bytes) throws ConfigException {
        try {
            return parse(source, StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes)).toString());
        } catch (CharacterCodingException e) {
            throw fileProblem(source, "file is not UTF-8 text");
        }
    }

    /**
     * Reads YAML text that came from {@code source}, which every problem names.
     *
     * @throws ConfigException if the text is longer than {@link #MAX_BYTES} characters or is not
     *                         safe, valid YAML
     */
    public static YamlDocument parse(String source, String yaml) throws ConfigException {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(yaml, "yaml");
        if (yaml.length() > MAX_BYTES) {
            throw fileProblem(source, SmallFile.tooLarge("1 MB"));
        }
        // Editors may save a byte order mark; it is not part of the text.
        String text = yaml.startsWith("\uFEFF") ? yaml.substring(1) : yaml;
        Map<String, Integer> lines = new HashMap<>();
        Problems problems = new Problems(source, lines);
        SafetyScan.check(text, problems);
        problems.throwIfAny();
        JsonNode root = new TreeReader(problems, lines).read(text);
        problems.throwIfAny();
        return new YamlDocument(source, root, lines);
    }

    /** Where the document came from, as problems name it. */
    public String source() {
        return source;
    }

    /** A copy of the whole tree: an object node for a mapping, or whatever else the file holds. */
    public JsonNode root() {
        return root.deepCopy();
    }

    /** The 1-based line of each setting, by path ({@code services.provider.timeout}, {@code list[0]}). */
    public Map<String, Integer> lines() {
        return lines;
    }

    /** The 1-based line of the setting at {@code path}, if the file has it. */
    public OptionalInt line(String path) {
        Integer line = lines.get(path);
        return line == null ? OptionalInt.empty() : OptionalInt.of(line);
    }

    /** The path of {@code key} in the mapping at {@code parent} (empty for the top level). */
    public static String child(String parent, String key) {
        String name = Text.clip(key);
        return parent.isEmpty() ? name : parent + "." + name;
    }

    /** The path of element {@code index} of the list at {@code parent}. */
    public static String element(String parent, int index) {
        return parent + "[" + index + "]";
    }

    private static ConfigException fileProblem(String source, String message) {
        return new ConfigException(List.of(new ConfigProblem(source, 0, "", message)));
    }

    JsonNode tree() {
        return root;
    }
}
