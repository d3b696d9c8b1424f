package dev.dreamnet.spring.autoconfigure;

import dev.dreamnet.runtime.ServiceState;
import dev.dreamnet.runtime.flags.FlagService;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.util.AntPathMatcher;

/**
 * What DreamNet refuses on the application's routes, whichever web stack serves them (the servlet filter and the
 * WebFlux filter ask the same questions): not ready yet or draining, writes under WRITE_DRAIN, a route whose flag is
 * off. The actuator's paths are never refused. Thread-safe.
 */
final class TrafficRules {

    /** The {@code Retry-After} of the traffic gate's refusals (not ready, write drain, a route's flag off). */
    static final String RETRY_AFTER_SECONDS = "5";

    /** Why a request is refused: the error word and a detail for the JSON body of the 503. */
    record Refusal(String error, String detail) {
    }

    private static final Logger LOG = LoggerFactory.getLogger(TrafficRules.class);
    private static final Set<String> WRITES = Set.of("POST", "PUT", "PATCH", "DELETE");
    /** The application's operator routes, by convention: never refused by WRITE_DRAIN. */
    private static final String ADMIN = "/api/admin/";

    private final ServiceState state;
    private final FlagService flags;
    private final ManagementPaths management;
    private final DreamNetProperties.Web web;
    private final AntPathMatcher paths = new AntPathMatcher();

    TrafficRules(ServiceState state, FlagService flags, ManagementPaths management, DreamNetProperties.Web web) {
        this.state = state;
        this.flags = flags;
        this.management = management;
        this.web = web;
        for (String flag : web.routeFlags().keySet()) {
            if (!flags.snapshot().contains(flag)) {
                LOG.warn("dreamnet.web.route-flags.{} names no flag in the flags file: its routes are refused only "
                        + "once the flags file has a flag \"{}\" and it is off", flag, flag);
            }
        }
    }

    /** The actuator's own paths: never refused, never counted as traffic. */
    boolean isActuator(String path) {
        return management.isActuator(path);
    }

    /** Why {@code method path} is refused now, or null when it may go on. */
    @Nullable Refusal refusal(String method, String path) {
        ServiceState.Readiness readiness = state.readiness();
        if (!readiness.ready() && !matchesAny(web.ungated(), path, true)) {
            return new Refusal("not ready", readiness.reason());
        }
        if (WRITES.contains(method) && !path.startsWith(ADMIN) && !matchesAny(web.notWrites(), path, false)
                && flags.killSwitches().writeDrain()) {
            return new Refusal("writes paused", "writes are paused (WRITE_DRAIN is on); reads keep working");
        }
        for (Map.Entry<String, List<String>> bound : web.routeFlags().entrySet()) {
            if (matchesAny(bound.getValue(), path, false) && !flags.allows(bound.getKey())) {
                return new Refusal("feature off", "flag " + bound.getKey() + " is off ("
                        + flags.snapshot().explain(bound.getKey()).rule() + ")");
            }
        }
        return null;
    }

    private boolean matchesAny(List<String> patterns, String path, boolean prefixes) {
        for (String pattern : patterns) {
            if (prefixes ? path.startsWith(pattern) : paths.match(pattern, path)) {
                return true;
            }
        }
        return false;
    }
}
