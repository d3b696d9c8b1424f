package dev.dreamnet.core.queue;

import dev.dreamnet.core.time.DurationSyntax;
import java.util.function.Function;

/** One setting of a {@link QueueSpec}, as drift errors name it and show its value. */
public enum QueueSetting {
    DEAD_LETTER_QUEUE("deadLetterQueue", spec -> spec.deadLetterQueue()),
    MAX_ATTEMPTS("maxAttempts", spec -> Integer.toString(spec.maxAttempts())),
    REDELIVERY_DELAY("redeliveryDelay", spec -> DurationSyntax.format(spec.redeliveryDelay())),
    VISIBILITY_TIMEOUT("visibilityTimeout", spec -> DurationSyntax.format(spec.visibilityTimeout())),
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
}
