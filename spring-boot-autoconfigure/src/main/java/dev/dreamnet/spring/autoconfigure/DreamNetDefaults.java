package dev.dreamnet.spring.autoconfigure;

import java.util.Map;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.Environment;
import org.springframework.core.env.MapPropertySource;

/**
 * Defaults the starter brings, each one overridden by any property the application sets: the liveness and readiness
 * probes ({@code /actuator/health/liveness}, {@code /actuator/health/readiness}) are on, and the readiness group
 * holds DreamNet's health gates beside Spring's readiness state. And actuator's deprecated Jackson 2 mapper is not built
 * (DreamNet's runtime brings Jackson 2 for its own JSON, and its presence alone makes Spring Boot build a second,
 * Jackson 2, object mapper for the actuator endpoints at start; Boot 4's endpoints use Jackson 3). With
 * {@code dreamnet.enabled=false} it brings none of them and tells {@link DreamNetPreloader}, which Spring Boot runs
 * right after it, that there is nothing to preload. Stateless.
 */
public final class DreamNetDefaults implements EnvironmentPostProcessor {

    static final String SOURCE = "dreamnetDefaults";
    static final String JACKSON2_MAPPER = "management.endpoints.jackson2.isolated-object-mapper";

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        boolean enabled = environment.getProperty("dreamnet.enabled", Boolean.class, true);
        DreamNetPreloader.dreamNetEnabled(enabled);
        if (!enabled) {
            return;
        }
        boolean mapperOff = !environment.getProperty(JACKSON2_MAPPER, Boolean.class, false);
        environment.getPropertySources().addLast(new Defaults(Map.of(
                "management.endpoint.health.probes.enabled", "true",
                "management.endpoint.health.group.readiness.include", "readinessState,dreamnet",
                "management.endpoint.health.group.liveness.include", "livenessState",
                JACKSON2_MAPPER, "false"), mapperOff));
    }

    /**
     * Whether these defaults were brought to {@code environment} with actuator's Jackson 2 mapper left off (the
     * application did not turn it on). Decided once, as the environment was prepared, with Spring Boot's relaxed names,
     * so that {@link DreamNetImportFilter} reads the answer rather than the environment: while the configuration classes
     * are parsed, each lookup through Boot's relaxed view refreshed its index of the changeable property sources' names,
     * and the filter's two lookups cost about 30 ms of the main thread at each start (docs/PERFORMANCE.md).
     */
    static boolean jackson2MapperOff(Environment environment) {
        return environment instanceof ConfigurableEnvironment configurable
                && configurable.getPropertySources().get(SOURCE) instanceof Defaults defaults && defaults.mapperOff;
    }

    /** The defaults, and what they decided about the Jackson 2 mapper. */
    private static final class Defaults extends MapPropertySource {

        private final boolean mapperOff;

        Defaults(Map<String, Object> defaults, boolean mapperOff) {
            super(SOURCE, defaults);
            this.mapperOff = mapperOff;
        }
    }
}
