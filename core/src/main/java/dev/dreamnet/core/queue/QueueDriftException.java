package dev.dreamnet.core.queue;

import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * A queue that already exists with settings other than the declared ones. Nothing was changed:
 * the operator decides whether the configuration or the queue is wrong. The message shows each
 * difference: {@code queue "dream-events": maxAttempts is 3 in the broker, 5 in config/queues.yaml}.
 */
public class QueueDriftException extends QueueException {

    private static final long serialVersionUID = 1L;

    private final String queue;
    private final String heldIn;
    private final String declaredIn;
    private final transient List<Difference> differences;

    /**
     * @param queue       the queue's name
     * @param heldIn      where the existing settings are: {@code "the broker"}, {@code "the database"}
     * @param declaredIn  where the declared settings come from: {@code "config/queues.yaml"}
     * @param differences each differing setting, at least one
     */
    public QueueDriftException(String queue, String heldIn, String declaredIn, List<Difference> differences) {
        super(message(queue, heldIn, declaredIn, differences));
        this.queue = queue;
        this.heldIn = heldIn;
        this.declaredIn = declaredIn;
        this.differences = List.copyOf(differences);
    }

    /** The same drift, saying the declared settings come from {@code source} (a file name, say). */
    public QueueDriftException declaredIn(String source) {
        return new QueueDriftException(queue, heldIn, source, differences);
    }

    public String queue() {
        return queue;
    }

    public List<Difference> differences() {
        return differences;
    }

    private static String message(String queue, String heldIn, String declaredIn, List<Difference> differences) {
        if (differences.isEmpty()) {
            throw new IllegalArgumentException("differences must not be empty");
        }
        return "queue \"" + queue + "\": " + differences.stream()
                .map(d -> d.setting() + " is " + d.held() + " in " + heldIn + ", " + d.declared() + " in " + declaredIn)
                .collect(Collectors.joining("; ")) + " (nothing was changed)";
    }

    /**
     * One setting that differs.
     *
     * @param setting  its name in the configuration file: {@code maxAttempts}
     * @param held     its value where the queue exists
     * @param declared its value in the declaration
     */
    public record Difference(String setting, String held, String declared) {
        public Difference {
            Objects.requireNonNull(setting, "setting");
            Objects.requireNonNull(held, "held");
            Objects.requireNonNull(declared, "declared");
        }
    }
}
