package dev.dreamnet.core.startup;

/**
 * Something the startup graph starts and stops: a connection pool, a schema, a consumer, an HTTP
 * listener. {@link #start()} may block and must return only when the component is ready to be
 * used, or throw; it is called from a pool thread and should honour interruption, which is how a
 * timed-out attempt is cancelled. A failed start must clean up after itself.
 */
public interface Component {

    /** Starts the component and returns once it is ready; throws if it cannot be made ready. */
    void start() throws Exception;

    /** Releases what {@link #start()} acquired. Called once, only after a successful start. */
    default void stop() throws Exception {
    }
}
