package dev.dreamnet.spring.autoconfigure;

import dev.dreamnet.jdbc.Dialect;
import dev.dreamnet.runtime.DreamNet;
import dev.dreamnet.runtime.DreamNetBuilder;
import dev.dreamnet.runtime.auth.AccessControl;
import dev.dreamnet.runtime.tracing.Tracing;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.ListableBeanFactory;
import org.springframework.util.ClassUtils;

/** Builds the {@code DreamNet} bean from the {@code dreamnet.*} properties and the application's beans. Stateless. */
final class DreamNetFactory {

    private static final String OPEN_TELEMETRY = "io.opentelemetry.api.OpenTelemetry";
    static final Duration MIN_GATE_INTERVAL = Duration.ofMillis(10);

    private DreamNetFactory() {
    }

    static DreamNet build(DreamNetProperties properties, ListableBeanFactory beans, Map<String, String> environment,
                          List<DreamNetCustomizer> customizers) throws Exception {
        checkTimings(properties);
        DreamNetAutoConfiguration.springSecurity(properties); // refused here, before the runtime's threads exist
        checkFleet(properties);
        checkDatabase(properties.database());
        DreamNetBuilder builder = DreamNet.builder();
        // Spans go where the application's own go; the runtime's OTEL_* set-up is for applications without Spring.
        builder.tracing(ClassUtils.isPresent(OPEN_TELEMETRY, DreamNetFactory.class.getClassLoader())
                ? ApplicationTracing.of(beans) : Tracing.off());
        new BeanServices(beans).configure(builder, properties.graph());
        if (properties.flags() != null) {
            builder.flags(properties.flags());
        }
        if (properties.resilience() != null) {
            builder.resilience(properties.resilience());
        }
        if (properties.overload() != null) {
            builder.overload(properties.overload());
        }
        if (properties.slos() != null) {
            builder.slos(properties.slos());
        }
        if (properties.database() != null) {
            builder.database(properties.database());
        }
        builder.environment(environment(properties.tokens(), environment))
                .shutdownGrace(properties.shutdownGrace())
                .startupThreads(properties.startupThreads())
                .gateIntervals(properties.gates().startupInterval(), properties.gates().interval());
        for (DreamNetCustomizer customizer : customizers) {
            customizer.customize(builder);
        }
        return builder.build();
    }

    /** The process environment, with the tokens set by properties in place of the variables of the same meaning. */
    static Map<String, String> environment(DreamNetProperties.Tokens tokens, Map<String, String> process) {
        Map<String, String> environment = new HashMap<>(process);
        put(environment, AccessControl.ADMIN_TOKENS, tokens.admin().isEmpty() ? null : String.join(",", tokens.admin()));
        put(environment, AccessControl.READ_TOKENS, tokens.read().isEmpty() ? null : String.join(",", tokens.read()));
        put(environment, AccessControl.ADMIN_TOKENS_FILE, tokens.adminFile());
        put(environment, AccessControl.READ_TOKENS_FILE, tokens.readFile());
        return environment;
    }

    private static void put(Map<String, String> environment, String variable, @Nullable Object value) {
        if (value != null) {
            environment.put(variable, value instanceof Path path ? path.toAbsolutePath().toString() : value.toString());
        }
    }

    private static void checkTimings(DreamNetProperties properties) {
        atLeast("dreamnet.gates.interval", properties.gates().interval());
        atLeast("dreamnet.gates.startup-interval", properties.gates().startupInterval());
        atMostADay("dreamnet.gates.interval", properties.gates().interval());
        atMostADay("dreamnet.gates.startup-interval", properties.gates().startupInterval());
        if (properties.shutdownGrace().isNegative()) {
            throw new DreamNetConfigurationException("dreamnet.shutdown-grace must not be negative, was "
                    + properties.shutdownGrace().toMillis() + "ms");
        }
        atMostADay("dreamnet.shutdown-grace", properties.shutdownGrace());
        if (properties.startupThreads() < 1) {
            throw new DreamNetConfigurationException("dreamnet.startup-threads must be at least 1, was "
                    + properties.startupThreads());
        }
    }

    /**
     * Longer is a slip (a unit, a zero too many), and about 292 years overflowed the nanoseconds the timers count in: the
     * gate was never checked again, the drain skipped.
     */
    private static void atMostADay(String property, Duration duration) {
        if (duration.compareTo(Duration.ofDays(1)) > 0) {
            throw new DreamNetConfigurationException(property + " must be at most 1d (24h), was " + duration.toHours()
                    + "h");
        }
    }

    /** A gate checks within half its interval: under this, no check could finish and readiness would never come. */
    private static void atLeast(String property, Duration interval) {
        if (interval.compareTo(MIN_GATE_INTERVAL) < 0) {
            throw new DreamNetConfigurationException(property + " must be at least " + MIN_GATE_INTERVAL.toMillis()
                    + "ms (a check gets half of it to answer), was " + interval.toMillis() + "ms");
        }
    }

    private static void checkFleet(DreamNetProperties properties) {
        Boolean wanted = properties.fleet().enabled();
        if (wanted == null) {
            return;
        }
        String database = properties.database();
        boolean postgres = Dialect.ofUrl(database) == Dialect.POSTGRESQL;
        if (wanted && !postgres) {
            throw new DreamNetConfigurationException("dreamnet.fleet.enabled=true needs a PostgreSQL dreamnet.database "
                    + "(jdbc:postgresql://...), was " + (database == null ? "unset (embedded H2)" : redact(database)));
        }
        if (!wanted && postgres) {
            throw new DreamNetConfigurationException("dreamnet.fleet.enabled=false, but dreamnet.database is PostgreSQL, and "
                    + "instances sharing a PostgreSQL database always form a fleet: remove the setting or use "
                    + "another database");
        }
    }

    /**
     * The toolkit's store is H2 or PostgreSQL: anything else started READY with the audit log and rollouts kept in
     * memory only. PostgreSQL's driver is the application's dependency, as for its own database: say so, not "no
     * driver".
     */
    private static void checkDatabase(@Nullable String database) {
        if (database == null) {
            return;
        }
        Dialect dialect = Dialect.ofUrl(database);
        if (dialect == Dialect.OTHER) {
            throw new DreamNetConfigurationException("dreamnet.database must be an H2 (jdbc:h2:...) or PostgreSQL "
                    + "(jdbc:postgresql://...) JDBC URL, was " + redact(database));
        }
        if (dialect == Dialect.POSTGRESQL && !ClassUtils.isPresent("org.postgresql.Driver", DreamNetFactory.class.getClassLoader())) {
            throw new DreamNetConfigurationException("dreamnet.database is PostgreSQL (" + redact(database) + "), but its JDBC "
                    + "driver is not on the class path: add the dependency org.postgresql:postgresql");
        }
    }

    private static String redact(String url) {
        int query = url.indexOf('?');
        return query < 0 ? url : url.substring(0, query) + "?...";
    }
}
