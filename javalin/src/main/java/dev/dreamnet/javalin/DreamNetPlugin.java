package dev.dreamnet.javalin;

import dev.dreamnet.core.time.Repeating;
import dev.dreamnet.javalin.audit.AuditRoutes;
import dev.dreamnet.javalin.auth.ReadGate;
import dev.dreamnet.javalin.console.ConsoleRoutes;
import dev.dreamnet.javalin.flags.FlagRoutes;
import dev.dreamnet.javalin.flags.KillSwitchGate;
import dev.dreamnet.javalin.flags.UnboundRouteFlags;
import dev.dreamnet.javalin.fleet.FleetRoutes;
import dev.dreamnet.javalin.http.Admission;
import dev.dreamnet.javalin.http.Exchange;
import dev.dreamnet.javalin.http.HeaderDeadline;
import dev.dreamnet.javalin.http.HttpApp;
import dev.dreamnet.javalin.http.HttpLimits;
import dev.dreamnet.javalin.http.JettyWorkers;
import dev.dreamnet.javalin.http.Json;
import dev.dreamnet.javalin.http.MountedRoutes;
import dev.dreamnet.javalin.http.OverloadGuard;
import dev.dreamnet.javalin.http.ProbeRoutes;
import dev.dreamnet.javalin.http.QueryStrings;
import dev.dreamnet.javalin.http.TrafficGate;
import dev.dreamnet.javalin.metrics.ObservabilityRoutes;
import dev.dreamnet.javalin.overload.OverloadRoutes;
import dev.dreamnet.javalin.metrics.PrometheusEndpoint;
import dev.dreamnet.javalin.metrics.RequestTracking;
import dev.dreamnet.javalin.queues.QueueRoutes;
import dev.dreamnet.javalin.resilience.BreakerRoutes;
import dev.dreamnet.javalin.rollouts.RolloutRouting;
import dev.dreamnet.javalin.rollouts.RolloutRoutes;
import dev.dreamnet.runtime.DreamNet;
import dev.dreamnet.runtime.InFlight;
import dev.dreamnet.runtime.fleet.InstanceRegistry;
import dev.dreamnet.runtime.metrics.Saturation;
import dev.dreamnet.runtime.overload.OverloadViews;
import dev.dreamnet.runtime.rollouts.RolloutViews;
import io.javalin.config.JavalinState;
import io.javalin.json.JavalinJackson;
import io.javalin.plugin.Plugin;
import io.javalin.router.JavalinDefaultRoutingApi;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.eclipse.jetty.server.Connector;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;

/**
 * DreamNet in a Javalin 7 application: {@code config.registerPlugin(new DreamNetPlugin(dreamnet))} adds the probes,
 * the traffic gate (503 and {@code Retry-After} until ready), request tracking and the in-flight limit, kill-switch
 * and flag enforcement on the application's routes, every {@code /api/observability/*} read, the token-protected
 * admin routes (flags, modes and kill switches, breakers, rollouts), the audit log, {@code /metrics}, the operator
 * console ({@code /console}) and error handling that answers JSON. {@link DreamNet#shutdown()} then also drains and stops this server. The application's
 * own routes are registered as usual and are covered like DreamNet's.
 */
public final class DreamNetPlugin extends Plugin<DreamNetPlugin.Config> {

    /** What an application may change; the defaults suit most. Not thread-safe: set it once, in the plugin's consumer. */
    public static final class Config {

        /** Mounts every DreamNet route under this prefix: {@code "/ops"} serves {@code /ops/health/ready}. */
        public String prefix = "";

        /**
         * Where the operator console lives under {@link #prefix} ({@code "/console"} serves {@code /ops/console}), or
         * {@code null} for no console.
         */
        public String console = "/console";

        /** Jetty's worker pool, the in-flight limit, and idle and header timeouts; sized from the heap by default. */
        public HttpLimits limits = HttpLimits.builder().build();

        /** Path prefixes of the application's own routes that the traffic gate lets through before ready. */
        public final List<String> ungated = new ArrayList<>();

        /**
         * The application's {@code POST}, {@code PUT}, {@code PATCH} or {@code DELETE} routes that change nothing (a
         * search, a computation), left open under WRITE_DRAIN, as {@code "METHOD path-template"}.
         */
        public final java.util.Set<String> notWrites = new java.util.LinkedHashSet<>();

