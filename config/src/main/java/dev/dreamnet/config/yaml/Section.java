package dev.dreamnet.config.yaml;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.dreamnet.core.text.DidYouMean;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * A mapping of settings at one path of a {@link YamlDocument}, read through typed getters. A
 * getter returns the value when it is present and valid; when it is wrong it records one problem
 * naming the path and what was expected, and returns empty, so that a validator reads every
 * setting and reports every problem at once. Not thread-safe; one per validation.
 */
public final class Section {

    private final Problems problems;
    private final String path;
    private final JsonNode node;

    private Section(Problems problems, String path, JsonNode node) {
        this.problems = problems;
        this.path = path;
        this.node = node;
    }

    /** The top of {@code document}, which must be a mapping; records a problem if it is not. */
    public static Section root(YamlDocument document, Problems problems) {
        JsonNode root = document.tree();
        if (root.isObject()) {
            return new Section(problems, "", root);
        }
        problems.add("", "must be a mapping of settings, was " + Values.describe(root));
        return new Section(problems, "", null);
    }

    /** Where this section is, dotted; empty for the top of the file. */
    public String path() {
        return path;
    }

    /** The path of {@code key} in this section. */
    public String pathOf(String key) {
        return YamlDocument.child(path, key);
    }

    /** Whether the file has this section (it may be empty); false when it is missing or not a mapping. */
    public boolean isPresent() {
        return node != null;
    }

    public boolean has(String key) {
        return node != null && node.has(key);
    }

    /** The keys of this section, in file order. */
    public List<String> keys() {
        List<String> keys = new ArrayList<>();
        if (node != null) {
            node.fieldNames().forEachRemaining(keys::add);
        }
        return keys;
    }

    /**
     * The mapping at {@code key}. A key with no value ({@code queue:}) is an empty section; a
     * missing key is a section that is not present; any other value is a problem.
     */
    public Section section(String key) {
        JsonNode value = has(key) ? node.get(key) : null;
        if (value == null) {
            return new Section(problems, pathOf(key), null);
        }
        if (value.isNull() || value.isTextual() && value.textValue().isEmpty()) {
            return new Section(problems, pathOf(key), JsonNodeFactory.instance.objectNode());
        }
        if (!value.isObject()) {
            problems.add(pathOf(key), "must be a mapping of settings, was " + Values.describe(value));
            return new Section(problems, pathOf(key), null);
        }
        return new Section(problems, pathOf(key), value);
    }

    /** Records each key not in {@code known} as unknown, suggesting the closest known one. */
    public void allowOnly(Collection<String> known) {
        for (String key : keys()) {
            if (!known.contains(key)) {
                String suggestion = DidYouMean.suggest(key, known);
                problems.add(pathOf(key), "unknown setting" + (suggestion.isEmpty()
                        ? " (known: " + String.join(", ", known) + ")" : suggestion));
            }
        }
    }

    /** Records {@code key} as missing if this section is present without it; returns whether it is there. */
    public boolean require(String key) {
        if (node != null && !node.has(key)) {
            problems.add(path, "missing required setting \"" + key + "\"");
            return false;
        }
        return has(key);
    }

    public Optional<String> string(String key) {
        return read(key, JsonNode::isTextual, "must be a string", JsonNode::textValue);
    }

    public Optional<Boolean> bool(String key) {
        return read(key, JsonNode::isBoolean, "must be true or false", JsonNode::booleanValue);
    }

    /** A whole number in [{@code min}, {@code max}]. */
    public Optional<Integer> integer(String key, int min, int max) {
        return read(key, value -> Values.isIntBetween(value, min, max), Values.wholeNumber(min, max),
                JsonNode::intValue);
    }

    /** A number in [{@code min}, {@code max}]. */
    public Optional<Double> number(String key, double min, double max) {
        return read(key, value -> value.isNumber() && value.doubleValue() >= min && value.doubleValue() <= max,
                "must be a number between " + Values.format(min) + " and " + Values.format(max),
                JsonNode::doubleValue);
    }

