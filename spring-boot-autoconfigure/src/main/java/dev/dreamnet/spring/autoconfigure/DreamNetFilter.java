package dev.dreamnet.spring.autoconfigure;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
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
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.util.AntPathMatcher;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.servlet.HandlerMapping;

/**
 * DreamNet on the application's requests, before any of its handlers: counts each request in flight (so shutdown can
 * drain it), refuses application routes with 503 and {@code Retry-After} until the service is ready and again while it
 * drains, refuses writes under WRITE_DRAIN and routes whose flag is off, and records each request's latency and status
 * under its route template ({@code GET /api/products/{id}}; {@code GET unmatched} when none matched). The actuator's
 * paths are never refused nor counted as traffic. Thread-safe.
 */
public final class DreamNetFilter extends OncePerRequestFilter {

    static final String RETRY_AFTER_SECONDS = "5";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Set<String> WRITES = Set.of("POST", "PUT", "PATCH", "DELETE");
    /** The application's operator routes, by convention: never refused by WRITE_DRAIN. */
    private static final String ADMIN = "/api/admin/";

    private final ServiceState state;
    private final InFlight inFlight;
    private final FlagService flags;
    private final RequestMetrics metrics;
    private final Clock clock;
    private final String actuator;
    private final DreamNetProperties.Web web;
    private final AntPathMatcher paths = new AntPathMatcher();

    public DreamNetFilter(ServiceState state, InFlight inFlight, FlagService flags, RequestMetrics metrics, Clock clock,
                          String actuatorBasePath, DreamNetProperties.Web web) {
        this.state = state;
        this.inFlight = inFlight;
        this.flags = flags;
        this.metrics = metrics;
        this.clock = clock;
        this.actuator = actuatorBasePath.endsWith("/") ? actuatorBasePath : actuatorBasePath + "/";
        this.web = web;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        if (path.startsWith(actuator) || path.equals(actuator.substring(0, actuator.length() - 1))) {
            chain.doFilter(request, response);
            return;
        }
        long started = clock.nanoTime();
        // Counted before readiness is read, so a drain that begins now either waits for this request or refuses it.
        inFlight.enter();
        try {
            if (admitted(request, response, path)) {
                chain.doFilter(request, response);
            }
        } finally {
            inFlight.exit();
            metrics.record(route(request), response.getStatus(), clock.nanoTime() - started);
        }
    }

    private boolean admitted(HttpServletRequest request, HttpServletResponse response, String path)
            throws IOException {
        ServiceState.Readiness readiness = state.readiness();
        if (!readiness.ready() && !matchesAny(web.ungated(), path, true)) {
            refuse(response, "not ready", readiness.reason());
            return false;
        }
        if (WRITES.contains(request.getMethod()) && !path.startsWith(ADMIN) && !matchesAny(web.notWrites(), path, false)
                && flags.killSwitches().writeDrain()) {
            refuse(response, "writes paused", "writes are paused (WRITE_DRAIN is on); reads keep working");
            return false;
        }
        for (Map.Entry<String, List<String>> bound : web.routeFlags().entrySet()) {
            if (matchesAny(bound.getValue(), path, false) && !flags.allows(bound.getKey())) {
                refuse(response, "feature off", "flag " + bound.getKey() + " is off ("
                        + flags.snapshot().explain(bound.getKey()).rule() + ")");
                return false;
            }
        }
        return true;
    }

    private boolean matchesAny(List<String> patterns, String path, boolean prefixes) {
        for (String pattern : patterns) {
            if (prefixes ? path.startsWith(pattern) : paths.match(pattern, path)) {
                return true;
            }
        }
        return false;
    }

    private static void refuse(HttpServletResponse response, String error, String detail) throws IOException {
        response.setStatus(503);
        response.setHeader("Retry-After", RETRY_AFTER_SECONDS);
        response.setContentType("application/json");
        response.getOutputStream().write(errorBody(error, detail));
    }

    private static String route(HttpServletRequest request) {
        Object pattern = request.getAttribute(HandlerMapping.BEST_MATCHING_PATTERN_ATTRIBUTE);
        return request.getMethod() + " " + (pattern == null ? "unmatched" : pattern);
    }

    /** {@code {"error": ..., "detail": ...}}, the body of every refusal the starter answers itself. */
    static byte[] errorBody(String error, String detail) {
        try {
            return JSON.writeValueAsBytes(JSON.createObjectNode().put("error", error).put("detail", detail));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("two strings could not be written as JSON", e);
        }
    }
}
