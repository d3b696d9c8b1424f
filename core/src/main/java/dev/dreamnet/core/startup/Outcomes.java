package dev.dreamnet.core.startup;

import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;

/** Small helpers to read and describe how a start or stop call ended. Stateless. */
final class Outcomes {

    private static final System.Logger LOG = System.getLogger(StartupDag.class.getName());

    private Outcomes() {
    }

    /** The failure of a finished task, or null if it succeeded. */
    static Throwable errorOf(Future<?> task) {
        try {
            task.get();
            return null;
        } catch (ExecutionException e) {
            return e.getCause();
        } catch (CancellationException e) {
            return e;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return e;
        }
    }

    /** A one-line description: the message, or the exception's simple name when there is none. */
    static String describe(Throwable error) {
        String message = error.getMessage();
        String type = error.getClass().getSimpleName();
        return message == null || message.isBlank() ? type : message;
    }

    static void notify(StartupListener listener, NodeTransition event) {
        try {
            listener.onTransition(event);
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, "startup listener " + listener + " failed on " + event, e);
        }
    }
}
