package dev.dreamnet.spring.autoconfigure;

import dev.dreamnet.runtime.auth.AccessControl;
import dev.dreamnet.runtime.auth.AccessDeniedException;
import dev.dreamnet.runtime.auth.NotAuthenticatedException;
import dev.dreamnet.runtime.flags.NoOverrideException;
import dev.dreamnet.runtime.fleet.SharedStateUnavailableException;
import dev.dreamnet.runtime.rollouts.RolloutConflictException;
import dev.dreamnet.runtime.rollouts.UnknownRolloutException;
import java.security.Principal;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.actuate.endpoint.SecurityContext;
import org.springframework.boot.actuate.endpoint.web.WebEndpointResponse;
import org.springframework.http.HttpHeaders;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * Who calls the {@code dreamnet} endpoint and whether they may: with DreamNet's tokens, the request's
 * {@code Authorization: Bearer} header is checked (an admin token to change anything; a read or admin token to read
 * when read tokens are configured) and the actor is the {@code X-Dreamnet-Actor} header; with Spring Security, the
 * application's security decided already and the actor is its principal; a write without an authenticated principal
 * (a chain that permits the endpoint to anyone) is refused all the same. The headers are the servlet request's
 * under Spring MVC; under Spring WebFlux, {@link DreamNetReactiveEndpoint} hands them over for the call
 * ({@link #withHeaders}). Thread-safe.
 */
final class Operator {

    private static final int MAX_ACTOR = 100;
    /** A WebFlux request's headers, while its operation runs on this thread. */
    private static final ThreadLocal<HttpHeaders> REACTIVE = new ThreadLocal<>();

    private final AccessControl access;
    private final boolean springSecurity;

    Operator(AccessControl access, boolean springSecurity) {
        this.access = access;
        this.springSecurity = springSecurity;
    }

    /** {@code operation}'s answer, or 401/403 when the caller may not read. */
    WebEndpointResponse<Object> read(Supplier<Object> operation) {
        return guarded(() -> {
            if (!springSecurity) {
                access.requireRead(header("Authorization"));
            }
            return operation.get();
        });
    }

    /** {@code operation}'s answer, given the actor for the audit log, or 401/403 when the caller may not write. */
    WebEndpointResponse<Object> write(SecurityContext security, java.util.function.Function<String, Object> operation) {
        return guarded(() -> {
            if (!springSecurity) {
                access.requireAdmin(header("Authorization"));
            } else if (security.getPrincipal() == null) {
                // A chain that permits /actuator/dreamnet/** to anyone must not open the writes to anyone.
                throw new Refused(401, "not authenticated", "a write needs an authenticated user; secure "
                        + "/actuator/dreamnet/** in your SecurityFilterChain");
            }
            return operation.apply(actor(security));
        });
    }

    /** {@code operation}'s answer: a 200 with what it returned, or the response it made (a 201). */
    @SuppressWarnings("unchecked")
    private static WebEndpointResponse<Object> guarded(Supplier<Object> operation) {
        try {
            Object answer = operation.get();
            return answer instanceof WebEndpointResponse<?> response ? (WebEndpointResponse<Object>) response
                    : new WebEndpointResponse<>(answer, 200);
        } catch (NotAuthenticatedException e) {
            return error(401, "not authenticated", e.getMessage());
        } catch (AccessDeniedException e) {
            return error(403, "forbidden", e.getMessage());
        } catch (NoOverrideException | UnknownRolloutException e) {
            return error(404, "not found", e.getMessage());
        } catch (RolloutConflictException e) {
            return error(409, "conflict", e.getMessage());
        } catch (SharedStateUnavailableException e) {
            // The fleet's database cannot be written: nothing changed, and it is not this request's fault.
            return error(503, "shared state unavailable", e.getMessage());
        } catch (Refused e) {
            return error(e.status, e.error, e.getMessage());
        }
    }

    /** {@code {"error": ..., "detail": ...}} in that order, as the filters answer. */
    static WebEndpointResponse<Object> error(int status, String error, String detail) {
        Map<String, String> body = new LinkedHashMap<>();
        body.put("error", error);
        body.put("detail", detail);
        return new WebEndpointResponse<>(body, status);
    }

    private String actor(SecurityContext security) {
        Principal principal = springSecurity ? security.getPrincipal() : null;
        if (principal != null) {
            return clean(principal.getName());
        }
        String header = header("X-Dreamnet-Actor");
        return header == null ? "operator" : clean(header);
    }

    private static String clean(String actor) {
        String clean = actor.replaceAll("[^\\p{Alnum}@._:+-]", "");
        if (clean.isEmpty()) {
            return "operator";
        }
        return clean.length() > MAX_ACTOR ? clean.substring(0, MAX_ACTOR) : clean;
    }

    /** {@code operation}'s answer, with {@code headers} as the request's while it runs on this thread. */
    static <T> T withHeaders(HttpHeaders headers, Supplier<T> operation) {
        REACTIVE.set(headers);
        try {
            return operation.get();
        } finally {
            REACTIVE.remove();
        }
    }

    private static @Nullable String header(String name) {
        HttpHeaders reactive = REACTIVE.get();
        if (reactive != null) {
            return reactive.getFirst(name);
        }
        RequestAttributes attributes = RequestContextHolder.getRequestAttributes();
        return attributes instanceof ServletRequestAttributes servlet ? servlet.getRequest().getHeader(name) : null;
    }

    /** An operation refused for what it asked: answered with {@code status} and a JSON error. */
    static final class Refused extends RuntimeException {

        private static final long serialVersionUID = 1L;
        private final int status;
        private final String error;

        Refused(int status, String error, String detail) {
            super(detail);
            this.status = status;
            this.error = error;
        }
    }
}
