package dev.dreamnet.rabbitmq.internal;

import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.GetResponse;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The headers a message carries between attempts: how many it has had ({@value #ATTEMPTS}), why
 * the last failed ({@value #LAST_ERROR}), and on a dead letter the queue it came from and when.
 * A quorum queue adds {@code x-delivery-count}: the deliveries that ended without an outcome
 * (a consumer died). Stateless.
 */
public final class Headers {

    public static final String ATTEMPTS = "x-dreamnet-attempts";
    public static final String LAST_ERROR = "x-dreamnet-last-error";
    public static final String QUEUE = "x-dreamnet-queue";
    public static final String DEAD_LETTERED_AT = "x-dreamnet-dead-lettered-at";
    static final String DELIVERY_COUNT = "x-delivery-count";

    private Headers() {
    }

    /** Which attempt this delivery is: failed attempts recorded, plus deliveries the broker counted, plus one. */
    public static int attempt(GetResponse response) {
        Map<String, Object> headers = headers(response.getProps());
        return number(headers.get(ATTEMPTS)) + number(headers.get(DELIVERY_COUNT)) + 1;
    }

    /** The message's id: the one it was published with, else the delivery tag. */
    public static String id(GetResponse response) {
        String id = response.getProps().getMessageId();
        return id != null ? id : "tag-" + response.getEnvelope().getDeliveryTag();
    }

    /** The properties of a message going back for another attempt, or to the dead letters. */
    public static AMQP.BasicProperties next(AMQP.BasicProperties properties, int attempts, String lastError,
                                            Map<String, Object> extra) {
        Map<String, Object> headers = new HashMap<>(headers(properties));
        headers.remove(DELIVERY_COUNT);
        headers.put(ATTEMPTS, attempts);
        headers.put(LAST_ERROR, lastError);
        headers.putAll(extra);
        return properties.builder().headers(headers).deliveryMode(2).build();
    }

    /** The queue a dead letter came from: the header the consumer wrote, else the broker's first death. */
    public static String origin(AMQP.BasicProperties properties) {
        Map<String, Object> headers = headers(properties);
        Object queue = headers.getOrDefault(QUEUE, headers.get("x-first-death-queue"));
        return queue == null ? "" : queue.toString();
    }

    public static String lastError(AMQP.BasicProperties properties) {
        Map<String, Object> headers = headers(properties);
        Object error = headers.get(LAST_ERROR);
        if (error != null) {
            return error.toString();
        }
        Object reason = headers.get("x-first-death-reason");
        return reason == null ? "unknown" : "dead-lettered by the broker: " + reason
                + ("delivery_limit".equals(reason.toString()) ? " (its consumers kept dying)" : "");
    }

    public static int attempts(AMQP.BasicProperties properties) {
        return number(headers(properties).get(ATTEMPTS));
    }

    public static Instant deadLetteredAt(AMQP.BasicProperties properties) {
        Object at = headers(properties).get(DEAD_LETTERED_AT);
        return at instanceof Number millis ? Instant.ofEpochMilli(millis.longValue()) : Instant.EPOCH;
    }

    private static Map<String, Object> headers(AMQP.BasicProperties properties) {
        return properties.getHeaders() == null ? Map.of() : properties.getHeaders();
    }

    private static int number(Object value) {
        if (value instanceof Number number) {
            return number.intValue();
        }
        if (value instanceof List<?> list) {
            return list.size();
        }
        return 0;
    }
}