        /** Routes refused with 503 while their flag is off, keyed {@code "METHOD path-template"}. */
        public final Map<String, String> routeFlags = new LinkedHashMap<>();

        /**
         * Refuses {@code route} while {@code flag} is off. The route is written as the application registers it: an
         * upper-case HTTP method, one space and the path template ({@code "GET /api/products/{id}/recommendations"});
         * anything else is refused here, since it would match no route and the flag would guard nothing.
         */
        public Config flag(String route, String flag) {
            Objects.requireNonNull(route, "route");
            Objects.requireNonNull(flag, "flag");
            if (!ROUTE.matcher(route).matches() || !balancedParameters(route)) {
                throw new IllegalArgumentException("DreamNetPlugin flag route must be \"METHOD /path\" as the route is "
                        + "registered, such as \"GET /api/recommendations\" (GET, POST, PUT, PATCH, DELETE, HEAD or "
                        + "OPTIONS, one space, a path starting with / and not ending with /), was \"" + route + "\"");
            }
            if (flag.isBlank()) {
                throw new IllegalArgumentException("DreamNetPlugin flag for route \"" + route + "\" must name a flag of "
                        + "the flags file, was \"" + flag + "\"");
            }
            routeFlags.put(route, flag);
            return this;
        }

        private static final java.util.regex.Pattern ROUTE = java.util.regex.Pattern.compile(
                "(GET|POST|PUT|PATCH|DELETE|HEAD|OPTIONS) (/|(/[^/\\s]+)+)");

        /** Every {@code {} or {@code <} of a path parameter closed within its segment. */
        private static boolean balancedParameters(String route) {
            char open = 0;
            for (char c : route.toCharArray()) {
                if (c == '{' || c == '<') {
                    if (open != 0) {
                        return false;
                    }
                    open = c;
                } else if (c == '}' || c == '>') {
                    if (open != (c == '}' ? '{' : '<')) {
                        return false;
                    }
                    open = 0;
                } else if (c == '/' && open != 0) {
                    return false;
                }
            }
            return open == 0;
        }
    }

    private final DreamNet dreamnet;
    private final RolloutRouting routing;
    private volatile Server server; // once Jetty is built
    private volatile Repeating headerDeadline; // once it listens

    public DreamNetPlugin(DreamNet dreamnet) {
        this(dreamnet, config -> { });
    }

    public DreamNetPlugin(DreamNet dreamnet, Consumer<Config> config) {
        super(config, new Config());
        this.dreamnet = Objects.requireNonNull(dreamnet, "dreamnet");
        this.routing = new RolloutRouting(dreamnet.rollouts(), dreamnet.clock());
    }

    @Override
    public String name() {
        return "DreamNet";
    }

    /** Assigns requests to a rollout's baseline or canary and records their outcome on that side. */
    public RolloutRouting rolloutRouting() {
        return routing;
    }

    @Override
    public void onInitialize(JavalinState config) {
        config.jsonMapper(new JavalinJackson(Json.MAPPER, false));
    }

    @Override
    public void onStart(JavalinState config) {
        Config settings = pluginConfig;
        String prefix = settings.prefix;
        if (prefix == null || !prefix.isEmpty() && (!prefix.startsWith("/") || prefix.endsWith("/"))) {
            throw new IllegalArgumentException("DreamNetPlugin prefix must be \"\" or a path such as \"/ops\" (starting "
                    + "with / and not ending with /), was " + (prefix == null ? "null" : "\"" + prefix + "\""));
        }
        String console = settings.console;
        if (console != null && (!console.startsWith("/") || console.endsWith("/") || console.contains("{"))) {
            throw new IllegalArgumentException("DreamNetPlugin console must be null (no console) or a path such as "
                    + "\"/console\" (starting with / and not ending with /), was \"" + console + "\"");
        }
        InFlight inFlight = dreamnet.inFlight();
        Admission admission = new Admission(settings.limits.maxInFlight());
        RequestTracking tracking = new RequestTracking(dreamnet.requestMetrics(), dreamnet.clock());
        List<String> open = new ArrayList<>(settings.ungated);
        if (console != null) {
            open.add(prefix + console + "/");
        }
        TrafficGate gate = new TrafficGate(dreamnet.state(), prefix, open, console == null ? null : prefix + console);
        HttpApp.jetty(config.jetty, settings.limits);
        config.jetty.modifyServer(built -> server = built);
        config.http.prefer405over404 = true;
        // One before-handler for everything every request needs: each handler with a path costs a match.
        config.routes.before(ctx -> {
            Exchange.begin(ctx, tracking, inFlight, admission, dreamnet.tracing(), dreamnet.exemplars());
            gate.handle(ctx);
            QueryStrings.requireValidEscapes(ctx.queryString());
        });
        MountedRoutes routes = new MountedRoutes(config.routes, prefix);
        register(routes, admission);
        dreamnet.operatorRoutes(routes.routes()::contains); // operators' reads and writes are not the service's traffic
        config.router.handlerWrapper(new RouteGuards(new ReadGate(dreamnet.access(), prefix),
                new KillSwitchGate(dreamnet.flags(), routes.routes(), settings.notWrites, settings.routeFlags),
                new OverloadGuard(dreamnet.overload(), dreamnet.access(), routes.routes())));
        HttpApp.errorHandlers(config.routes, dreamnet.clock());
        config.routes.after(ctx -> Exchange.finish(ctx, tracking, inFlight, admission, dreamnet.overload()));
        config.events.serverStarted(() -> {
            listening();
            UnboundRouteFlags.warn(settings.routeFlags, config.internalRouter.allHttpHandlers());
        });
        dreamnet.afterDrain("stop the HTTP server", this::stop);
    }

