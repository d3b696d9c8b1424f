package dev.dreamnet.reference.support;

import dev.dreamnet.core.startup.Component;
import dev.dreamnet.core.startup.ServiceSpec;
import dev.dreamnet.reference.Customizer;
import dev.dreamnet.runtime.kinds.Kinds;
import io.javalin.http.Handler;
import io.javalin.router.JavalinDefaultRoutingApi;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;

/** A {@link Customizer} assembled by a test: extra component kinds and GET routes. Not thread-safe. */
public final class TestCustomizer implements Customizer {

    private final Map<String, Function<ServiceSpec, Component>> kinds = new LinkedHashMap<>();
    private final Map<String, Handler> routes = new LinkedHashMap<>();

    /** Services of kind {@code name} all get {@code component}. */
    public TestCustomizer kind(String name, Component component) {
        return kind(name, spec -> component);
    }

    public TestCustomizer kind(String name, Function<ServiceSpec, Component> factory) {
        kinds.put(name, factory);
        return this;
    }

    public TestCustomizer get(String path, Handler handler) {
        routes.put(path, handler);
        return this;
    }

    @Override
    public void components(Kinds registry) {
        kinds.forEach(registry::register);
    }

    @Override
    public void routes(JavalinDefaultRoutingApi api) {
        routes.forEach(api::get);
    }
}
