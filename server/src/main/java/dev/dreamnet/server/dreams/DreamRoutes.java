package dev.dreamnet.server.dreams;

import dev.dreamnet.server.http.ApiException;
import dev.dreamnet.server.http.Json;
import dev.dreamnet.server.http.Params;
import io.javalin.http.Context;
import io.javalin.router.JavalinDefaultRoutingApi;
import dev.dreamnet.server.resilience.Downstreams;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.function.Supplier;

/**
 * {@code /api/dreams}: create, list and read dreams. Every input is validated and errors name the
 * field; every database call goes through the {@code database} circuit breaker.
 */
public final class DreamRoutes {

    private static final int DEFAULT_LIMIT = 50;
    private static final int MAX_LIMIT = 500;

    private final Supplier<DreamStore> store;
    private final Downstreams downstreams;

    /** {@code store} yields the store once the {@code core} service has started. */
    public DreamRoutes(Supplier<DreamStore> store, Downstreams downstreams) {
        this.store = store;
        this.downstreams = downstreams;
    }

    private <T> T database(Callable<T> call) throws Exception {
        return downstreams.call(Downstreams.DATABASE, call);
    }

    /** The dream with the id in the path, or a 400 / 404 naming it. */
    Dream dreamFromPath(Context ctx) throws Exception {
        long id = Params.parse("id", ctx.pathParam("id"), 1, Long.MAX_VALUE);
        return database(() -> store.get().find(id)).orElseThrow(() -> ApiException.notFound("no dream with id " + id));
    }

    public void register(JavalinDefaultRoutingApi routes) {
        routes.post("/api/dreams", this::create);
        routes.get("/api/dreams", this::list);
        routes.get("/api/dreams/{id}", this::read);
    }

    private void create(Context ctx) throws Exception {
        DreamInput input;
        try {
            input = DreamInput.from(Json.body(ctx));
        } catch (IllegalArgumentException e) {
            throw ApiException.badRequest(e.getMessage());
        }
        Dream dream = database(() -> store.get().create(input.title(), input.body()));
        ctx.status(201).header("Location", "/api/dreams/" + dream.id()).json(dream);
    }

    private void list(Context ctx) throws Exception {
        int limit = (int) Params.query(ctx, "limit", DEFAULT_LIMIT, 1, MAX_LIMIT);
        long before = Params.query(ctx, "before", Long.MAX_VALUE, 1, Long.MAX_VALUE);
        List<Dream> dreams = database(() -> store.get().list(limit, before));
        ctx.json(Map.of("dreams", dreams, "count", dreams.size()));
    }

    private void read(Context ctx) throws Exception {
        ctx.json(dreamFromPath(ctx));
    }
}
