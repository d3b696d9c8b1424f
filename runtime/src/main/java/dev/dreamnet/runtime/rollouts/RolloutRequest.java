package dev.dreamnet.runtime.rollouts;

import com.fasterxml.jackson.databind.JsonNode;
import dev.dreamnet.config.DurationText;
import dev.dreamnet.core.rollout.RolloutConfig;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * A rollout to start, as the web layers take it: {@code name} and the optional settings of {@link RolloutConfig}
 * ({@code steps} as percentages, durations as {@code "90s"} or {@code "10m"}), read strictly: an unknown field, a
 * number where a whole one is needed, {@code "yes"} for a boolean are refused naming the field, never guessed at.
 * From a JSON object ({@link #config(JsonNode)}, typed values) or from text fields ({@link #config(Map)}, as Spring
 * Boot's actuator hands an endpoint its body: {@code "steps": "1,10,50,100"}). The {@code reason} is the caller's to
 * check, as for any audited write. Stateless.
 */
public final class RolloutRequest {

    /** The fields a rollout's body may hold. */
    public static final Set<String> FIELDS = Set.of("name", "steps", "bakeTime", "window", "maxErrorRate", "maxP99",
            "minRequests", "autoPromote", "autoRollback", "significance", "latencyTolerance", "latencyEffect", "reason");
    private static final List<String> DECIMALS = List.of("maxErrorRate", "significance", "latencyTolerance",
            "latencyEffect");

    private RolloutRequest() {
    }

    /**
     * The rollout a JSON body asks for: {@code steps} an array of numbers, numbers and booleans as JSON writes them.
     *
     * @throws IllegalArgumentException naming the field that is missing, unknown or wrong, and what it may be
     */
    public static RolloutConfig config(JsonNode body) {
        if (body == null || !body.isObject()) {
            throw new IllegalArgumentException("body must be a JSON object with at least \"name\" and \"reason\"");
        }
        List<String> names = new ArrayList<>();
        body.fieldNames().forEachRemaining(names::add);
        return config(names, new JsonFields(body));
    }

    /**
     * The rollout text fields ask for: {@code steps} as {@code "1,10,50,100"}, numbers as {@code "0.05"}, booleans as
     * {@code "true"} or {@code "false"}. A null value is an absent field.
     *
     * @throws IllegalArgumentException naming the field that is missing, unknown or wrong, and what it may be
     */
    public static RolloutConfig config(Map<String, String> fields) {
        List<String> names = fields.entrySet().stream().filter(e -> e.getValue() != null).map(Map.Entry::getKey)
                .toList();
        return config(names, new TextFields(fields));
    }

    private static RolloutConfig config(List<String> names, Fields body) {
        List<String> unknown = names.stream().filter(name -> !FIELDS.contains(name)).toList();
        if (!unknown.isEmpty()) {
            throw new IllegalArgumentException("unknown field(s) " + unknown + "; known: " + new TreeSet<>(FIELDS));
        }
        if (!names.contains("name")) {
            throw new IllegalArgumentException("name: required, a string such as \"dream-read-v2\"");
        }
        RolloutConfig.Builder builder = RolloutConfig.builder(body.text("name", "a string such as \"dream-read-v2\""));
        if (names.contains("steps")) {
            builder.steps(body.steps());
        }
        if (names.contains("bakeTime")) {
            builder.bakeTime(duration(body, "bakeTime"));
        }
        if (names.contains("window")) {
            builder.window(duration(body, "window"));
        }
        if (names.contains("maxP99")) {
            builder.maxP99(duration(body, "maxP99"));
        }
        for (String field : DECIMALS) {
            if (names.contains(field)) {
                double value = body.decimal(field);
                switch (field) {
                    case "maxErrorRate" -> builder.maxErrorRate(value);
                    case "significance" -> builder.significance(value);
                    case "latencyTolerance" -> builder.latencyTolerance(value);
                    default -> builder.latencyEffect(value);
                }
            }
        }
        if (names.contains("minRequests")) {
            builder.minRequests(body.wholeFromOne("minRequests"));
        }
        if (names.contains("autoPromote")) {
            builder.autoPromote(body.bool("autoPromote"));
        }
        if (names.contains("autoRollback")) {
            builder.autoRollback(body.bool("autoRollback"));
        }
        return builder.build();
    }

    private static Duration duration(Fields body, String field) {
        String expected = "a duration such as " + DurationText.EXAMPLES;
        String text = body.text(field, expected);
        return DurationText.parse(text).orElseThrow(() -> new IllegalArgumentException(field + ": must be "
                + expected + ", was \"" + text + "\""));
    }

    private static IllegalArgumentException wholeNumber(String field, Object was) {
        return new IllegalArgumentException(field + ": must be a whole number from 1 to " + Integer.MAX_VALUE
                + ", was " + was);
    }

    /** A body's fields, each read as one kind of value or refused naming the field. */
    private interface Fields {

        /** The field's text; refused as not {@code expected} ("a string such as ...") when it is not text. */
        String text(String field, String expected);

        double decimal(String field);

        int wholeFromOne(String field);

        boolean bool(String field);

        List<Double> steps();
    }

    /** JSON's own types: {@code 0.05}, not {@code "0.05"}; {@code 300}, {@code 300.0} or {@code 3e2}, not 1.7. */
    private record JsonFields(JsonNode body) implements Fields {

        @Override
        public String text(String field, String expected) {
            JsonNode value = body.get(field);
            if (!value.isTextual()) {
                throw new IllegalArgumentException(field + ": must be " + expected + ", was " + value);
            }
            return value.asText();
        }

        @Override
        public double decimal(String field) {
            return number(body.get(field), field);
        }

        @Override
        public int wholeFromOne(String field) {
            JsonNode value = body.get(field);
            if (value.isNumber() && value.canConvertToExactIntegral() && value.canConvertToInt()
                    && value.intValue() >= 1) {
                return value.intValue();
            }
            throw wholeNumber(field, value);
        }

        @Override
        public boolean bool(String field) {
            JsonNode value = body.get(field);
            if (!value.isBoolean()) {
                throw new IllegalArgumentException(field + ": must be true or false, was " + value);
            }
            return value.asBoolean();
        }

        @Override
        public List<Double> steps() {
            JsonNode steps = body.get("steps");
            if (!steps.isArray()) {
                throw new IllegalArgumentException("steps: must be an array of percentages such as [1, 10, 50, 100]");
            }
            List<Double> percentages = new ArrayList<>();
            steps.forEach(step -> percentages.add(number(step, "steps[]")));
            return percentages;
        }

        private static double number(JsonNode value, String field) {
            if (value == null || !value.isNumber()) {
                throw new IllegalArgumentException(field + ": must be a number, was " + value);
            }
            return value.asDouble();
        }
    }

    /** Values written as text: {@code "0.05"}, {@code "true"}, {@code "1,10,50,100"}. */
    private record TextFields(Map<String, String> body) implements Fields {

        @Override
        public String text(String field, String expected) {
            return body.get(field);
        }

        @Override
        public double decimal(String field) {
            return number(body.get(field), field).doubleValue();
        }

        @Override
        public int wholeFromOne(String field) {
            String text = body.get(field);
            int whole;
            try {
                whole = new BigDecimal(text.strip()).intValueExact();
            } catch (NumberFormatException | ArithmeticException e) {
                throw wholeNumber(field, "\"" + text + "\"");
            }
            if (whole < 1) {
                throw wholeNumber(field, "\"" + text + "\"");
            }
            return whole;
        }

        @Override
        public boolean bool(String field) {
            return switch (body.get(field)) {
                case "true" -> true;
                case "false" -> false;
                default -> throw new IllegalArgumentException(field + ": must be true or false, was \""
                        + body.get(field) + "\"");
            };
        }

        @Override
        public List<Double> steps() {
            List<Double> percentages = new ArrayList<>();
            for (String step : body.get("steps").split(",", -1)) {
                try {
                    percentages.add(new BigDecimal(step.strip()).doubleValue());
                } catch (NumberFormatException e) {
                    throw new IllegalArgumentException("steps: must be percentages separated by commas such as "
                            + "\"1,10,50,100\", was \"" + body.get("steps") + "\"");
                }
            }
            return percentages;
        }

        /** A decimal number as {@link BigDecimal} spells it: no {@code NaN}, {@code Infinity} or hex. */
        private static BigDecimal number(String text, String field) {
            try {
                return new BigDecimal(text.strip());
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(field + ": must be a number, was \"" + text + "\"");
            }
        }
    }
}
