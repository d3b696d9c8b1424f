package dev.dreamnet.examples.javalin;

import dev.dreamnet.core.startup.ServiceSpec;
import dev.dreamnet.javalin.DreamNetPlugin;
import dev.dreamnet.runtime.DreamNet;
import io.javalin.Javalin;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.Map;

/**
 * A small product catalog on Javalin 7 with DreamNet added: product reads from memory, prices from a downstream
 * pricing service behind a circuit breaker, and recommendations that brownout turns off. The lines DreamNet adds are
 * marked {@code // DreamNet}. Thread-safe.
 */
public final class CatalogApp {

    private final DreamNet dreamnet;
    private final Javalin http;

    private CatalogApp(DreamNet dreamnet, Javalin http) {
        this.dreamnet = dreamnet;
        this.http = http;
    }

    public static void main(String[] args) throws Exception {
        CatalogApp app = start(CatalogSettings.from(System.getenv()));
        System.out.println("catalog listening on port " + app.port());
    }

    /** Starts the service on {@code settings.port()} (0 for any free port); it answers 503 until pricing is up. */
    public static CatalogApp start(CatalogSettings settings) throws Exception {
        // ---- DreamNet: the set-up added to the Javalin app (8 of its 10 lines; the other two are marked below) ----
        // Not ready until pricing's health check passes: retried for up to 5 minutes at boot, then watched by a gate.
        ServiceSpec pricingUp = ServiceSpec.builder("pricing").kind("http")
                .readiness(Map.of("url", settings.pricingHealth())).retries(100).startTimeout(Duration.ofMinutes(5)).build();
        DreamNet dreamnet = DreamNet.builder().services(pricingUp)
                .resilience(settings.config("resilience.yaml")).flags(settings.config("flags.yaml"))
                .environment(settings.environment()).database(settings.database())
                .build().start();
        Runtime.getRuntime().addShutdownHook(new Thread(dreamnet::shutdown)); // SIGTERM: drain, then stop
        DreamNetPlugin plugin = new DreamNetPlugin(dreamnet, c -> c.flag("GET /api/products/{id}/recommendations", "recommendations"));
        // ---- end of DreamNet's set-up ----

        Products products = Products.sample();
        PricingClient pricing = new PricingClient(settings.pricingUrl(), Duration.ofSeconds(2));
        Javalin http = Javalin.create(config -> {
            config.registerPlugin(plugin); // DreamNet
            config.routes.get("/api/products/{id}", ctx -> ctx.json(products.find(ctx.pathParam("id"))));
            config.routes.get("/api/products/{id}/price", ctx -> {
                String id = products.find(ctx.pathParam("id")).id();
                ctx.json(price(dreamnet, pricing, id));
            });
            config.routes.get("/api/products/{id}/recommendations",
                    ctx -> ctx.json(products.recommendedWith(ctx.pathParam("id"))));
        });
        http.start(settings.host(), settings.port());
        return new CatalogApp(dreamnet, http);
    }

    /** A product's price from the pricing service, or a price-less answer while pricing fails or its breaker is open. */
    static Price price(DreamNet dreamnet, PricingClient pricing, String id) {
        try {
            BigDecimal amount = dreamnet.downstreams().call("pricing", () -> pricing.price(id)); // DreamNet
            return new Price(id, amount, false);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Price.fallback(id);
        } catch (Exception e) {
            return Price.fallback(id);
        }
    }

    public int port() {
        return http.port();
    }

    public DreamNet dreamnet() {
        return dreamnet;
    }

    /**
     * Graceful stop, as SIGTERM does: not ready any more, in-flight requests finish, then the port and the graph
     * close. Idempotent.
     */
    public void stop() {
        dreamnet.shutdown();
    }

    /** What {@code GET /api/products/{id}/price} answers; {@code fallback} is true when pricing did not answer. */
    public record Price(String id, BigDecimal price, boolean fallback) {

        static Price fallback(String id) {
            return new Price(id, null, true);
        }
    }
}
