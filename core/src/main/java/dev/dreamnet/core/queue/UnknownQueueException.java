package dev.dreamnet.core.queue;

import dev.dreamnet.core.text.DidYouMean;
import java.util.Collection;

/** A queue name that was never declared; the message suggests the closest declared name. */
public class UnknownQueueException extends QueueException {

    private static final long serialVersionUID = 1L;

    private final String queue;

    public UnknownQueueException(String queue, Collection<String> known) {
        super("unknown queue \"" + queue + "\"" + suggestion(queue, known));
        this.queue = queue;
    }

    public String queue() {
        return queue;
    }

    private static String suggestion(String queue, Collection<String> known) {
        String close = DidYouMean.suggest(queue, known);
        if (!close.isEmpty()) {
            return close;
        }
        return known.isEmpty() ? "; no queue is declared" : "; declared: " + String.join(", ", known);
    }
}
