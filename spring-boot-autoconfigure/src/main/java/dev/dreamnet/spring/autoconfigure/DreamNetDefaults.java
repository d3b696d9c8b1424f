package dev.dreamnet.spring.autoconfigure;

import java.util.Map;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.Environment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.PropertySource;

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

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        boolean enabled = flag(environment, "dreamnet.enabled", true);
        DreamNetPreloader.dreamNetEnabled(enabled);
        if (!enabled) {
            return;
        }
        environment.getPropertySources().addLast(new MapPropertySource(SOURCE, Map.of(
                "management.endpoint.health.probes.enabled", "true",
                "management.endpoint.health.group.readiness.include", "readinessState,dreamnet",
                "management.endpoint.health.group.liveness.include", "livenessState",
                "management.endpoints.jackson2.isolated-object-mapper", "false")));
    }

    /**
     * A boolean setting read as Spring Framework reads a property: from the environment's sources in order, the
     * operating system's variables by their upper-case, underscored names too ({@code DREAMNET_ENABLED}), placeholders
     * resolved; {@code otherwise} when no source has it. Spring Boot's relaxed names (camel case in a file) are not
     * matched. Read this way because, before the context's refresh, every lookup through Boot's relaxed view of the
     * environment refreshes its index of each changeable source's names: the two lookups the starter made at each
     * start cost about 30 ms of its main thread, more than all of Spring Boot's own property conditions together.
     */
    static boolean flag(Environment environment, String name, boolean otherwise) {
        if (!(environment instanceof ConfigurableEnvironment configurable)) {
            return environment.getProperty(name, Boolean.class, otherwise);
        }
        for (PropertySource<?> source : configurable.getPropertySources()) {
            Object value = ConfigurationPropertySources.isAttachedConfigurationPropertySource(source)
                    ? null : source.getProperty(name);
            if (value != null) {
                Boolean flag = configurable.getConversionService()
                        .convert(configurable.resolveRequiredPlaceholders(value.toString()), Boolean.class);
                return flag == null ? otherwise : flag;
            }
        }
        return otherwise;
    }
}
