package dev.dreamnet.config.queues;

import dev.dreamnet.config.internal.Text;
import dev.dreamnet.config.yaml.ConfigException;
import dev.dreamnet.config.yaml.Problems;
import dev.dreamnet.config.yaml.Section;
import dev.dreamnet.config.yaml.YamlDocument;
import dev.dreamnet.core.queue.QueueSpec;
import dev.dreamnet.core.queue.QueueType;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Loads {@code config/queues.yaml}: under {@code queues}, each queue's {@code deadLetterQueue},
 * {@code maxAttempts}, {@code redeliveryDelay}, {@code visibilityTimeout} and {@code type}, each
 * optional with {@link QueueSpec}'s defaults. Every problem is reported at once, one line each, as
 * {@code file:line: path: what is wrong}; nothing but a {@link ConfigException} leaves, whatever
 * the input. Stateless and thread-safe.
 */
public final class QueuesFile {

    private static final List<String> TOP_KEYS = List.of("queues");
    private static final List<String> QUEUE_KEYS =
            List.of("deadLetterQueue", "maxAttempts", "redeliveryDelay", "visibilityTimeout", "type");

    private QueuesFile() {
    }

    /**
     * Reads and validates the file at {@code file}; problems name it as given.
     *
     * @throws ConfigException listing every problem found, including a file that cannot be read
     */
    public static List<QueueSpec> load(Path file) throws ConfigException {
        return read(YamlDocument.load(file));
    }

    /**
     * Validates YAML text that came from {@code source}, which every problem names.
     *
     * @throws ConfigException listing every problem found
     */
    public static List<QueueSpec> parse(String source, String yaml) throws ConfigException {
        return read(YamlDocument.parse(source, yaml));
    }

    private static List<QueueSpec> read(YamlDocument document) throws ConfigException {
        Problems problems = new Problems(document);
        Section root = Section.root(document, problems);
        root.allowOnly(TOP_KEYS);
        Section queues = root.section("queues");
        if (root.require("queues") && queues.isPresent() && queues.keys().isEmpty()) {
            queues.problem("must name at least one queue");
        }
        List<QueueSpec> specs = new ArrayList<>();
        for (String name : queues.keys()) {
            queue(queues, name).ifPresent(specs::add);
        }
        Set<String> names = specs.stream().map(QueueSpec::name).collect(Collectors.toSet());
        for (QueueSpec spec : specs) {
            if (names.contains(spec.deadLetterQueue())) {
                queues.section(spec.name()).problem("deadLetterQueue", Text.quote(spec.deadLetterQueue())
                        + " is also declared as a queue; a dead-letter queue is not a work queue");
            }
        }
        problems.throwIfAny();
        return List.copyOf(specs);
    }

    private static Optional<QueueSpec> queue(Section queues, String name) {
        if (!QueueSpec.NAME.matcher(name).matches() || name.startsWith("amq.")
                || name.length() > QueueSpec.MAX_NAME_LENGTH) {
            queues.problem(name, "a queue name is 1 to 120 letters, digits, \".\", \"_\" or \"-\", starting with a "
                    + "letter or digit, and not with \"amq.\"");
            return Optional.empty();
        }
        Section queue = queues.section(name);
        if (!queue.isPresent()) {
            return Optional.empty();
        }
        queue.allowOnly(QUEUE_KEYS);
        QueueSpec.Builder builder = QueueSpec.builder(name);
        boolean valid = read(queue, "deadLetterQueue", deadLetterQueue(queue), builder::deadLetterQueue)
                & read(queue, "maxAttempts", queue.integer("maxAttempts", 1, QueueSpec.MAX_ATTEMPTS), builder::maxAttempts)
                & read(queue, "redeliveryDelay", queue.duration("redeliveryDelay", QueueSpec.MAX_DURATION),
                        builder::redeliveryDelay)
                & read(queue, "visibilityTimeout", queue.duration("visibilityTimeout", QueueSpec.MAX_DURATION),
                        builder::visibilityTimeout)
                & read(queue, "type", queue.enumValue("type", QueueType.class), builder::type);
        if (!valid) {
            return Optional.empty();
        }
        try {
            return Optional.of(builder.build());
        } catch (IllegalArgumentException e) {
            queue.problem(e.getMessage());
            return Optional.empty();
        }
    }

    /** Applies a value that was read; false if the setting is there but wrong (a problem is recorded). */
    private static <T> boolean read(Section queue, String key, Optional<T> value, java.util.function.Consumer<T> apply) {
        value.ifPresent(apply);
        return value.isPresent() || !queue.has(key);
    }

    private static Optional<String> deadLetterQueue(Section queue) {
        return queue.string("deadLetterQueue").filter(dlq -> {
            boolean valid = QueueSpec.NAME.matcher(dlq).matches() && !dlq.startsWith("amq.");
            if (!valid) {
                queue.problem("deadLetterQueue", "must be " + QueueSpec.NAME_RULE + ", and not start with \"amq.\", "
                        + "was " + Text.quote(dlq));
            }
            return valid;
        });
    }
}