    private void register(JavalinDefaultRoutingApi routes, Admission admission) {
        Supplier<Saturation.Workers> workers = () -> JettyWorkers.of(server == null ? null : server.getThreadPool());
        Saturation saturation = new Saturation(workers, dreamnet.inFlight()::count, admission.limit());
        PrometheusEndpoint prometheus = new PrometheusEndpoint(dreamnet.requestMetrics(), dreamnet.metricSources());
        dreamnet.afterDrain("close the metrics registry", prometheus::close);
        FleetRoutes fleet = new FleetRoutes(dreamnet.fleetViews());
        new ProbeRoutes(dreamnet.state()).register(routes);
        new FlagRoutes(dreamnet.flags(), dreamnet.access()).register(routes);
        new BreakerRoutes(dreamnet.downstreams(), dreamnet.access(), dreamnet.audit()).register(routes);
        new AuditRoutes(dreamnet.audit()).register(routes);
        OverloadRoutes overload = new OverloadRoutes(dreamnet);
        overload.register(routes);
        new ObservabilityRoutes(dreamnet.requestMetrics(), saturation, dreamnet.state(), dreamnet.downstreams(),
                dreamnet.flags(), dreamnet::watchdogReadings,
                () -> dreamnet.rollouts().all().stream().map(RolloutViews::of).toList(), dreamnet.fleetViews()::view,
                () -> OverloadViews.attention(overload.view()),
                dreamnet::attention).register(routes);
        new dev.dreamnet.javalin.slo.SloRoutes(dreamnet.slos()).register(routes);
        new QueueRoutes(dreamnet.queues(), dreamnet.queues()::relay, dreamnet.downstreams()).register(routes);
        fleet.register(routes);
        new RolloutRoutes(dreamnet.rollouts(), dreamnet.access(), dreamnet.audit()).register(routes, routing);
        prometheus.register(routes);
        if (pluginConfig.console != null) {
            new ConsoleRoutes(pluginConfig.prefix, pluginConfig.console).register(routes);
        }
    }

    private void listening() {
        Server started = server;
        for (Connector connector : started.getConnectors()) {
            if (connector instanceof ServerConnector http) {
                String host = http.getHost() == null || http.getHost().equals("0.0.0.0") ? InstanceRegistry.hostName()
                        : http.getHost();
                String address = "http://" + host + ":" + http.getLocalPort();
                dreamnet.address(() -> address);
                break;
            }
        }
        HeaderDeadline deadline = new HeaderDeadline(started, pluginConfig.limits.readTimeout(), dreamnet.clock());
        Repeating sweeps = new Repeating(dreamnet.clock(), dreamnet.scheduler(), Runnable::run, deadline.period(),
                deadline::sweep);
        sweeps.start();
        headerDeadline = sweeps;
    }

    private void stop() throws Exception {
        Repeating sweeps = headerDeadline;
        if (sweeps != null) {
            sweeps.stop();
        }
        Server running = server;
        if (running != null) {
            running.stop();
        }
    }
}
