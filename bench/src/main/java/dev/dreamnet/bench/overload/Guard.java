package dev.dreamnet.bench.overload;

import dev.dreamnet.core.overload.Criticality;
import dev.dreamnet.javalin.http.ApiException;
import io.javalin.http.Context;
import io.javalin.router.JavalinDefaultRoutingApi;

/**
 * A third-party overload guard around the target's {@code /work/*} routes: a before handler that admits the request
 * or throws a 503, an after handler that releases what the before handler took. DreamNet's own protection is not
 * one: the plugin applies it. Implementations are thread-safe.
 */
interface Guard {

    String PATHS = "/work/*";

    /** Admits the request of {@code criticality} or throws the 503 refusal; keeps what it needs on {@code ctx}. */
    void enter(Context ctx, Criticality criticality);

    /** Ends what {@link #enter} admitted; called for every request, admitted or not. */
    void exit(Context ctx);

    /** One line for the target's log: what the guard is and how it is set. */
    String describe();

    default void install(JavalinDefaultRoutingApi routes) {
        routes.before(PATHS, ctx -> enter(ctx, criticality(ctx.path())));
        routes.after(PATHS, this::exit);
    }

    /** The refusal every guard answers with, built once as the plugin's own is. */
    static ApiException refusal(String guard) {
        return new ApiException(503, "overloaded", guard + " refused the request");
    }

    static Criticality criticality(String path) {
        return switch (path) {
            case "/work/critical" -> Criticality.CRITICAL;
            case "/work/sheddable" -> Criticality.SHEDDABLE;
            default -> Criticality.DEFAULT;
        };
    }
}
