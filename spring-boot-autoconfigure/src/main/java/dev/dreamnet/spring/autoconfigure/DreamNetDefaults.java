package dev.dreamnet.spring.autoconfigure;

import java.util.Map;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.ConfigurableEnvironment;
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

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        boolean enabled = environment.getProperty("dreamnet.enabled", Boolean.class, true);
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
}