    /** A percentage: a number greater than 0 and at most 100. */
    public Optional<Double> percentage(String key) {
        return read(key, value -> value.isNumber() && value.doubleValue() > 0 && value.doubleValue() <= 100,
                "must be a percentage > 0 and <= 100", JsonNode::doubleValue);
    }

    /** A duration such as {@code "500ms"}, {@code "30s"} or {@code "2m"}, greater than 0 and at most {@code max}. */
    public Optional<Duration> duration(String key, Duration max) {
        JsonNode value = value(key);
        if (value == null) {
            return Optional.empty();
        }
        String wrong = Values.durationProblem(value, max);
        return wrong == null ? Optional.of(Values.duration(value)) : fail(key, wrong);
    }

    /** A list of strings, possibly empty. */
    public Optional<List<String>> strings(String key) {
        JsonNode value = value(key);
        if (value == null) {
            return Optional.empty();
        }
        if (!value.isArray()) {
            return fail(key, "must be a list of strings, was " + Values.describe(value));
        }
        List<String> strings = new ArrayList<>();
        for (int i = 0; i < value.size(); i++) {
            JsonNode element = value.get(i);
            if (element.isTextual()) {
                strings.add(element.textValue());
            } else {
                problem(key, i, "must be a string, was " + Values.describe(element));
            }
        }
        return strings.size() == value.size() ? Optional.of(List.copyOf(strings)) : Optional.empty();
    }

    /** One of the names of {@code choices}, suggesting the closest when it is none. */
    public <T> Optional<T> oneOf(String key, Map<String, T> choices) {
        JsonNode value = value(key);
        if (value == null) {
            return Optional.empty();
        }
        T choice = value.isTextual() ? choices.get(value.textValue()) : null;
        if (choice != null) {
            return Optional.of(choice);
        }
        Set<String> names = new TreeSet<>(choices.keySet());
        String suggestion = value.isTextual() ? DidYouMean.suggest(value.textValue(), names) : "";
        return fail(key, "must be one of " + Values.quotedList(names) + ", was "
                + Values.describe(value) + suggestion);
    }

    /** A constant of {@code type}, written in lower case: {@code full} for {@code FULL}. */
    public <E extends Enum<E>> Optional<E> enumValue(String key, Class<E> type) {
        Map<String, E> choices = new HashMap<>();
        for (E constant : type.getEnumConstants()) {
            choices.put(constant.name().toLowerCase(Locale.ROOT), constant);
        }
        return oneOf(key, choices);
    }

    /** Records a problem with the setting at {@code key}, found by the validator itself. */
    public void problem(String key, String message) {
        problems.add(pathOf(key), message);
    }

    /** Records a problem with element {@code index} of the list at {@code key}. */
    public void problem(String key, int index, String message) {
        problems.add(YamlDocument.element(pathOf(key), index), message);
    }

    /** Records a problem with this section as a whole. */
    public void problem(String message) {
        problems.add(path, message);
    }

    /** The value at {@code key}; null, after recording a problem, when it is there with no value. */
    private JsonNode value(String key) {
        JsonNode value = has(key) ? node.get(key) : null;
        if (value != null && value.isNull()) {
            problems.add(pathOf(key), "has no value; give one or leave the setting out");
            return null;
        }
        return value;
    }

    private <T> Optional<T> read(String key, Predicate<JsonNode> valid, String expected, Function<JsonNode, T> read) {
        JsonNode value = value(key);
        if (value == null) {
            return Optional.empty();
        }
        return valid.test(value)
                ? Optional.of(read.apply(value))
                : fail(key, expected + ", was " + Values.describe(value));
    }

    private <T> Optional<T> fail(String key, String message) {
        problems.add(pathOf(key), message);
        return Optional.empty();
    }
}
