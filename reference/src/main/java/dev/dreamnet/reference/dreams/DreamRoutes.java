package dev.dreamnet.reference.dreams;

import dev.dreamnet.javalin.http.ApiException;
import dev.dreamnet.javalin.http.Json;
import dev.dreamnet.javalin.http.Params;
import dev.dreamnet.core.rollout.Variant;
import dev.dreamnet.reference.rollouts.CanaryFaults;
import dev.dreamnet.javalin.rollouts.RolloutRouting;
import io.javalin.http.ContentType;
import io.javalin.http.Context;
import io.javalin.router.JavalinDefaultRoutingApi;
import dev.dreamnet.runtime.resilience.Downstreams;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.function.Supplier;

/**
 * {@code /api/dreams}: create, list and read dreams. Every input is validated and errors name the
 * field; every database call goes through the {@code database} circuit breaker.
 */
public final class DreamRoutes {

    private static final int DEFAULT_LIMIT = 50;
    private static final int MAX_LIMIT = 500;

    /** The rollout that moves {@code GET /api/dreams/{id}} to its new implementation. */
    public static final String READ_V2_ROLLOUT = "dream-read-v2";

    private final Supplier<DreamStore> store;
    private final Downstreams downstreams;
    private final RolloutRouting rollouts;
    private final CanaryFaults canaryFaults;

    /** {@code store} yields the store once the {@code core} service has started. */
    public DreamRoutes(Supplier<DreamStore> store, Downstreams downstreams, RolloutRouting rollouts,
                       CanaryFaults canaryFaults) {
        this.store = store;
        this.downstreams = downstreams;
        this.rollouts = rollouts;
        this.canaryFaults = canaryFaults;
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
        // Streamed to the client: a full page (up to 500 bodies of 4,000 characters, and six bytes each when
        // escaped) is never held a second time as one JSON string, which ran a 128 MB heap out of memory.
        ctx.contentType(ContentType.APPLICATION_JSON);
        Json.MAPPER.writeValue(ctx.outputStream(), new Page(dreams, dreams.size()));
    }

    /** A page of {@code GET /api/dreams}: newest first; the last id is the next page's {@code before}. */
    public record Page(List<Dream> dreams, int count) {
    }

    private void read(Context ctx) throws Exception {
        if (rollouts.assign(ctx, READ_V2_ROLLOUT) == Variant.CANARY) {
            readV2(ctx);
        } else {
            ctx.json(dreamFromPath(ctx));
        }
    }

    /** The new implementation under rollout {@value #READ_V2_ROLLOUT}: the dream and the agents that processed it. */
    private void readV2(Context ctx) throws Exception {
        canaryFaults.apply();
        long id = Params.parse("id", ctx.pathParam("id"), 1, Long.MAX_VALUE);
        DreamStore.DreamWithAgents found = database(() -> store.get().findWithAgents(id))
                .orElseThrow(() -> ApiException.notFound("no dream with id " + id));
        Dream dream = found.dream();
        ctx.json(new DreamV2(dream.id(), dream.title(), dream.body(), dream.createdAt(), found.processedBy()));
    }

    /** Version 2 of a dream's representation: as version 1, plus which agents have processed it. */
    public record DreamV2(long id, String title, String body, java.time.Instant createdAt, List<String> processedBy) {
    }
}
