package dev.dreamnet.spring.autoconfigure;

import dev.dreamnet.config.graph.GraphFile;
import dev.dreamnet.core.health.HealthCheck;
import dev.dreamnet.core.startup.Component;
import dev.dreamnet.core.startup.GraphValidationException;
import dev.dreamnet.core.startup.ServiceSpec;
import dev.dreamnet.core.startup.StartupGraph;
import dev.dreamnet.runtime.DreamNetBuilder;
import dev.dreamnet.runtime.kinds.Kinds;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.ListableBeanFactory;
import org.springframework.boot.convert.DurationStyle;

/**
 * The startup graph of a Spring application: the services of {@code dreamnet.graph} (a service whose kind, or name,
 * is a bean's name is played by that bean) and every bean that is a {@link Component} or a {@link HealthCheck} and
 * is not named there, placed by its {@link DreamNetService} annotation. Used once, while the DreamNet bean is built.
 */
final class BeanServices {

    /** The kind of the services the application's beans play. */
    static final String KIND = "spring-bean";

    private final ListableBeanFactory beans;
    private final Map<String, String> beanOfService = new LinkedHashMap<>();

    BeanServices(ListableBeanFactory beans) {
        this.beans = beans;
    }

    /** Gives {@code builder} the graph and a component for each service a bean plays. */
    void configure(DreamNetBuilder builder, @Nullable Path graphFile) throws GraphValidationException {
        Set<String> candidates = new LinkedHashSet<>();
        candidates.addAll(List.of(beans.getBeanNamesForType(Component.class, true, false)));
        candidates.addAll(List.of(beans.getBeanNamesForType(HealthCheck.class, true, false)));
        List<ServiceSpec> services = new ArrayList<>();
        if (graphFile != null) {
            StartupGraph file = GraphFile.load(graphFile);
            services.addAll(file.services());
            Set<String> builtIn = Set.copyOf(Kinds.builtIn("jdbc:h2:mem:kinds").known());
            Set<String> kinds = new LinkedHashSet<>();
            for (ServiceSpec service : file.services()) {
                candidates.remove(service.name());
                candidates.remove(service.kind());
                if (!builtIn.contains(service.kind()) && kinds.add(service.kind())) {
                    builder.kind(service.kind(), spec -> BeanComponent.of(beans, beanFor(spec)));
                }
            }
        }
        for (String bean : candidates) {
            ServiceSpec spec = spec(bean);
            beanOfService.put(spec.name(), bean);
            services.add(spec);
        }
        if (!services.isEmpty()) {
            builder.graph(StartupGraph.of(graphFile == null ? "the application's beans"
                    : graphFile + " and the application's beans", services));
            builder.kind(KIND, spec -> BeanComponent.of(beans, beanOfService.get(spec.name())));
        }
    }

    private String beanFor(ServiceSpec spec) {
        for (String name : List.of(spec.kind(), spec.name())) {
            if (beans.containsBean(name)) {
                return name;
            }
        }
        throw new IllegalArgumentException("service \"" + spec.name() + "\" has kind \"" + spec.kind()
                + "\", which is neither a built-in kind nor the name of a bean (nor is \"" + spec.name() + "\")");
    }

    private ServiceSpec spec(String bean) {
        DreamNetService placed = beans.findAnnotationOnBean(bean, DreamNetService.class);
        if (placed == null) {
            return ServiceSpec.builder(bean).kind(KIND).build();
        }
        ServiceSpec.Builder spec = ServiceSpec.builder(placed.name().isEmpty() ? bean : placed.name()).kind(KIND)
                .dependsOn(placed.dependsOn()).critical(placed.critical());
        if (!placed.startTimeout().isEmpty()) {
            spec.startTimeout(DurationStyle.detectAndParse(placed.startTimeout()));
        }
        if (placed.retries() >= 0) {
            spec.retries(placed.retries());
        }
        return spec.build();
    }
}
