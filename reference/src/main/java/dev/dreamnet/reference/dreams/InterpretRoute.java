package dev.dreamnet.reference.dreams;

import dev.dreamnet.core.breaker.CallNotPermittedException;
import dev.dreamnet.core.overload.LocallyRejectedException;
import dev.dreamnet.core.retry.RetriesExhaustedException;
import dev.dreamnet.core.retry.RetryAfterException;
import dev.dreamnet.runtime.flags.FlagService;
import dev.dreamnet.reference.provider.ProviderClient;
import dev.dreamnet.reference.provider.ProviderRejectedException;
import dev.dreamnet.reference.provider.ProviderUnavailableException;
import dev.dreamnet.runtime.resilience.Downstreams;
import io.javalin.http.Context;
import io.javalin.router.JavalinDefaultRoutingApi;
import java.util.function.Supplier;

/**
 * {@code POST /api/dreams/{id}/interpret}: asks the external provider to interpret a dream through
 * the {@code provider} breaker and retry policy, hedged when {@code config/resilience.yaml} says so (an
 * interpretation changes nothing anywhere, so asking twice is safe). When the provider fails, its breaker is
 * open or its throttle or bulkhead refuses the call, the declared fallback answers instead, 200 with {@code "source": "fallback"} and the reason; so it
 * does, without calling out, under SAFE_MODE or when the {@code llm.calls} or
 * {@code dreams.interpretation} flag is off (a brownout sheds both).
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
    private final FlagService flags;

    public InterpretRoute(DreamRoutes dreams, Supplier<ProviderClient> provider, Downstreams downstreams,
                          FlagService flags) {
        this.dreams = dreams;
        this.provider = provider;
        this.downstreams = downstreams;
        this.flags = flags;
    }

    public void register(JavalinDefaultRoutingApi routes) {
        routes.post("/api/dreams/{id}/interpret", this::interpret);
    }

    private void interpret(Context ctx) throws Exception {
        Dream dream = dreams.dreamFromPath(ctx);
        String refused = refusal();
        if (refused != null) {
            fallback(ctx, dream, refused);
            return;
        }
        try {
            String text = downstreams.hedged(Downstreams.PROVIDER,
                    timeLeft -> provider.get().interpret(dream.title(), dream.body(), timeLeft));
            ctx.json(new Interpretation(dream.id(), text, "provider", null));
        } catch (CallNotPermittedException | LocallyRejectedException | RetriesExhaustedException
                 | RetryAfterException | ProviderUnavailableException | ProviderRejectedException e) {
            fallback(ctx, dream, e.getMessage());
        }
    }

    /** Why the provider must not be called at all right now, or null. */
    private String refusal() {
        if (flags.killSwitches().safeMode()) {
            return "SAFE_MODE is on: external calls are refused";
        }
        for (String flag : new String[] {"llm.calls", "dreams.interpretation"}) {
            if (!flags.allows(flag)) {
                return "flag " + flag + " is off (" + flags.snapshot().explain(flag).rule() + ")";
            }
        }
        return null;
    }

    private static void fallback(Context ctx, Dream dream, String reason) {
        ctx.header("X-Dreamnet-Fallback", "provider");
        ctx.json(new Interpretation(dream.id(), FALLBACK, "fallback", reason));
    }
}
