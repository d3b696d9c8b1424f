package dev.dreamnet.server.http;

import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import io.javalin.http.MethodNotAllowedResponse;
import io.javalin.json.JavalinJackson;
import io.javalin.router.JavalinDefaultRoutingApi;
import dev.dreamnet.core.breaker.CallNotPermittedException;
import dev.dreamnet.core.time.Clock;
import dev.dreamnet.server.auth.AccessControl;
import dev.dreamnet.server.auth.AccessDeniedException;
import dev.dreamnet.server.auth.NotAuthenticatedException;
import dev.dreamnet.server.auth.ReadGate;
import dev.dreamnet.server.fleet.SharedStateUnavailableException;
import dev.dreamnet.server.flags.WritesRefusedException;
import dev.dreamnet.server.rollouts.InjectedFaultException;
import dev.dreamnet.server.rollouts.RolloutConflictException;
import dev.dreamnet.server.rollouts.UnknownRolloutException;
import dev.dreamnet.server.metrics.RequestTracking;
import dev.dreamnet.core.retry.RetriesExhaustedException;
import dev.dreamnet.core.queue.QueueUnavailableException;
import dev.dreamnet.core.queue.UnknownQueueException;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.function.Consumer;
import org.eclipse.jetty.server.handler.GracefulHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Assembles the Javalin application: request tracking and in-flight counting first, then the in-flight limit and the
 * traffic gate, the routes, and error handling that always answers {@code {"error", "detail"}} JSON, never a stack
 * trace (a client that hung up is recorded as 499, not as an error). Jetty runs within {@link HttpLimits}. This is
 * the one place where the domain's exceptions become statuses.
 */
public final class HttpApp {

    private static final Logger LOG = LoggerFactory.getLogger(HttpApp.class);
    private static final String HANDLED = "dreamnet.error-handled";
    private static final String COUNTED = "dreamnet.in-flight";
    private static final Duration FINISH_WRITING = Duration.ofSeconds(5);
    private static final Duration IDLE_CONNECTION_CLOSE = Duration.ofMillis(200);

    private HttpApp() {
    }

    /** {@code clock} dates the {@code Retry-After} of an open breaker against the breaker's own clock. */
    public static Javalin create(InFlight inFlight, RequestTracking tracking, TrafficGate gate, AccessControl access,
                                 HttpLimits limits, Admission admission, Clock clock,
                                 List<Consumer<JavalinDefaultRoutingApi>> routes) {
        DatabaseErrors databaseErrors = new DatabaseErrors();
        RepeatedFailures queueErrors = new RepeatedFailures(LOG, "queue call");
        return Javalin.create(config -> {
            JettyLimits.apply(config.jetty, limits);
            // The in-flight count drops before Javalin writes the response; Jetty's graceful stop lets
            // those last bytes reach the client instead of cutting the connection under them.
            config.jetty.modifyServer(server -> {
                GracefulHandler graceful = new GracefulHandler();
                graceful.setShutdownIdleTimeout(IDLE_CONNECTION_CLOSE.toMillis());
                server.insertHandler(graceful);
                server.setStopTimeout(FINISH_WRITING.toMillis());
                server.setErrorHandler(new JsonErrorHandler());
            });
            config.startup.showJavalinBanner = false;
            config.startup.showOldJavalinVersionWarning = false;
            config.jsonMapper(new JavalinJackson(Json.MAPPER, false));
            config.http.prefer405over404 = true;
            // Decided on the route that matched, so no other spelling of a protected path gets around it.
            config.router.handlerWrapper(new ReadGate(access));
            // One before-handler for everything every request needs: each handler with a path costs a match.
            config.routes.before(ctx -> {
                tracking.started(ctx);
                ctx.attribute(COUNTED, Boolean.TRUE);
                inFlight.enter();
                admission.enter(ctx);
                gate.handle(ctx);
                QueryStrings.requireValidEscapes(ctx.queryString());
            });
            routes.forEach(register -> register.accept(config.routes));
            config.routes.exception(ApiException.class, HttpApp::apiError);
            domainErrors(config.routes);
            config.routes.exception(SQLException.class, (e, ctx) -> databaseError(databaseErrors.detail(e, ctx), ctx));
            config.routes.exception(CallNotPermittedException.class, (e, ctx) -> breakerOpen(e, ctx, clock));
            config.routes.exception(RetriesExhaustedException.class, (e, ctx) -> retriesExhausted(e, ctx, databaseErrors));
            config.routes.exception(UnknownQueueException.class, (e, ctx) -> respond(ctx, 404, "not found", e.getMessage()));
            config.routes.exception(QueueUnavailableException.class, (e, ctx) -> queueUnavailable(e, ctx, queueErrors));
            config.routes.exception(MethodNotAllowedResponse.class, HttpApp::methodNotAllowed);
            config.routes.exception(HttpResponseException.class, (e, ctx) ->
                    respond(ctx, e.getStatus(), refusal(e.getStatus()), e.getMessage()));
            config.routes.exception(Exception.class, HttpApp::unexpected);
            config.routes.error(404, ctx -> {
                if (ctx.attribute(HANDLED) == null) {
                    respond(ctx, 404, "not found", "no route for " + ctx.method() + " " + ctx.path());
                }
            });
            // Jetty failed the body read (too slow, see JettyLimits); Javalin set only the status.
            config.routes.error(408, ctx -> respond(ctx, 408, "request timeout", "the request body arrived slower than "
                    + JettyLimits.MIN_BODY_BYTES_PER_SECOND + " bytes/s or not within the idle timeout"));
            config.routes.after(ctx -> {
                if (ctx.attribute(COUNTED) != null) {
                    ctx.attribute(COUNTED, null);
                    inFlight.exit();
                }
                admission.exit(ctx);
                tracking.finished(ctx);
            });
        });
    }

