package dev.dreamnet.spring.autoconfigure;

import dev.dreamnet.core.metrics.RequestMetrics;
import dev.dreamnet.core.time.Clock;
import dev.dreamnet.runtime.InFlight;
import dev.dreamnet.runtime.ServiceState;
import dev.dreamnet.runtime.flags.FlagService;
import java.util.function.Supplier;
import org.springframework.core.Ordered;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.server.PathContainer;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.web.reactive.HandlerMapping;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;
import reactor.core.publisher.SignalType;

/**
 * {@link DreamNetFilter} for Spring WebFlux: counts each request of the application in flight from subscription until
 * its response completes, fails or is cancelled (so shutdown drains it), refuses with the same 503s (not ready,
 * WRITE_DRAIN, a route whose flag is off), and records latency and status under the route template, and on the side
 * of a rollout {@link DreamNetReactiveRouting} gave it. Thread-safe.
 */
public final class DreamNetWebFilter implements WebFilter, Ordered {

    private static final String ROUTED_PATH = DreamNetWebFilter.class.getName() + ".routedPath";

    private final InFlight inFlight;
    private final RequestMetrics metrics;
    private final Clock clock;
    private final TrafficRules rules;
    private final ManagementPaths management;

    public DreamNetWebFilter(ServiceState state, InFlight inFlight, FlagService flags, RequestMetrics metrics,
                             Clock clock, ManagementPaths management, DreamNetProperties.Web web) {
        this.inFlight = inFlight;
        this.metrics = metrics;
        this.clock = clock;
        this.management = management;
        this.rules = new TrafficRules(state, flags, management, web);
    }

    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE + 100;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        String path = routedPath(exchange);
        if (rules.isActuator(path) || management.managementServer(exchange.getApplicationContext())) {
            return chain.filter(exchange);
        }
        return Mono.defer(() -> {
            long started = clock.nanoTime();
            // Counted before readiness is read, as in the servlet filter.
            inFlight.enter();
            TrafficRules.Refusal refusal = rules.refusal(exchange.getRequest().getMethod().name(), path);
            Mono<Void> handled = refusal == null ? chain.filter(exchange) : refuse(exchange.getResponse(), refusal);
            return handled.doFinally(signal -> {
                inFlight.exit();
                int status = status(exchange, signal);
                long now = clock.nanoTime();
                metrics.record(route(exchange), status, now - started);
                if (signal != SignalType.CANCEL) { // the client went away: no evidence for either side of a rollout
                    DreamNetReactiveRouting.finished(exchange, status, now);
                }
            });
        });
    }

    /** {@link #routedPath(PathContainer)} of {@code exchange}'s path, decoded once and kept on the exchange. */
    static String routedPath(ServerWebExchange exchange) {
        String routed = exchange.getAttribute(ROUTED_PATH);
        if (routed == null) {
            routed = routedPath(exchange.getRequest().getPath().pathWithinApplication());
            exchange.getAttributes().put(ROUTED_PATH, routed);
        }
        return routed;
    }

    /**
     * The path as WebFlux routes it: each segment percent-decoded and without its {@code ;} parameters, so that
     * {@code /api/x;a=1} or {@code /api/%78} meets the same rules as {@code /api/x}.
     */
    static String routedPath(PathContainer path) {
        StringBuilder routed = new StringBuilder();
        for (PathContainer.Element element : path.elements()) {
            routed.append(element instanceof PathContainer.PathSegment segment ? segment.valueToMatch() : "/");
        }
        return routed.toString();
    }

    private static Mono<Void> refuse(ServerHttpResponse response, TrafficRules.Refusal refusal) {
        response.getHeaders().set("Retry-After", TrafficRules.RETRY_AFTER_SECONDS);
        return answer(response, 503, () -> ErrorBody.of(refusal.error(), refusal.detail()));
    }

    /**
     * Answers {@code status} with the JSON {@code body}, made when the response is written: every answer the starter's
     * web filters give themselves, as {@link DreamNetFilter#answer} under Spring MVC.
     */
    static Mono<Void> answer(ServerHttpResponse response, int status, Supplier<byte[]> body) {
        response.setStatusCode(HttpStatusCode.valueOf(status));
        response.getHeaders().setContentType(MediaType.APPLICATION_JSON);
        return response.writeWith(Mono.fromSupplier(() -> response.bufferFactory().wrap(body.get())));
    }

    /** An error not yet turned into a response counts as the 500 WebFlux will answer with. */
    private static int status(ServerWebExchange exchange, SignalType signal) {
        var status = exchange.getResponse().getStatusCode();
        if (signal == SignalType.ON_ERROR && (status == null || !status.isError())) {
            return 500;
        }
        return status == null ? 200 : status.value();
    }

    /** The route template that served {@code exchange} ({@code GET /api/products/{id}}), as metrics name it. */
    static String route(ServerWebExchange exchange) {
        Object pattern = exchange.getAttribute(HandlerMapping.BEST_MATCHING_PATTERN_ATTRIBUTE);
        if (pattern == null) {
            pattern = exchange.getAttribute(RouterFunctions.MATCHING_PATTERN_ATTRIBUTE);
        }
        return exchange.getRequest().getMethod().name() + " " + (pattern == null ? "unmatched" : pattern);
    }
}
