package dev.dreamnet.spring.autoconfigure;

import java.util.List;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.actuate.autoconfigure.web.server.ManagementPortType;
import org.springframework.boot.actuate.endpoint.web.PathMappedEndpoints;
import org.springframework.context.ApplicationContext;
import org.springframework.core.env.Environment;
import org.springframework.util.ClassUtils;

/**
 * The actuator's requests, which DreamNet's filters never refuse, never limit and never count as the application's
 * traffic. On the application's port: the paths under the actuator's base path
 * ({@code management.endpoints.web.base-path}, {@code /actuator} by default); none when the actuator has a port of
 * its own ({@code management.server.port}), since then no actuator path is on the application's port, even at a base
 * path of {@code /}, under which every path would be; and, on the application's port at a base path of {@code /},
 * each exposed endpoint's own path ({@code /health}, {@code /dreamnet}). Under WebFlux, whose web filters also run on
 * the actuator's own port, {@link #managementServer} tells that port's requests apart. Thread-safe.
 */
final class ManagementPaths {

    private static final String ACTUATOR = "org.springframework.boot.actuate.autoconfigure.web.server.ManagementPortType";

    /** The base path with a trailing slash; null when no base path is a prefix of the actuator's paths here. */
    private final @Nullable String prefix;
    /** The endpoints' own paths when they are at the root of the application's port; otherwise empty. */
    private final Supplier<List<String>> rootEndpoints;
    /** The application's context when the actuator has a port of its own; null otherwise. */
    private final @Nullable ApplicationContext application;

    private ManagementPaths(@Nullable String prefix, Supplier<List<String>> rootEndpoints,
                            @Nullable ApplicationContext application) {
        this.prefix = prefix;
        this.rootEndpoints = rootEndpoints;
        this.application = application;
    }

    /** Where the actuator is, as {@code environment} places it; {@code context} is the application's. */
    static ManagementPaths of(Environment environment, ApplicationContext context) {
        String base = DreamNetAutoConfiguration.actuatorBasePath(environment);
        if (!ClassUtils.isPresent(ACTUATOR, ManagementPaths.class.getClassLoader())) {
            return new ManagementPaths(null, List::of, null);
        }
        return Actuator.paths(environment, context, base);
    }

    /** Whether {@code path} (within the application, on its port) is the actuator's. */
    boolean isActuator(String path) {
        if (prefix != null) {
            return path.startsWith(prefix) || path.equals(prefix.substring(0, prefix.length() - 1));
        }
        for (String endpoint : rootEndpoints.get()) {
            if (path.equals(endpoint) || path.startsWith(endpoint + "/")) {
                return true;
            }
        }
        return false;
    }

    /**
     * Whether a WebFlux request was served by the actuator's own port: its exchange's context is not the
     * application's. Always false when the actuator shares the application's port.
     */
    boolean managementServer(ApplicationContext requestContext) {
        return application != null && requestContext != application;
    }

    /**
     * Whether a WebFlux request was served where the actuator is: the management port when the actuator has one of
     * its own, otherwise the application's port.
     */
    boolean actuatorServer(ApplicationContext requestContext) {
        return application == null || requestContext != application;
    }

    private static String withSlash(String basePath) {
        return basePath.endsWith("/") ? basePath : basePath + "/";
    }

    /** The part that names actuator's classes, loaded only when actuator is on the class path. */
    private static final class Actuator {

        static ManagementPaths paths(Environment environment, ApplicationContext context, String base) {
            if (ManagementPortType.get(environment) == ManagementPortType.DIFFERENT) {
                return new ManagementPaths(null, List::of, context);
            }
            if (!withSlash(base).equals("/")) {
                return new ManagementPaths(withSlash(base), List::of, null);
            }
            // At the root: each endpoint's path, read once the endpoints are known (after the context has started).
            return new ManagementPaths(null, new Supplier<>() {
                private volatile @Nullable List<String> paths;

                @Override
                public List<String> get() {
                    List<String> known = paths;
                    if (known == null) {
                        known = context.getBeanProvider(PathMappedEndpoints.class).stream()
                                .flatMap(endpoints -> endpoints.getAllPaths().stream()).toList();
                        paths = known;
                    }
                    return known;
                }
            }, null);
        }
    }
}
