package dev.dreamnet.jdbc.migrate.internal;

import dev.dreamnet.jdbc.migrate.MigrationEvent;
import dev.dreamnet.jdbc.migrate.MigrationListener;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Calls a listener so that one that throws is logged and never breaks the run. Stateless. */
public final class Listeners {

    private static final Logger LOG = LoggerFactory.getLogger(Listeners.class);

    private Listeners() {
    }

    public static void tell(MigrationListener listener, MigrationEvent event) {
        try {
            listener.onEvent(event);
        } catch (RuntimeException e) {
            LOG.warn("migration listener failed on {}", event, e);
        }
    }
}
