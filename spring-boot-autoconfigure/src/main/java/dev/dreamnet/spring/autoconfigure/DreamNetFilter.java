package dev.dreamnet.spring.autoconfigure;

import dev.dreamnet.core.metrics.RequestMetrics;
import dev.dreamnet.core.time.Clock;
import dev.dreamnet.runtime.InFlight;
import dev.dreamnet.runtime.ServiceState;
import dev.dreamnet.runtime.flags.FlagService;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.servlet.HandlerMapping;
import org.springframework.web.util.UrlPathHelper;

/**
 * DreamNet on the application's requests, before any of its handlers: counts each request in flight (so shutdown can
 * drain it), refuses application routes with 503 and {@code Retry-After} until the service is ready and again while it
 * drains, refuses writes under WRITE_DRAIN and routes whose flag is off, and records each request's latency and status
 * under its route template ({@code GET /api/products/{id}}; {@code GET unmatched} when none matched). The actuator's
 * paths are never refused nor counted as traffic. Thread-safe.
 */
public final class DreamNetFilter extends OncePerRequestFilter {

    private static final String ROUTED_PATH = DreamNetFilter.class.getName() + ".routedPath";

    private final InFlight inFlight;
    private final RequestMetrics metrics;
    private final Clock clock;
    private final TrafficRules rules;

    public DreamNetFilter(ServiceState state, InFlight inFlight, FlagService flags, RequestMetrics metrics, Clock clock,
                          ManagementPaths management, DreamNetProperties.Web web) {
        this.inFlight = inFlight;
        this.metrics = metrics;
        this.clock = clock;
        this.rules = new TrafficRules(state, flags, management, web);
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String path = routedPath(request);
        if (rules.isActuator(path)) {
            chain.doFilter(request, response);
            return;
        }
        long started = clock.nanoTime();
        // Counted before readiness is read, so a drain that begins now either waits for this request or refuses it.
        inFlight.enter();
        try {
            TrafficRules.Refusal refusal = rules.refusal(request.getMethod(), path);
            if (refusal == null) {
                chain.doFilter(request, response);
            } else {
                refuse(response, refusal);
            }
        } finally {
            inFlight.exit();
            long now = clock.nanoTime();
            metrics.record(route(request), response.getStatus(), now - started);
            DreamNetRouting.finished(request, response.getStatus(), now);
        }
    }

    /**
     * The path within the application as Spring MVC routes it: percent-decoded, without {@code ;} parameters and
     * with doubled slashes collapsed, so that {@code /api/x;a=1} or {@code /api/%78} meets the same rules as
     * {@code /api/x}.
     */
    static String routedPath(HttpServletRequest request) {
        // Worked out once a request: the endpoint guard asks first, for writes.
        if (request.getAttribute(ROUTED_PATH) instanceof String path) {
            return path;
        }
        String path = UrlPathHelper.defaultInstance.getPathWithinApplication(request);
        request.setAttribute(ROUTED_PATH, path);
        return path;
    }

    private static void refuse(HttpServletResponse response, TrafficRules.Refusal refusal) throws IOException {
        response.setHeader("Retry-After", TrafficRules.RETRY_AFTER_SECONDS);
        answer(response, 503, refusal.error(), refusal.detail());
    }

    /** Answers {@code status} with the JSON error body of every answer the starter gives itself. */
    static void answer(HttpServletResponse response, int status, String error, String detail) throws IOException {
        response.setStatus(status);
        response.setContentType("application/json");
        response.getOutputStream().write(ErrorBody.of(error, detail));
    }

    /** {@code GET /api/products/{id}}: the method and the route template Spring matched, or {@code unmatched}. */
    static String route(HttpServletRequest request) {
        Object pattern = request.getAttribute(HandlerMapping.BEST_MATCHING_PATTERN_ATTRIBUTE);
        return request.getMethod() + " " + (pattern == null ? "unmatched" : pattern);
    }
}
