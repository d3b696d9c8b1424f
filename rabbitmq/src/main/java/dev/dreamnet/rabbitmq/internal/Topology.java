package dev.dreamnet.rabbitmq.internal;

import dev.dreamnet.core.queue.QueueDriftException;
import dev.dreamnet.core.queue.QueueSetting;
import dev.dreamnet.core.queue.QueueSpec;
import dev.dreamnet.core.queue.QueueType;
import dev.dreamnet.core.time.DurationSyntax;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The broker objects of one queue: the work queue, its dead-letter queue bound to the
 * {@value #DLX} exchange, and a retry queue where failed messages wait out the redelivery delay
 * (its message TTL) before the broker dead-letters them back to the work queue. Stateless.
 */
public final class Topology {

    /** The direct exchange dead letters go through, routed by the dead-letter queue's name. */
    public static final String DLX = "dreamnet.dlx";
    /** The suffix of a queue's retry queue. */
    public static final String RETRY_SUFFIX = ".retry";

    private Topology() {
    }

    public static String retryQueue(QueueSpec spec) {
        return spec.name() + RETRY_SUFFIX;
    }

    /** The work queue's arguments; a quorum queue also has the broker count deliveries. */
    public static Map<String, Object> workArguments(QueueSpec spec) {
        Map<String, Object> arguments = new LinkedHashMap<>();
        arguments.put("x-queue-type", spec.type().label());
        arguments.put("x-dead-letter-exchange", DLX);
        arguments.put("x-dead-letter-routing-key", spec.deadLetterQueue());
        if (spec.type() == QueueType.QUORUM) {
            // A backstop for consumers that keep dying: attempts beyond maxAttempts are dead-lettered by the consumer.
            arguments.put("x-delivery-limit", spec.maxAttempts());
            arguments.put("x-dead-letter-strategy", "at-least-once");
            arguments.put("x-overflow", "reject-publish");
        }
        return arguments;
    }

    /** The retry queue's arguments: always classic, holding each message for the redelivery delay. */
    public static Map<String, Object> retryArguments(QueueSpec spec) {
        Map<String, Object> arguments = new LinkedHashMap<>();
        arguments.put("x-queue-type", QueueType.CLASSIC.label());
        arguments.put("x-message-ttl", spec.redeliveryDelay().toMillis());
        arguments.put("x-dead-letter-exchange", "");
        arguments.put("x-dead-letter-routing-key", spec.name());
        return arguments;
    }

    public static Map<String, Object> deadLetterArguments(QueueSpec spec) {
        Map<String, Object> arguments = new LinkedHashMap<>();
        arguments.put("x-queue-type", spec.type().label());
        return arguments;
    }

    /** A difference the broker reported on {@code queue}, in the words of the configuration file. */
    public static QueueDriftException.Difference difference(QueueSpec spec, String queue, Inequivalence found) {
        String held = found.held() == null ? "none" : found.held();
        String declared = found.declared() == null ? "none" : found.declared();
        if (queue.equals(spec.name())) {
            switch (found.argument()) {
                case "x-queue-type":
                    return new QueueDriftException.Difference(QueueSetting.TYPE.label(), held, declared);
                case "x-delivery-limit":
                    return new QueueDriftException.Difference(QueueSetting.MAX_ATTEMPTS.label(), held, declared);
                case "x-dead-letter-routing-key":
                    return new QueueDriftException.Difference(QueueSetting.DEAD_LETTER_QUEUE.label(), held, declared);
                default:
                    break;
            }
        } else if (queue.equals(retryQueue(spec)) && "x-message-ttl".equals(found.argument())) {
            return new QueueDriftException.Difference(QueueSetting.REDELIVERY_DELAY.label(), millis(held), millis(declared));
        }
        String where = queue.equals(spec.name()) ? "" : " of " + (queue.equals(spec.deadLetterQueue())
                ? "dead-letter queue" : "retry queue") + " \"" + queue + "\"";
        return new QueueDriftException.Difference("argument " + found.argument() + where, held, declared);
    }

    private static String millis(String value) {
        try {
            return DurationSyntax.format(Duration.ofMillis(Long.parseLong(value)));
        } catch (NumberFormatException e) {
            return value;
        }
    }
}
