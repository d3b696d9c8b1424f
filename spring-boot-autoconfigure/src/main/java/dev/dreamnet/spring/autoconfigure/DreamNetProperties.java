package dev.dreamnet.spring.autoconfigure;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The {@code dreamnet.*} properties the starter builds its {@code DreamNet} from. Every one has a default, so the
 * starter works with none: one service, no flags, the toolkit's own resilience defaults. Immutable.
 *
 * @param enabled        whether the starter configures DreamNet at all
 * @param graph          the startup graph (graph.json); the application's component beans are added to it
 * @param flags          the flags file (flags.yaml), watched and reloaded
 * @param resilience     breakers, retries and timeouts per downstream (resilience.yaml), watched and reloaded
 * @param overload       overload protection (overload.yaml), watched and reloaded
 * @param slos           service level objectives over the application's routes (slos.yaml), watched and reloaded
 * @param database       JDBC URL of the toolkit's state (audit log, rollouts); PostgreSQL makes a fleet; an H2 file
 *                       under ./dreamnet-data when unset
 * @param shutdownGrace  how long shutdown waits for in-flight requests, then for each service to stop
 * @param startupThreads how many services start at once
 * @param tokens         the tokens that guard DreamNet's operations
 * @param fleet          fleet mode
 * @param gates          how often health gates check
 * @param web            the servlet filter on the application's requests
 * @param endpoints      the dreamnet actuator endpoint
 */
@ConfigurationProperties(prefix = "dreamnet")
public record DreamNetProperties(
        @DefaultValue("true") boolean enabled,
        @Nullable Path graph,
        @Nullable Path flags,
        @Nullable Path resilience,
        @Nullable Path overload,
        @Nullable Path slos,
        @Nullable String database,
        @DefaultValue("30s") Duration shutdownGrace,
        @DefaultValue("8") int startupThreads,
        @DefaultValue Tokens tokens,
        @DefaultValue Fleet fleet,
        @DefaultValue Gates gates,
        @DefaultValue Web web,
        @DefaultValue Endpoints endpoints) {

    /**
     * Access tokens (the same as {@code DREAMNET_ADMIN_TOKENS} and {@code DREAMNET_READ_TOKENS}, which are read too).
     *
     * @param admin     tokens that may change flags, modes, kill switches, breakers and rollouts
     * @param read      tokens that may read DreamNet's endpoint; without any, reads are open
     * @param adminFile a file of admin tokens, one a line, re-read when it changes
     * @param readFile  a file of read tokens, one a line, re-read when it changes
     */
    public record Tokens(@DefaultValue List<String> admin, @DefaultValue List<String> read, @Nullable Path adminFile,
                         @Nullable Path readFile) {
    }

    /**
     * Fleet mode: instances sharing a PostgreSQL {@code dreamnet.database} share flags, modes and rollouts.
     *
     * @param enabled when set, startup is refused unless the database agrees (true needs PostgreSQL; false refuses
     *                PostgreSQL, as fleet mode follows the database); unset, it follows the database
     */
    public record Fleet(@Nullable Boolean enabled) {
    }

    /**
     * Health gates: each service whose component can check itself gets one.
     *
     * @param startupInterval how often a gate checks until it is ready
     * @param interval        how often a gate checks once ready; a check's timeout is the smaller of 2 s and half this
     */
    public record Gates(@DefaultValue("200ms") Duration startupInterval, @DefaultValue("5s") Duration interval) {
    }

    /**
     * The servlet filter: request tracking, the traffic gate and kill switches.
     *
     * @param enabled    whether the filter is registered
     * @param ungated    path prefixes of the application's routes served before the service is ready
     * @param notWrites  path patterns (/api/search/**) of POST, PUT, PATCH or DELETE routes that change nothing,
     *                   left open under WRITE_DRAIN
     * @param routeFlags per flag, the path patterns refused with 503 while it is off
     *                   (dreamnet.web.route-flags.recommendations=/api/recommendations/**)
     */
    public record Web(@DefaultValue("true") boolean enabled, @DefaultValue List<String> ungated,
                      @DefaultValue List<String> notWrites, @DefaultValue Map<String, List<String>> routeFlags) {
    }

    /**
     * The {@code dreamnet} actuator endpoint.
     *
     * @param auth who guards its operations: tokens (DreamNet's tokens in the Authorization header),
     *             spring-security (the application's security, the actor being its principal), or
     *             auto: Spring Security when it is on the class path, tokens otherwise
     * @param console whether the operator console is served at /actuator/dreamnet/console: a page that
     *                shows what the endpoint reads and makes its writes (with the admin token and a reason)
     */
    public record Endpoints(@DefaultValue("auto") String auth, @DefaultValue("true") boolean console) {
    }
}
