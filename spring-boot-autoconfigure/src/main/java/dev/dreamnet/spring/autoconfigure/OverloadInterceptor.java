package dev.dreamnet.spring.autoconfigure;

import dev.dreamnet.core.overload.ConcurrencyLimiter;
import dev.dreamnet.core.overload.Criticality;
import dev.dreamnet.core.time.Clock;
import dev.dreamnet.runtime.auth.AccessControl;
import dev.dreamnet.runtime.overload.OverloadProtection;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;
import org.springframework.web.servlet.AsyncHandlerInterceptor;

/**
 * Puts the application's Spring MVC routes behind DreamNet's {@link OverloadProtection} ({@code dreamnet.overload}):
 * once the handler is chosen, the request is classified by its route template ({@code GET /api/products/{id}}, the
 * names {@code overload.yaml} uses) and the criticality header, and takes a place under the adaptive limit for its
 * class, or is refused at once with {@code Retry-After: 1} and a JSON reason: 429 {@code shed} when its class is over
 * its share while the limit still has room for more critical work, 503 {@code overloaded} when the whole limit is in
 * use. The place is given back when the request completes (after an asynchronous request's last dispatch), its
 * latency a sample for the limit; a 503 or 504 of the application's own is a drop. The actuator and the application's
 * routes under {@code /api/admin/} and {@code /api/observability/} are never limited. While protection is off it
 * costs one volatile read. {@link DreamNetOverloadWebFilter} is the same for Spring WebFlux. Thread-safe; the refusals
 * are built once ({@link OverloadRules}).
 */
public final class OverloadInterceptor implements AsyncHandlerInterceptor {

    private static final String ATTRIBUTE = OverloadInterceptor.class.getName() + ".admitted";

    /** The place a request took, and when it began. */
    private record Admitted(ConcurrencyLimiter limiter, long startedNanos) {
    }

    private final OverloadProtection protection;
    private final OverloadRules rules;
    private final Clock clock;

    public OverloadInterceptor(OverloadProtection protection, AccessControl access, Clock clock,
                               ManagementPaths management) {
        this.protection = protection;
        this.rules = new OverloadRules(protection, access, management);
        this.clock = clock;
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler)
            throws Exception {
        if (!protection.enabled() || request.getDispatcherType() != DispatcherType.REQUEST) {
            return true;
        }
        if (rules.unlimited(DreamNetFilter.routedPath(request))) {
            return true;
        }
        Criticality criticality = rules.classify(DreamNetFilter.route(request), request::getHeader);
        ConcurrencyLimiter limiter = protection.acquire(criticality);
        if (limiter == null) {
            OverloadProtection.Refusal why = protection.refusal(criticality);
            response.setStatus(OverloadRules.status(why));
            response.setHeader("Retry-After", OverloadRules.RETRY_AFTER_SECONDS);
            response.setContentType("application/json");
            response.getOutputStream().write(OverloadRules.body(criticality, why));
            return false;
        }
        request.setAttribute(ATTRIBUTE, new Admitted(limiter, clock.nanoTime()));
        return true;
    }

    @Override
    public void afterCompletion(HttpServletRequest request, HttpServletResponse response, Object handler,
                                @Nullable Exception ex) {
        if (!(request.getAttribute(ATTRIBUTE) instanceof Admitted admitted)) {
            return;
        }
        request.removeAttribute(ATTRIBUTE);
        int status = response.getStatus();
        protection.finished(admitted.limiter(), clock.nanoTime() - admitted.startedNanos(),
                status == 503 || status == 504 ? OverloadProtection.Outcome.DROPPED
                        : OverloadProtection.Outcome.SERVED);
    }
}
