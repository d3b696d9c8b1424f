package dev.dreamnet.runtime.auth;


import dev.dreamnet.core.time.Clock;
import dev.dreamnet.core.time.Scheduler;
import java.util.Map;

/**
 * Who may do what: admin writes need an admin token ({@code DREAMNET_ADMIN_TOKENS} or the file in
 * {@code DREAMNET_ADMIN_TOKENS_FILE}) and are refused when none is configured, never open by
 * default; reads of {@code /metrics}, {@code /api/observability/*}, {@code /api/integration-flags} and
 * {@code /api/admin/*} need a read or admin token only when read tokens are configured
 * ({@code DREAMNET_READ_TOKENS}, {@code DREAMNET_READ_TOKENS_FILE}; the web layer decides which routes are reads). Probes are always open.
 * Throws {@link NotAuthenticatedException} without a valid token and {@link AccessDeniedException} with a token
 * that lacks the right (the web layer answers 401 and 403). Thread-safe.
 */
public final class AccessControl {

    public static final String ADMIN_TOKENS = "DREAMNET_ADMIN_TOKENS";
    public static final String ADMIN_TOKENS_FILE = "DREAMNET_ADMIN_TOKENS_FILE";
    public static final String READ_TOKENS = "DREAMNET_READ_TOKENS";
    public static final String READ_TOKENS_FILE = "DREAMNET_READ_TOKENS_FILE";

    private final TokenSource admin;
    private final TokenSource read;

    /** Token files are looked at on {@code scheduler} as well as on each request, and their refusals timed on {@code clock}. */
    public AccessControl(Map<String, String> environment, Clock clock, Scheduler scheduler) {
        this.admin = new TokenSource("admin", environment, ADMIN_TOKENS, ADMIN_TOKENS_FILE, clock, scheduler);
        this.read = new TokenSource("read", environment, READ_TOKENS, READ_TOKENS_FILE, clock, scheduler);
    }

    /** Whether any admin token is configured (without one, every admin write is refused). */
    public boolean adminConfigured() {
        return admin.configured();
    }

    /** Lets the request through only with an admin token in {@code authorization} (the HTTP header); otherwise throws. */
    public void requireAdmin(String authorization) {
        String token = bearer(authorization);
        if (admin.accepts(token)) {
            return;
        }
        if (!admin.configured()) {
            throw new AccessDeniedException("admin writes are disabled: no admin token is configured "
                    + "(set " + ADMIN_TOKENS + " or " + ADMIN_TOKENS_FILE + " and restart)");
        }
        if (read.accepts(token)) {
            throw new AccessDeniedException("this token may read but not change anything");
        }
        throw new NotAuthenticatedException(token == null ? "an admin bearer token is required"
                : "the token is not valid");
    }

    /** Lets protected reads through when no read token is configured, or with a read or admin token. */
    public void requireRead(String authorization) {
        if (!read.configured()) {
            return;
        }
        String token = bearer(authorization);
        if (!read.accepts(token) && !admin.accepts(token)) {
            throw new NotAuthenticatedException(token == null ? "a read or admin bearer token is required"
                    : "the token is not valid");
        }
    }

    /**
     * Whether {@code authorization} carries a configured read or admin token: a trusted caller, who may, for one, raise
     * its request's criticality. False when no token is configured.
     */
    public boolean trusts(String authorization) {
        String token = bearer(authorization);
        return token != null && (read.accepts(token) || admin.accepts(token));
    }

    private static String bearer(String header) {
        if (header == null || !header.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return null;
        }
        String token = header.substring(7).trim();
        return token.isEmpty() ? null : token;
    }
}