    /** The exceptions of the server's own features: which status and error word each one answers with. */
    private static void domainErrors(JavalinDefaultRoutingApi routes) {
        routes.exception(NotAuthenticatedException.class, (e, ctx) -> {
            ctx.header("WWW-Authenticate", "Bearer realm=\"dreamnet\"");
            respond(ctx, 401, "unauthorized", e.getMessage());
        });
        routes.exception(AccessDeniedException.class, (e, ctx) -> respond(ctx, 403, "forbidden", e.getMessage()));
        routes.exception(WritesRefusedException.class, (e, ctx) -> {
            ctx.header("Retry-After", "30");
            respond(ctx, 503, e.refusedBy() == WritesRefusedException.Cause.WRITE_DRAIN ? "write drain" : "feature off",
                    e.getMessage());
        });
        routes.exception(SharedStateUnavailableException.class, (e, ctx) ->
                respond(ctx, 503, "shared state unavailable", e.getMessage()));
        routes.exception(UnknownRolloutException.class, (e, ctx) -> respond(ctx, 404, "not found", e.getMessage()));
        routes.exception(RolloutConflictException.class, (e, ctx) -> respond(ctx, 409, "conflict", e.getMessage()));
        routes.exception(InjectedFaultException.class, (e, ctx) -> respond(ctx, 500, "injected fault", e.getMessage()));
    }

    private static String refusal(int status) {
        return switch (status) {
            case 404 -> "not found";
            case 413 -> "payload too large";
            default -> "request refused";
        };
    }

    private static void methodNotAllowed(MethodNotAllowedResponse e, Context ctx) {
        // Javalin lists the path's methods as the one value of its details map (keyed by wording that varies).
        String allowed = String.join(", ", e.getDetails().values());
        ctx.header("Allow", allowed);
        respond(ctx, 405, "method not allowed", ctx.method() + " is not allowed on " + ctx.path() + "; allowed: "
                + allowed);
    }

    private static void apiError(ApiException e, Context ctx) {
        respond(ctx, e.status(), e.error(), e.getMessage());
    }

    /** The driver's text stays in the log ({@link DatabaseErrors}): it can name hosts, tables and SQL. */
    private static void databaseError(String detail, Context ctx) {
        ctx.header("Retry-After", TrafficGate.RETRY_AFTER_SECONDS);
        respond(ctx, 503, "database unavailable", detail);
    }

    /** The backend's text (broker address, virtual host, driver message) stays in the log. */
    private static void queueUnavailable(QueueUnavailableException e, Context ctx, RepeatedFailures log) {
        log.log(ctx, e.getMessage());
        ctx.header("Retry-After", TrafficGate.RETRY_AFTER_SECONDS);
        respond(ctx, 503, "queue unavailable", "the queue backend is unreachable; try again later");
    }

    private static void breakerOpen(CallNotPermittedException e, Context ctx, Clock clock) {
        long seconds = e.nextAttemptAt() == null ? 5
                : Math.max(1, Duration.between(Instant.ofEpochMilli(clock.wallMillis()), e.nextAttemptAt()).toSeconds() + 1);
        ctx.header("Retry-After", Long.toString(seconds));
        respond(ctx, 503, e.breakerName() + " unavailable", e.getMessage());
    }

    /** The last failure's text stays in the log: it can name hosts and addresses. */
    private static void retriesExhausted(RetriesExhaustedException e, Context ctx, DatabaseErrors databaseErrors) {
        if (e.getCause() instanceof SQLException sql) {
            databaseError(databaseErrors.detail(sql, ctx), ctx);
            return;
        }
        LOG.warn("{} on {} {}", e.getMessage(), ctx.method(), ctx.path());
        ctx.header("Retry-After", TrafficGate.RETRY_AFTER_SECONDS);
        respond(ctx, 503, e.retryName() + " unavailable", "gave up after " + e.attempts()
                + (e.attempts() == 1 ? " attempt: " : " attempts: ") + e.reason());
    }

    private static void unexpected(Exception e, Context ctx) {
        if (ClientAbort.is(e)) {
            ClientAbort.record(ctx, e);
            return;
        }
        if (e instanceof IllegalStateException && String.valueOf(e.getMessage()).contains("has not started")) {
            ctx.header("Retry-After", TrafficGate.RETRY_AFTER_SECONDS);
            respond(ctx, 503, "not ready", e.getMessage());
            return;
        }
        LOG.error("unexpected failure on {} {}", ctx.method(), ctx.path(), e);
        respond(ctx, 500, "internal error", "unexpected " + e.getClass().getSimpleName() + "; see the server log");
    }

    private static void respond(Context ctx, int status, String error, String detail) {
        ctx.attribute(HANDLED, Boolean.TRUE);
        ctx.status(status).json(new ErrorBody(error, detail));
    }
}
