package dev.dreamnet.server.dreams;

import dev.dreamnet.core.breaker.CallNotPermittedException;
import dev.dreamnet.core.retry.RetriesExhaustedException;
import dev.dreamnet.core.retry.RetryAfterException;
import dev.dreamnet.server.provider.ProviderClient;
import dev.dreamnet.server.provider.ProviderRejectedException;
import dev.dreamnet.server.provider.ProviderUnavailableException;
import dev.dreamnet.server.resilience.Downstreams;
import io.javalin.http.Context;
import io.javalin.router.JavalinDefaultRoutingApi;
import java.util.function.Supplier;

/**
 * {@code POST /api/dreams/{id}/interpret}: asks the external provider to interpret a dream through
 * the {@code provider} breaker and retry policy. When the provider fails or its breaker is open,
 * the declared fallback answers instead, 200 with {@code "source": "fallback"} and the reason.
 */
public final class InterpretRoute {

    static final String FALLBACK = "Interpretations are unavailable right now; your dream is saved and can be "
            + "interpreted later.";

    /** The response: where the interpretation came from, and why the fallback answered if it did. */
    public record Interpretation(long dreamId, String interpretation, String source, String reason) {
    }

    private final DreamRoutes dreams;
    private final Supplier<ProviderClient> provider;
    private final Downstreams downstreams;

    public InterpretRoute(DreamRoutes dreams, Supplier<ProviderClient> provider, Downstreams downstreams) {
        this.dreams = dreams;
        this.provider = provider;
        this.downstreams = downstreams;
    }

    public void register(JavalinDefaultRoutingApi routes) {
        routes.post("/api/dreams/{id}/interpret", this::interpret);
    }

    private void interpret(Context ctx) throws Exception {
        Dream dream = dreams.dreamFromPath(ctx);
        try {
            String text = downstreams.callWithin(Downstreams.PROVIDER,
                    timeLeft -> provider.get().interpret(dream.title(), dream.body(), timeLeft));
            ctx.json(new Interpretation(dream.id(), text, "provider", null));
        } catch (CallNotPermittedException | RetriesExhaustedException | RetryAfterException
                 | ProviderUnavailableException | ProviderRejectedException e) {
            ctx.header("X-Dreamnet-Fallback", "provider");
            ctx.json(new Interpretation(dream.id(), FALLBACK, "fallback", e.getMessage()));
        }
    }
}
