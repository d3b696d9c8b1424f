package dev.dreamnet.config.graph;

import dev.dreamnet.config.internal.Text;
import dev.dreamnet.core.text.DidYouMean;
import com.fasterxml.jackson.databind.JsonNode;
import dev.dreamnet.core.startup.ServiceSpec;
import dev.dreamnet.core.time.DurationSyntax;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Reads one entry of {@code services}, checking the type and range of every field it has. A
 * problem names the service, or {@code services[i]} while the name itself is missing or wrong.
 * Not thread-safe; one instance per entry.
 */
final class ServiceReader {

    private static final List<String> FIELDS =
            List.of("name", "dependsOn", "kind", "critical", "startTimeout", "retries", "readiness");

    private final JsonNode entry;
    private final int index;
    private final Problems problems;
    private String name;

    private ServiceReader(JsonNode entry, int index, Problems problems) {
        this.entry = entry;
        this.index = index;
        this.problems = problems;
    }

    /** Returns the service at {@code services[index]}, or null after recording its problems. */
    static ServiceSpec read(JsonNode entry, int index, Problems problems) {
        return new ServiceReader(entry, index, problems).read();
    }

    private ServiceSpec read() {
        int before = problems.count();
        name = readName();
        // Built under a placeholder name when the name is wrong, then dropped: its problems are recorded.
        ServiceSpec.Builder builder = ServiceSpec.builder(name == null ? "" : name);
        for (Map.Entry<String, JsonNode> field : entry.properties()) {
            readField(field.getKey(), field.getValue(), builder);
        }
        return problems.count() == before ? builder.build() : null;
    }

    private String readName() {
        JsonNode value = entry.get("name");
        String place = "services[" + index + "]";
        if (value == null) {
            problems.add(null, place, "missing required field \"name\"");
        } else if (!value.isTextual()) {
            problems.add(null, place + ".name", "must be a string, was " + Problems.describe(value));
        } else if (value.textValue().isBlank()) {
            problems.add(null, place + ".name", "must not be blank, was " + Problems.describe(value));
        } else {
            return value.textValue();
        }
        return null;
    }

    private void readField(String field, JsonNode value, ServiceSpec.Builder builder) {
        switch (field) {
            case "name" -> { }
            case "dependsOn" -> builder.dependsOn(dependsOn(value));
            case "kind" -> {
                if (expect(value.isTextual(), field, "must be a string", value)) {
                    builder.kind(value.textValue());
                }
            }
            case "critical" -> {
                if (expect(value.isBoolean(), field, "must be true or false", value)) {
                    builder.critical(value.booleanValue());
                }
            }
            case "startTimeout" -> builder.startTimeout(startTimeout(value));
            case "retries" -> builder.retries(retries(value));
            case "readiness" -> {
                if (expect(value.isObject(), field, "must be an object of settings", value)) {
                    builder.readiness(PlainValues.map(value, field, this::problem));
                }
            }
            default -> problem(Text.clip(field), "unknown field" + suggestion(field));
        }
    }

    private List<String> dependsOn(JsonNode value) {
        List<String> names = new ArrayList<>();
        if (expect(value.isArray(), "dependsOn", "must be a list of service names", value)) {
            for (int i = 0; i < value.size(); i++) {
                JsonNode element = value.get(i);
                if (expect(element.isTextual(), "dependsOn[" + i + "]", "must be a service name", element)) {
                    names.add(element.textValue());
                }
            }
        }
        return names;
    }

    private Duration startTimeout(JsonNode value) {
        String field = "startTimeout";
        if (value.isNumber()) {
            problem(field, "must have a unit, such as \"30s\" or \"500ms\", was " + Problems.describe(value));
        } else if (expect(value.isTextual(), field, "must be a duration such as " + DurationSyntax.EXAMPLES, value)) {
            Duration timeout = DurationSyntax.parse(value.textValue());
            if (timeout == null && DurationSyntax.isTooLong(value.textValue()) || timeout != null && tooLong(timeout)) {
                problem(field, Problems.describe(value) + " is out of range (at most "
                        + DurationSyntax.format(ServiceSpec.MAX_START_TIMEOUT) + ")");
            } else if (expect(timeout != null, field, "must be a duration such as " + DurationSyntax.EXAMPLES, value)
                    && expect(!timeout.isNegative() && !timeout.isZero(), field, "must be > 0", value)) {
                return timeout;
            }
        }
        return ServiceSpec.DEFAULT_START_TIMEOUT;
    }

    private static boolean tooLong(Duration timeout) {
        return timeout.compareTo(ServiceSpec.MAX_START_TIMEOUT) > 0;
    }

    private int retries(JsonNode value) {
        if (expect(value.isIntegralNumber() && value.bigIntegerValue().signum() >= 0,
                "retries", "must be a whole number >= 0", value)
                && expect(value.canConvertToInt(), "retries", "is too large", value)) {
            return value.intValue();
        }
        return ServiceSpec.DEFAULT_RETRIES;
    }

    /** Records "{@code requirement}, was {@code value}" unless {@code met}; returns {@code met}. */
    private boolean expect(boolean met, String field, String requirement, JsonNode value) {
        if (!met) {
            problem(field, requirement + ", was " + Problems.describe(value));
        }
        return met;
    }

    private void problem(String field, String message) {
        if (name != null) {
            problems.add(name, field, message);
        } else {
            problems.add(null, "services[" + index + "]." + field, message);
        }
    }

    private static String suggestion(String field) {
        String suggestion = DidYouMean.suggest(field, FIELDS);
        return suggestion.isEmpty() ? " (known fields: " + String.join(", ", FIELDS) + ")" : suggestion;
    }
}
