package dev.dreamnet.rabbitmq.internal;

import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.ShutdownSignalException;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the broker's refusal of a declaration whose arguments differ from the existing queue's:
 * {@code PRECONDITION_FAILED - inequivalent arg 'x-delivery-limit' for queue 'q' in vhost '/':
 * received '5' but current is '3'}. Immutable.
 *
 * <p>The broker cuts its reply at 255 characters, so with long names the held value may be lost;
 * it is then {@link #CUT_OFF}.
 *
 * @param argument the argument that differs
 * @param held     its value on the existing queue, null when it has none, {@link #CUT_OFF} when not shown
 * @param heldType the broker's type of the held value ({@code signedint}, {@code longstr}), or null when not said
 * @param declared the value that was declared, or null when none was
 */
public record Inequivalence(String argument, String held, String heldType, String declared) {

    /** The held value when the broker's reply was cut before it. */
    public static final String CUT_OFF = "(cut off in the broker's reply)";

    /** HTTP-like code of the broker's PRECONDITION_FAILED. */
    public static final int PRECONDITION_FAILED = 406;

    private static final Pattern TEXT = Pattern.compile(
            "inequivalent arg '([^']+)' for queue '[^']*' in vhost '[^']*': received (.+) but current is (.+)$");
    private static final Pattern TYPED = Pattern.compile("the value '(.*)' of type '([^']*)'");
    private static final Pattern PLAIN = Pattern.compile("'(.*)'");

    /** The inequivalence {@code signal} reports, if it is one. */
    public static Optional<Inequivalence> of(ShutdownSignalException signal) {
        if (!(signal.getReason() instanceof AMQP.Channel.Close close) || close.getReplyCode() != PRECONDITION_FAILED) {
            return Optional.empty();
        }
        Matcher matcher = TEXT.matcher(close.getReplyText());
        if (!matcher.find()) {
            return Optional.empty();
        }
        String[] held = value(matcher.group(3));
        return Optional.of(new Inequivalence(matcher.group(1), held[0], held[1], value(matcher.group(2))[0]));
    }

    /** The broker's text of why it closed the channel or connection. */
    public static String replyText(ShutdownSignalException signal) {
        if (signal.getReason() instanceof AMQP.Channel.Close close) {
            return close.getReplyText();
        }
        if (signal.getReason() instanceof AMQP.Connection.Close close) {
            return close.getReplyText();
        }
        return String.valueOf(signal.getMessage());
    }

    /** {value, type}: both null for {@code none}. */
    private static String[] value(String text) {
        Matcher typed = TYPED.matcher(text);
        if (typed.matches()) {
            return new String[] {typed.group(1), typed.group(2)};
        }
        Matcher plain = PLAIN.matcher(text);
        if (plain.matches()) {
            return new String[] {plain.group(1), null};
        }
        return text.startsWith("none") ? new String[] {null, null} : new String[] {CUT_OFF, null};
    }
}
