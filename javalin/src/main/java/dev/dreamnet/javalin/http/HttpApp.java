package dev.dreamnet.javalin.http;


import io.javalin.config.JettyConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import io.javalin.http.MethodNotAllowedResponse;
import io.javalin.router.JavalinDefaultRoutingApi;
import dev.dreamnet.core.breaker.CallNotPermittedException;
import dev.dreamnet.core.time.Clock;
import dev.dreamnet.runtime.auth.AccessDeniedException;
import dev.dreamnet.runtime.auth.NotAuthenticatedException;
import dev.dreamnet.runtime.fleet.SharedStateUnavailableException;
import dev.dreamnet.runtime.flags.NoOverrideException;
import dev.dreamnet.runtime.flags.WritesRefusedException;
import dev.dreamnet.runtime.rollouts.RolloutConflictException;
import dev.dreamnet.runtime.rollouts.UnknownRolloutException;
import dev.dreamnet.core.retry.RetriesExhaustedException;
import dev.dreamnet.core.queue.QueueUnavailableException;
import dev.dreamnet.core.queue.UnknownQueueException;
import java.sql.SQLException;
import java.time.Duration;
import org.eclipse.jetty.server.handler.GracefulHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Error handling that always answers {@code {"error", "detail"}} JSON, never a stack trace (a client that hung up is
 * recorded as 499, not as an error), and Jetty within {@link HttpLimits}. This is the one place where the domain's
 * exceptions become statuses; {@link dev.dreamnet.javalin.DreamNetPlugin} installs it.
 */
public final class HttpApp {

    private static final Logger LOG = LoggerFactory.getLogger(HttpApp.class);
    private static final String HANDLED = "dreamnet.error-handled";
    private static final Duration FINISH_WRITING = Duration.ofSeconds(5);
    private static final Duration IDLE_SWEEP = Duration.ofMillis(50);

    private HttpApp() {
    }

    /**
     * Error handling for the whole application: every failure answers {@code {"error", "detail"}} JSON with the
     * right status, never a stack trace; {@code clock} dates the {@code Retry-After} of an open breaker against the
     * breaker's own clock.
     */
    public static void errorHandlers(JavalinDefaultRoutingApi routes, Clock clock) {
        DatabaseErrors databaseErrors = new DatabaseErrors();
        RepeatedFailures queueErrors = new RepeatedFailures(LOG, "queue call");
        routes.exception(ApiException.class, HttpApp::apiError);
        domainErrors(routes);
        routes.exception(SQLException.class, (e, ctx) -> databaseError(databaseErrors.detail(e, ctx), ctx));
        routes.exception(CallNotPermittedException.class, (e, ctx) -> breakerOpen(e, ctx, clock));
        routes.exception(RetriesExhaustedException.class, (e, ctx) -> retriesExhausted(e, ctx, databaseErrors));
        routes.exception(UnknownQueueException.class, (e, ctx) -> respond(ctx, 404, "not found", e.getMessage()));
        routes.exception(QueueUnavailableException.class, (e, ctx) -> queueUnavailable(e, ctx, queueErrors));
        routes.exception(MethodNotAllowedResponse.class, HttpApp::methodNotAllowed);
        routes.exception(HttpResponseException.class, (e, ctx) ->
                respond(ctx, e.getStatus(), refusal(e.getStatus()), e.getMessage()));
        routes.exception(Exception.class, HttpApp::unexpected);
        routes.error(404, ctx -> {
            if (ctx.attribute(HANDLED) == null) {
                respond(ctx, 404, "not found", "no route for " + ctx.method() + " " + ctx.path());
            }
        });
        // Jetty failed the body read (too slow, see JettyLimits); Javalin set only the status.
        routes.error(408, ctx -> respond(ctx, 408, "request timeout", "the request body arrived slower than "
                + JettyLimits.MIN_BODY_BYTES_PER_SECOND + " bytes/s or not within the idle timeout"));
    }

    /**
     * Jetty within {@code limits}, a graceful stop that lets the last responses reach their clients, and JSON for
     * the errors Jetty answers itself.
     */
    public static void jetty(JettyConfig jetty, HttpLimits limits) {
        JettyLimits.apply(jetty, limits);
        // The in-flight count drops before Javalin writes the response; Jetty's graceful stop lets
        // those last bytes reach the client instead of cutting the connection under them. A response to a
        // client that reads slowly gets the whole stop timeout: connections idle between requests are closed
        // by IdleConnections instead of by a short shutdown idle timeout, which would cut those writes too.
        jetty.modifyServer(server -> {
            GracefulHandler graceful = new GracefulHandler();
            graceful.setShutdownIdleTimeout(FINISH_WRITING.toMillis());
            server.insertHandler(graceful);
            server.setStopTimeout(FINISH_WRITING.toMillis());
            IdleConnections.closeWhileStopping(server, IDLE_SWEEP);
            server.setErrorHandler(new JsonErrorHandler());
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
        routes.exception(NoOverrideException.class, (e, ctx) -> respond(ctx, 404, "not found", e.getMessage()));
        routes.exception(RolloutConflictException.class, (e, ctx) -> respond(ctx, 409, "conflict", e.getMessage()));
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
        ctx.header("Retry-After", Long.toString(e.retryAfterSeconds(clock.wallMillis())));
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
