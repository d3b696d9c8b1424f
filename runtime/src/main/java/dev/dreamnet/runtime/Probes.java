package dev.dreamnet.runtime;

import java.util.List;

/**
 * The probes' paths: {@code /health/live}, {@code /health/ready} and {@code /health/startup}, under whatever prefix
 * the web layer mounts them. Probes are answered whatever the load and are not traffic. Stateless.
 */
public final class Probes {

    public static final String LIVE = "/health/live";
    public static final String READY = "/health/ready";
    public static final String STARTUP = "/health/startup";
    private static final List<String> ALL = List.of(LIVE, READY, STARTUP);

    private Probes() {
    }

    /** Whether the request path {@code path} is a probe (a trailing slash is the same probe). */
    public static boolean isProbe(String path) {
        String trimmed = path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
        for (String probe : ALL) {
            if (trimmed.endsWith(probe)) {
                return true;
            }
        }
        return false;
    }

    /** {@link #isProbe} for a route template such as {@code GET /health/ready}. */
    public static boolean isProbeRoute(String template) {
        return isProbe(template.substring(template.indexOf(' ') + 1));
    }
}
