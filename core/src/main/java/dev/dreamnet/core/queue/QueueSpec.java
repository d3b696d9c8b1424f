package dev.dreamnet.core.queue;

import dev.dreamnet.core.time.DurationSyntax;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * What a queue is: its name, where its dead letters go, how many attempts a message gets and how
 * long between them. Immutable and thread-safe; the constructor validates every setting and names
 * the one that is wrong, so an invalid spec cannot exist.
 *
 * @param name              1 to 120 letters, digits, ".", "_" or "-", starting with a letter or digit
 * @param deadLetterQueue   where messages go after their last failed attempt; {@code <name>.dlq} by default
 * @param maxAttempts       deliveries a message gets before it is dead-lettered, 1 to 1000 (default 5)
 * @param redeliveryDelay   how long a failed message waits before its next attempt, 0 to 1 day (default 5s)
 * @param visibilityTimeout how long a delivered message stays invisible to other consumers before it is
 *                          redelivered, if it is neither acknowledged nor failed: a consumer that died
 *                          (default 30s; the embedded database queue only)
 * @param type              classic or quorum (RabbitMQ only; default classic)
 */
public record QueueSpec(String name, String deadLetterQueue, int maxAttempts, Duration redeliveryDelay,
                        Duration visibilityTimeout, QueueType type) {

    /** The most attempts a queue may allow. */
    public static final int MAX_ATTEMPTS = 1_000;
    /** The longest redelivery delay or visibility timeout: a day. */
    public static final Duration MAX_DURATION = Duration.ofDays(1);
    /** What a name may be; RabbitMQ reserves names starting with {@code amq.}. */
    public static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,127}");
    /** What a name must look like, in words, for error messages. */
    public static final String NAME_RULE = "1 to 128 letters, digits, \".\", \"_\" or \"-\", starting with a letter or digit";
    /** The longest queue name, so that the suffixes of its dead-letter and retry queues still fit. */
    public static final int MAX_NAME_LENGTH = 120;

    public QueueSpec {
        name("name", name);
        if (name.length() > MAX_NAME_LENGTH) {
            throw new IllegalArgumentException("name must be at most " + MAX_NAME_LENGTH
                    + " characters (its dead-letter and retry queues add a suffix), was " + name.length());
        }
        name("deadLetterQueue", deadLetterQueue);
        if (deadLetterQueue.equals(name)) {
            throw new IllegalArgumentException("deadLetterQueue must differ from the queue's name, was \"" + name + "\"");
        }
        if (maxAttempts < 1 || maxAttempts > MAX_ATTEMPTS) {
            throw new IllegalArgumentException("maxAttempts must be between 1 and " + MAX_ATTEMPTS + ", was " + maxAttempts);
        }
        duration("redeliveryDelay", redeliveryDelay, true);
        duration("visibilityTimeout", visibilityTimeout, false);
        Objects.requireNonNull(type, "type must not be null");
    }

    /** A spec for {@code name} with every default: DLQ {@code <name>.dlq}, 5 attempts, 5s apart. */
    public static QueueSpec of(String name) {
        return builder(name).build();
    }

    public static Builder builder(String name) {
        return new Builder(name);
    }

    /** A builder that starts from this spec. */
    public Builder toBuilder() {
        return new Builder(name).deadLetterQueue(deadLetterQueue).maxAttempts(maxAttempts)
                .redeliveryDelay(redeliveryDelay).visibilityTimeout(visibilityTimeout).type(type);
    }

    /**
     * Each of {@code settings} whose value in {@code actual} (what the backend holds) differs from
     * this spec's, in the order given.
     */
    public List<QueueDriftException.Difference> differencesFrom(QueueSpec actual, Collection<QueueSetting> settings) {
        List<QueueDriftException.Difference> differences = new ArrayList<>();
        for (QueueSetting setting : settings) {
            String held = setting.valueIn(actual);
            String declared = setting.valueIn(this);
            if (!held.equals(declared)) {
                differences.add(new QueueDriftException.Difference(setting.label(), held, declared));
            }
        }
        return differences;
    }

    private static void name(String setting, String value) {
        Objects.requireNonNull(value, setting + " must not be null");
        if (!NAME.matcher(value).matches() || value.startsWith("amq.")) {
            throw new IllegalArgumentException(setting + " must be " + NAME_RULE + " (not starting with \"amq.\"), was \""
                    + ErrorText.clip(value) + "\"");
        }
    }

    private static void duration(String setting, Duration value, boolean zeroAllowed) {
        Objects.requireNonNull(value, setting + " must not be null");
        if (value.isNegative() || !zeroAllowed && value.isZero()) {
            throw new IllegalArgumentException(setting + " must be " + (zeroAllowed ? ">= 0" : "> 0") + ", was "
                    + DurationSyntax.format(value));
        }
        if (value.getNano() % 1_000_000 != 0) {
            throw new IllegalArgumentException(setting + " must be whole milliseconds, was " + value);
        }
        if (value.compareTo(MAX_DURATION) > 0) {
            throw new IllegalArgumentException(setting + " must be at most " + DurationSyntax.format(MAX_DURATION) + ", was "
                    + DurationSyntax.format(value));
        }
    }

    /** Builds a {@link QueueSpec}; not thread-safe, use it from one thread. */
    public static final class Builder {
        private final String name;
        private String deadLetterQueue;
        private int maxAttempts = 5;
        private Duration redeliveryDelay = Duration.ofSeconds(5);
        private Duration visibilityTimeout = Duration.ofSeconds(30);
        private QueueType type = QueueType.CLASSIC;

        private Builder(String name) {
            this.name = name;
        }

        /** Where dead letters go; {@code <name>.dlq} when not set. */
        public Builder deadLetterQueue(String queue) {
            this.deadLetterQueue = queue;
            return this;
        }

        public Builder maxAttempts(int attempts) {
            this.maxAttempts = attempts;
            return this;
        }

        public Builder redeliveryDelay(Duration delay) {
            this.redeliveryDelay = delay;
            return this;
        }

        public Builder visibilityTimeout(Duration timeout) {
            this.visibilityTimeout = timeout;
            return this;
        }

        public Builder type(QueueType type) {
            this.type = type;
            return this;
        }

        /** Validates and builds; the message of a failure names the setting and its value. */
        public QueueSpec build() {
            String dlq = deadLetterQueue != null ? deadLetterQueue : name == null ? null : name + ".dlq";
            return new QueueSpec(name, dlq, maxAttempts, redeliveryDelay, visibilityTimeout, type);
        }
    }
}
