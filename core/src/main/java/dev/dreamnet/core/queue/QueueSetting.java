package dev.dreamnet.core.queue;

import java.time.Duration;
import java.util.function.Function;

/** One setting of a {@link QueueSpec}, as drift errors name it and show its value. */
public enum QueueSetting {
    DEAD_LETTER_QUEUE("deadLetterQueue", spec -> spec.deadLetterQueue()),
    MAX_ATTEMPTS("maxAttempts", spec -> Integer.toString(spec.maxAttempts())),
    REDELIVERY_DELAY("redeliveryDelay", spec -> format(spec.redeliveryDelay())),
    VISIBILITY_TIMEOUT("visibilityTimeout", spec -> format(spec.visibilityTimeout())),
    TYPE("type", spec -> spec.type().label());

    private final String label;
    private final Function<QueueSpec, String> value;

    QueueSetting(String label, Function<QueueSpec, String> value) {
        this.label = label;
        this.value = value;
    }

    /** The setting's name in {@code config/queues.yaml}: {@code maxAttempts}. */
    public String label() {
        return label;
    }

    /** The setting's value in {@code spec}, as the configuration file writes it: {@code 5}, {@code 30s}. */
    public String valueIn(QueueSpec spec) {
        return value.apply(spec);
    }

    /** {@code 1h}, {@code 90s}, {@code 1500ms}: the largest exact unit, as configuration files write it. */
    public static String format(Duration duration) {
        if (duration.getNano() % 1_000_000 != 0 || duration.isNegative()) {
            return duration.toString();
        }
        long millis = duration.toMillis();
        if (millis != 0 && millis % 86_400_000 == 0) {
            return millis / 86_400_000 + "d";
        }
        if (millis != 0 && millis % 3_600_000 == 0) {
            return millis / 3_600_000 + "h";
        }
        if (millis != 0 && millis % 60_000 == 0) {
            return millis / 60_000 + "m";
        }
        return millis % 1_000 == 0 ? millis / 1_000 + "s" : millis + "ms";
    }
}
