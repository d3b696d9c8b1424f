package dev.dreamnet.runtime.overload;

import dev.dreamnet.config.overload.OverloadConfig;
import dev.dreamnet.config.reload.ReloadError;
import dev.dreamnet.core.overload.ConcurrencyLimiter;
import dev.dreamnet.core.overload.Criticality;
import dev.dreamnet.core.overload.LimiterSnapshot;
import dev.dreamnet.runtime.resilience.OutboundSnapshot;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** What operators see of overload protection ({@code /api/observability/overload}, the summary). Stateless. */
public final class OverloadViews {

    private OverloadViews() {
    }

    /**
     * @param enabled           whether the application's routes are guarded
     * @param configVersion     the configuration's version (a hash of the file, or {@code code})
     * @param configFile        the file it is read from, if any
     * @param reloadError       why the last change of the file was refused, if it was (the last good one is in force)
     * @param limit             the concurrency limit now
     * @param inflight          requests holding a place under it
     * @param waiting           requests waiting for a place (at most {@code maxWaitMs})
     * @param mode              the mode whose shares are in use
     * @param shares            per class, its share of the limit
     * @param allowed           per class, how many requests may be in flight when one of it arrives
     * @param admitted          requests admitted since start
     * @param refused           per class, requests refused since start: {@code share} (429) and {@code limit} (503)
     * @param longRttMs         the latency baseline
     * @param lastRttMs         the mean latency of the last sample window
     * @param defaultClass      the class of a route not configured
     * @param routes            the configured routes and their classes
     * @param header            the header trusted callers set a request's class with, if any
     * @param maxWaitMs         how long a request may wait for a place
     * @param automaticBrownout what automatic brownout is doing
     * @param outbound          per downstream with an outbound guard configured: its bulkhead, throttle and hedging
     */
    public record OverloadView(boolean enabled, String configVersion, String configFile, String reloadError,
                               int limit, int inflight, int waiting, String mode, Map<String, Double> shares,
                               Map<String, Integer> allowed, long admitted, Map<String, Map<String, Long>> refused,
                               double longRttMs, double lastRttMs, String defaultClass, Map<String, String> routes,
                               String header, long maxWaitMs, AutomaticBrownout.View automaticBrownout,
                               Map<String, OutboundSnapshot> outbound) {
    }

    public static OverloadView of(OverloadProtection protection, AutomaticBrownout automatic,
                                  Map<String, OutboundSnapshot> outbound) {
        OverloadConfig config = protection.config();
        ConcurrencyLimiter limiter = protection.limiter();
        LimiterSnapshot snapshot = limiter.snapshot();
        Map<String, Double> shares = new LinkedHashMap<>();
        Map<String, Integer> allowed = new LinkedHashMap<>();
        Map<String, Map<String, Long>> refused = new LinkedHashMap<>();
        for (Criticality c : Criticality.values()) {
            String name = c.name();
            shares.put(name, snapshot.shares().of(c));
            allowed.put(name, snapshot.allowed().get(c));
            Map<String, Long> reasons = new LinkedHashMap<>();
            reasons.put("share", protection.refused(c, OverloadProtection.Refusal.OVER_SHARE));
            reasons.put("limit", protection.refused(c, OverloadProtection.Refusal.OVER_LIMIT));
            refused.put(name, reasons);
        }
        Map<String, String> routes = new LinkedHashMap<>();
        config.routes().forEach((route, c) -> routes.put(route, c.name()));
        return new OverloadView(protection.enabled(), config.version(),
                protection.file().map(f -> f.file().toString()).orElse(null),
                protection.file().flatMap(f -> f.lastError()).map(ReloadError::message).orElse(null),
                snapshot.limit(), snapshot.inflight(), protection.waiting(), snapshot.mode().name(), shares, allowed,
                protection.admitted(), refused, snapshot.longRttNanos() / 1e6, snapshot.lastRttNanos() / 1e6,
                config.defaultClass().name(), routes, config.header().orElse(null), config.maxWait().toMillis(),
                automatic.view(), guarded(outbound));
    }

    /** The downstreams that have at least one outbound guard; the others would be a row of nulls. */
    private static Map<String, OutboundSnapshot> guarded(Map<String, OutboundSnapshot> outbound) {
        Map<String, OutboundSnapshot> guarded = new LinkedHashMap<>();
        outbound.forEach((name, each) -> {
            if (each.bulkhead() != null || each.throttle() != null || each.hedge() != null) {
                guarded.put(name, each);
            }
        });
        return guarded;
    }

    /** The summary's attention lines: an automatic brownout, a pinned mode, overload now, a refused reload. */
    public static List<String> attention(OverloadView view) {
        List<String> lines = new ArrayList<>();
        AutomaticBrownout.View automatic = view.automaticBrownout();
        if (automatic.state().equals("BROWNOUT")) {
            lines.add("automatic brownout (" + automatic.scope() + ") since " + automatic.since() + ": "
                    + automatic.evidence());
        }
        if (automatic.pinnedBy() != null) {
            lines.add("automatic brownout is pinned (the mode is the operators') by " + automatic.pinnedBy()
                    + (automatic.pinnedReason() == null ? "" : ": " + automatic.pinnedReason()));
        }
        if (automatic.overloadedForMs() > 0 && !automatic.state().equals("BROWNOUT")) {
            lines.add(String.format(Locale.ROOT, "overloaded for %d s: %s", automatic.overloadedForMs() / 1000,
                    automatic.evidence()));
        }
        if (view.reloadError() != null) {
            lines.add("overload configuration " + view.configFile() + " was not reloaded: " + view.reloadError());
        }
        return lines;
    }
}
