package dev.dreamnet.reference;

import dev.dreamnet.runtime.kinds.Kinds;
import io.javalin.router.JavalinDefaultRoutingApi;

/**
 * How an embedding application adds its own pieces to the server: components that the startup
 * graph names by kind, and routes that the traffic gate, in-flight tracking and error handling
 * cover like the built-in ones.
 */
public interface Customizer {

    /** Registers application components by kind name. */
    default void components(Kinds kinds) {
    }

    /** Adds routes; they answer 503 until the service is ready. */
    default void routes(JavalinDefaultRoutingApi routes) {
    }

    /** Adds nothing. */
    static Customizer none() {
        return new Customizer() { };
    }
}
