package dev.dreamnet.spring.autoconfigure;

import dev.dreamnet.core.overload.ConcurrencyLimiter;
import dev.dreamnet.core.overload.Criticality;
import dev.dreamnet.core.time.Clock;
import dev.dreamnet.runtime.auth.AccessControl;
import dev.dreamnet.runtime.overload.OverloadProtection;
import java.util.Map;
import org.springframework.core.Ordered;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.server.PathContainer;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;
import reactor.core.publisher.SignalType;

/**
 * {@link OverloadInterceptor} for Spring WebFlux ({@code dreamnet.overload}): each request of the application is
 * classified by the route template of {@code overload.yaml} it matches ({@link RouteTemplates}; a WebFlux filter runs
 * before the handler is chosen) and the criticality header, and takes a place under the adaptive limit for its class,
 * or is refused at once with {@code Retry-After: 1} and a JSON reason: 429 {@code shed}, or 503 {@code overloaded}
 * when the whole limit is in use. It never waits for a place ({@code maxWait} does not apply: an event loop must not
 * block). The place is given back when the response completes or fails, its latency a sample for the limit (a 503 or
 * 504 of the application's own is a drop), or when the client cancels, without a sample. The actuator and the
 * application's routes under {@code /api/admin/} and {@code /api/observability/} are never limited. While protection is
 * off it costs one volatile read. Thread-safe.
 */
public final class DreamNetOverloadWebFilter implements WebFilter, Ordered {

    private final OverloadProtection protection;
    private final OverloadRules rules;
    private final ManagementPaths management;
    private final Clock clock;
    private volatile RouteTemplates templates = RouteTemplates.of(Map.of());

    public DreamNetOverloadWebFilter(OverloadProtection protection, AccessControl access, Clock clock,
                                     ManagementPaths management) {
        this.protection = protection;
        this.management = management;
        this.rules = new OverloadRules(protection, access, management);
        this.clock = clock;
    }

    /** After {@link DreamNetWebFilter}, so a request refused here is counted and recorded as the servlet stack does. */
    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE + 101;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        if (!protection.enabled()) {
            return chain.filter(exchange);
        }
        PathContainer path = exchange.getRequest().getPath().pathWithinApplication();
        if (rules.unlimited(DreamNetWebFilter.routedPath(exchange))
                || management.managementServer(exchange.getApplicationContext())) {
            return chain.filter(exchange);
        }
        return Mono.defer(() -> {
            Criticality criticality = classify(exchange.getRequest(), path);
            ConcurrencyLimiter limiter = protection.tryAcquire(criticality);
            if (limiter == null) {
                return refuse(exchange.getResponse(), criticality, protection.refusal(criticality));
            }
            long started = clock.nanoTime();
            return chain.filter(exchange).doFinally(signal -> protection.finished(limiter,
                    clock.nanoTime() - started, outcome(signal, exchange.getResponse().getStatusCode())));
        });
    }

    private Criticality classify(ServerHttpRequest request, PathContainer path) {
        RouteTemplates known = templates;
        Map<String, Criticality> routes = protection.config().routes();
        if (!known.readFrom(routes)) { // overload.yaml was reloaded
            known = RouteTemplates.of(routes);
            templates = known;
        }
        String method = request.getMethod().name();
        String route = known.match(method, path);
        return rules.classify(route == null ? method + " unmatched" : route, request.getHeaders()::getFirst);
    }

    private static Mono<Void> refuse(ServerHttpResponse response, Criticality criticality,
                                     OverloadProtection.Refusal why) {
        response.getHeaders().set("Retry-After", OverloadRules.RETRY_AFTER_SECONDS);
        return DreamNetWebFilter.answer(response, OverloadRules.status(why),
                () -> OverloadRules.body(criticality, why));
    }

    private static OverloadProtection.Outcome outcome(SignalType signal, HttpStatusCode status) {
        if (signal == SignalType.CANCEL) {
            return OverloadProtection.Outcome.IGNORED;
        }
        int code = status == null ? 200 : status.value();
        return code == 503 || code == 504 ? OverloadProtection.Outcome.DROPPED : OverloadProtection.Outcome.SERVED;
    }
}
